import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { type ImportKind, withShiftJisTwins } from './import-kind.ts';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportEncoding = 'utf-8' | 'shift_jis';

/** A cell a spreadsheet would take for a formula gets a leading apostrophe (the import takes it off). */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/u.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * The existing records of a kind in the import's own columns (Japanese headers), so that a list
 * exported, edited in Excel and imported again comes back unchanged: CSV in UTF-8 with BOM or
 * Shift_JIS, or .xlsx with every cell as text (codes keep their leading zeros).
 */
export async function exportForImport(
  db: Executor,
  definition: ImportKind,
  options: { format: ExportFormat; encoding: ExportEncoding; user: CurrentUser },
): Promise<{ bytes: Uint8Array; contentType: string; extension: string }> {
  const rows = await definition.exportRows(db, { user: options.user });
  const header = definition.fields.map((field) => field.label.ja);
  const table = rows.map((row) => definition.fields.map((field) => neutralise(row[field.key] ?? '')));
  if (options.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(definition.label.ja);
    sheet.addRow(header).font = { bold: true };
    for (const cells of table) sheet.addRow(cells);
    sheet.columns.forEach((column) => {
      column.numFmt = '@';
      column.width = 20;
    });
    const buffer = await workbook.xlsx.writeBuffer();
    return {
      bytes: new Uint8Array(buffer as ArrayBuffer),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  const text = `${[header, ...table].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
  const bytes =
    options.encoding === 'shift_jis'
      ? new Uint8Array(iconv.encode(withShiftJisTwins(text), 'cp932'))
      : new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  return {
    bytes,
    contentType: `text/csv; charset=${options.encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`,
    extension: 'csv',
  };
}
