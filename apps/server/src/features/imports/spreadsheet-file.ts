import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Reading uploaded spreadsheets: .xlsx (Excel) and CSV in UTF-8, UTF-8 with BOM or Shift_JIS
 * (Windows-31J, as Excel on a Japanese PC saves it). Everything comes out as rows of text cells.
 */

export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export type SpreadsheetFormat = 'csv' | 'xlsx';

export const MAX_DATA_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/** An .xlsx is a zip: refuse one that would unpack to more than this (a zip bomb). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;

/** Why a file could not be read, for the person who uploaded it. */
export class UnreadableFileError extends Error {
  readonly messages: { ja: string; en: string };
  readonly isEncodingMismatch: boolean;

  constructor(ja: string, en: string, options: { isEncodingMismatch?: boolean } = {}) {
    super(en);
    this.messages = { ja, en };
    this.isEncodingMismatch = options.isEncodingMismatch ?? false;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The format of a file from its bytes (never from its name alone): a zip is .xlsx, an OLE file old .xls. */
export function detectFormat(bytes: Uint8Array): SpreadsheetFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new UnreadableFileError(
      '古い Excel 形式（.xls）は読み込めません。Excel で「Excel ブック（.xlsx）」または「CSV」として保存し直してください。',
      'Old Excel files (.xls) cannot be read. Save the file as an Excel workbook (.xlsx) or CSV.',
    );
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    throw new UnreadableFileError(
      'Excel ブック（.xlsx）または CSV ファイルを選んでください。',
      'Choose an Excel workbook (.xlsx) or a CSV file.',
    );
  }
  return 'csv';
}

/** The encoding of CSV bytes: a BOM says UTF-8, valid UTF-8 is UTF-8, anything else is taken as Shift_JIS. */
export function detectCsvEncoding(bytes: Uint8Array): CsvEncoding {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

/** Decodes CSV bytes in the given encoding; refuses bytes that are not in it. */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  const mismatch = () =>
    new UnreadableFileError(
      `ファイルの文字コードが「${encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8'}」ではありません。別の文字コードを選んでください。`,
      `The file is not in ${encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8'}. Choose another encoding.`,
      { isEncodingMismatch: true },
    );
  if (encoding === 'shift_jis') {
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    if (text.includes('\ufffd')) throw mismatch();
    return text;
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw mismatch();
  }
}

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  let wasQuoted = false;
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
    } else if (character === '"' && field === '' && !wasQuoted) {
      isQuoted = true;
      wasQuoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Sums what the zip's central directory says its entries unpack to; refuses what is not a sane .xlsx. */
function assertSaneZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = () =>
    new UnreadableFileError(
      'Excel ブック（.xlsx）として読み込めませんでした。ファイルが壊れていないか確認してください。',
      'The file could not be read as an Excel workbook (.xlsx). Check that it is not damaged.',
    );
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 65_535); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries > MAX_ZIP_ENTRIES) throw unreadable();
  let unpacked = 0;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) throw unreadable();
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) throw unreadable();
    unpacked += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new UnreadableFileError(
      'ファイルの中身が大きすぎます。行数を分けて取り込んでください。',
      'The workbook unpacks to too much data. Split it into smaller files.',
    );
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates have no time zone: exceljs gives them as UTC midnight.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return String((value as { text: unknown }).text ?? '');
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Reads the first worksheet of an .xlsx as rows of text cells. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  assertSaneZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError(
      'Excel ブック（.xlsx）として読み込めませんでした。ファイルが壊れていないか確認してください。',
      'The file could not be read as an Excel workbook (.xlsx). Check that it is not damaged.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let column = 1; column < Math.min(values.length, MAX_COLUMNS + 2); column++) {
      cells.push(cellText(values[column] ?? null));
    }
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index++) rows[index] ??= [];
  return rows;
}

export type SpreadsheetContent = {
  format: SpreadsheetFormat;
  encoding: CsvEncoding | null;
  headers: string[];
  /** Data rows after the header, with their row number in the file (1-based, as a spreadsheet shows). */
  rows: { rowNumber: number; cells: string[] }[];
};

/**
 * Reads a file into a header and data rows: the header is the first row that is not empty; empty
 * rows are skipped (row numbers stay as in the file). CSV is decoded in the given encoding, or the
 * detected one.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  encoding?: CsvEncoding,
): Promise<SpreadsheetContent> {
  const format = detectFormat(bytes);
  let table: string[][];
  let usedEncoding: CsvEncoding | null = null;
  if (format === 'xlsx') {
    table = await readXlsx(bytes);
  } else {
    usedEncoding = encoding ?? detectCsvEncoding(bytes);
    table = parseCsv(decodeCsv(bytes, usedEncoding));
  }
  const isEmpty = (cells: string[] | undefined) => !cells || cells.every((cell) => cell.trim() === '');
  const headerIndex = table.findIndex((cells) => !isEmpty(cells));
  if (headerIndex < 0) {
    throw new UnreadableFileError('ファイルにデータがありません。', 'The file holds no data.');
  }
  const headers = table[headerIndex]!.slice(0, MAX_COLUMNS).map((header) => header.trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  if (headers.length > MAX_COLUMNS) {
    throw new UnreadableFileError(
      `列が多すぎます（${MAX_COLUMNS}列まで）。`,
      `Too many columns (at most ${MAX_COLUMNS}).`,
    );
  }
  const rows: SpreadsheetContent['rows'] = [];
  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (isEmpty(cells)) continue;
    if (rows.length >= MAX_DATA_ROWS) {
      throw new UnreadableFileError(
        `行が多すぎます（${MAX_DATA_ROWS.toLocaleString('ja-JP')}行まで）。ファイルを分けて取り込んでください。`,
        `Too many rows (at most ${MAX_DATA_ROWS}). Split the file.`,
      );
    }
    rows.push({ rowNumber: index + 1, cells: cells!.slice(0, Math.max(headers.length, 1)) });
  }
  return { format, encoding: usedEncoding, headers, rows };
}
