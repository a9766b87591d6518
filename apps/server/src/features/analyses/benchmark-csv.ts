import { foldWidth } from '@totonoe/domain';

/** Reads CSV bytes as UTF-8 (with or without BOM) or, failing that, Shift_JIS as Japanese spreadsheets save it. */
export function decodeCsv(bytes: Uint8Array): string | null {
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return text.startsWith('\ufeff') ? text.slice(1) : text;
    } catch {
      // try the next encoding
    }
  }
  return null;
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (isQuoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          isQuoted = false;
        }
      } else {
        field += character;
      }
    } else if (character === '"' && field === '') {
      isQuoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const COLUMN_NAMES = {
  indicator: ['指標', '指標名', 'indicator'],
  subject: ['比較対象', '団体', '自治体', '団体名', 'subject'],
  year: ['年度', '年', 'year'],
  value: ['値', '数値', 'value'],
  isOwnCity: ['本市', '本市フラグ', 'own', 'own city', 'isowncity'],
} as const;

type Column = keyof typeof COLUMN_NAMES;

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '○', '〇', '◯', 'はい', '本市']);

export type CsvBenchmarkRow = {
  row: number;
  indicator: string;
  subject: string;
  year: number;
  value: number;
  isOwnCity: boolean | null;
};

export type CsvProblem = { row: number; column: string; ja: string; en: string };

function fold(text: string): string {
  return foldWidth(text).trim().toLowerCase();
}

/**
 * Reads benchmark values from CSV with a header row naming the columns 指標, 比較対象, 年度, 値 and
 * optionally 本市 (English names also work). Returns the rows, or the problems found, row by row.
 */
export function readBenchmarkCsv(text: string): { rows: CsvBenchmarkRow[]; problems: CsvProblem[] } {
  const [header, ...body] = parseCsv(text);
  const problems: CsvProblem[] = [];
  if (!header) {
    return { rows: [], problems: [{ row: 1, column: '', ja: 'CSV が空です。', en: 'The CSV is empty.' }] };
  }
  const columnIndex = new Map<Column, number>();
  for (const [index, name] of header.entries()) {
    const folded = fold(name.replace(/^\ufeff/, ''));
    for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
      if (names.some((candidate) => fold(candidate) === folded) && !columnIndex.has(column)) {
        columnIndex.set(column, index);
      }
    }
  }
  const missing = (['indicator', 'subject', 'year', 'value'] as const).filter(
    (column) => !columnIndex.has(column),
  );
  if (missing.length > 0) {
    const names = missing.map((column) => COLUMN_NAMES[column][0]).join('・');
    return {
      rows: [],
      problems: [
        {
          row: 1,
          column: '',
          ja: `見出し行に列「${names}」がありません。`,
          en: `The header row lacks the columns ${missing.join(', ')}.`,
        },
      ],
    };
  }
  const rows: CsvBenchmarkRow[] = [];
  for (const [offset, cells] of body.entries()) {
    const rowNumber = offset + 2;
    const cell = (column: Column) => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : foldWidth(cells[index] ?? '').trim();
    };
    const indicator = cell('indicator');
    const subject = cell('subject');
    const yearText = cell('year').replace(/年度?$/, '');
    const valueText = cell('value').replace(/,/g, '');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    const value = valueText === '' ? Number.NaN : Number(valueText);
    const rowProblems: CsvProblem[] = [];
    if (!indicator || indicator.length > 200) {
      rowProblems.push({
        row: rowNumber,
        column: '指標',
        ja: '指標名がありません。',
        en: 'No indicator name.',
      });
    }
    if (!subject || subject.length > 200) {
      rowProblems.push({
        row: rowNumber,
        column: '比較対象',
        ja: '比較対象がありません。',
        en: 'No subject.',
      });
    }
    if (!Number.isInteger(year) || year < 1900 || year > 2100) {
      rowProblems.push({
        row: rowNumber,
        column: '年度',
        ja: '年度は西暦4桁で入力してください。',
        en: 'The year must be four digits.',
      });
    }
    if (!Number.isFinite(value) || Math.abs(value) > 1e15) {
      rowProblems.push({
        row: rowNumber,
        column: '値',
        ja: '値が数値ではありません。',
        en: 'The value is not a number.',
      });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    const ownText = columnIndex.has('isOwnCity') ? fold(cell('isOwnCity')) : null;
    rows.push({
      row: rowNumber,
      indicator,
      subject,
      year,
      value,
      isOwnCity: ownText === null ? null : TRUE_WORDS.has(ownText),
    });
  }
  return { rows, problems };
}
