import ExcelJS from 'exceljs';
import type { Column } from './report-resources.ts';
import type { Row } from './stream-rows.ts';

const YEN_FORMAT = '#,##0"円";[Red]"▲"#,##0"円"';
const DATE_FORMAT = 'yyyy/m/d';

function cellValue(column: Column, value: Row[string] | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'number':
      return Number(value);
    case 'yen':
      // Whole yen fit a double exactly up to about 9,000兆円.
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'date': {
      const [year, month, day] = String(value).split('-').map(Number);
      return new Date(Date.UTC(year!, month! - 1, day!));
    }
    case 'text':
      return String(value);
  }
}

/**
 * A workbook with one sheet per list: real column types (dates as dates, yen as numbers shown in
 * 円), a frozen, bold header row and filters on it.
 */
export async function buildWorkbook(
  sheets: { title: string; columns: Column[]; rows: Row[] }[],
  options: { title: string; onProgress?: (fraction: number) => Promise<void> | void },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Totonoe';
  workbook.title = options.title;
  workbook.created = new Date();
  for (const [index, sheet] of sheets.entries()) {
    const worksheet = workbook.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? 14,
      style:
        column.type === 'yen'
          ? { numFmt: YEN_FORMAT }
          : column.type === 'date'
            ? { numFmt: DATE_FORMAT }
            : column.type === 'text'
              ? { alignment: { wrapText: false } }
              : {},
    }));
    for (const row of sheet.rows) {
      worksheet.addRow(
        Object.fromEntries(sheet.columns.map((column) => [column.key, cellValue(column, row[column.key])])),
      );
    }
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4FA' } };
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    await options.onProgress?.((index + 1) / (sheets.length + 1));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
