import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** An import job as the API answers it, as far as the import tests read it. */
export type ImportJob = {
  id: string;
  status: string;
  encoding: string | null;
  mapping: Record<string, number | null>;
  counts: { create: number; update: number; unchanged: number; error: number };
  isCommittable: boolean;
  version: number;
};

/** Rows as CSV text (quoted where needed, CRLF line ends, as Excel writes it). */
export function csv(rows: string[][]): string {
  return `${rows.map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;
}

/** Rows as a Shift_JIS (Windows-31J) CSV file. */
export const shiftJis = (rows: string[][]) => new Uint8Array(iconv.encode(csv(rows), 'cp932'));

/** Rows as an .xlsx workbook with one sheet of the given name. */
export async function xlsx(rows: string[][], sheetName = '取込'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const cells of rows) sheet.addRow(cells);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
