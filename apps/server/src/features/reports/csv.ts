import iconv from 'iconv-lite';
import type { Column } from './report-resources.ts';
import type { Row } from './stream-rows.ts';

/** The encodings a CSV download comes in: UTF-8 with a BOM, or Shift_JIS as Excel on a city PC reads it. */
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Characters Windows-31J (the Shift_JIS of Windows and Excel) lacks, written as the look-alike it
 * has, as Japanese Windows software does: 〜 → ～, − → －, ‖ → ∥, ¢ → ￠, £ → ￡, ¬ → ￢, — → ―.
 */
const WINDOWS_31J_SUBSTITUTES: Record<string, string> = {
  '\u301c': '\uff5e',
  '\u2212': '\uff0d',
  '\u2016': '\u2225',
  '\u00a2': '\uffe0',
  '\u00a3': '\uffe1',
  '\u00ac': '\uffe2',
  '\u2014': '\u2015',
};

/** What a character with no Shift_JIS form becomes: 〓 (the geta mark), never a silent '?'. */
export const SHIFT_JIS_MISSING = '〓';

const encodable = new Map<string, boolean>();

function isEncodable(character: string): boolean {
  let known = encodable.get(character);
  if (known === undefined) {
    const bytes = iconv.encode(character, 'cp932');
    known = !(bytes.length === 1 && bytes[0] === 0x3f);
    if (encodable.size < 10_000) encodable.set(character, known);
  }
  return known;
}

/** Text as it will read after a Shift_JIS round trip: substitutes applied, missing characters marked. */
export function toWindows31J(text: string): string {
  let result = '';
  for (const character of text) {
    const substitute = WINDOWS_31J_SUBSTITUTES[character] ?? character;
    result += substitute.charCodeAt(0) < 0x80 || isEncodable(substitute) ? substitute : SHIFT_JIS_MISSING;
  }
  return result;
}

/**
 * A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, carriage return at the
 * start) gets a leading apostrophe, so opening a download never runs anything (CSV injection).
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One cell as CSV text. */
export function csvField(column: Column, value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'number':
    case 'yen':
      return String(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'date':
      return String(value);
    case 'text':
      return quote(neutralise(String(value)));
  }
}

/** A list as CSV text (RFC 4180, CRLF line ends, a header line), yielding to the event loop as it goes. */
export async function csvText(columns: Column[], rows: Row[]): Promise<string> {
  const lines = [columns.map((column) => quote(column.header)).join(',')];
  for (const [index, row] of rows.entries()) {
    lines.push(columns.map((column) => csvField(column, row[column.key])).join(','));
    if (index % 2000 === 1999) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The bytes of a CSV download in the chosen encoding. */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
  return iconv.encode(toWindows31J(text), 'cp932');
}

/** The Content-Type of a CSV download. */
export function csvContentType(encoding: CsvEncoding): string {
  return `text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS'}`;
}
