import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  detectCsvEncoding,
  parseCsv,
  readSpreadsheet,
  UnreadableFileError,
} from './spreadsheet-file.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and any line ending', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"f\ng",h\ri,j')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f\ng', 'h'],
      ['i', 'j'],
    ]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('encodings', () => {
  const text = '組織コード,組織名\r\nkodomo,子ども家庭局～①\r\n';
  it('detects and decodes UTF-8, UTF-8 with BOM and Shift_JIS (Windows-31J)', () => {
    const sjis = new Uint8Array(iconv.encode(text, 'cp932'));
    const bom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(detectCsvEncoding(new Uint8Array(Buffer.from(text)))).toBe('utf-8');
    expect(detectCsvEncoding(bom)).toBe('utf-8-bom');
    expect(detectCsvEncoding(sjis)).toBe('shift_jis');
    expect(decodeCsv(sjis, 'shift_jis')).toBe(text);
    expect(decodeCsv(bom, 'utf-8-bom')).toBe(text);
    expect(() => decodeCsv(sjis, 'utf-8')).toThrow(UnreadableFileError);
  });
});

describe('readSpreadsheet', () => {
  it('skips empty rows before and inside the data, keeping file row numbers', async () => {
    const content = await readSpreadsheet(
      new Uint8Array(Buffer.from('\r\n,,\r\nA,B\r\nx,y\r\n,\r\nz,w\r\n')),
    );
    expect(content.headers).toEqual(['A', 'B']);
    expect(content.rows).toEqual([
      { rowNumber: 4, cells: ['x', 'y'] },
      { rowNumber: 6, cells: ['z', 'w'] },
    ]);
  });

  it('reads .xlsx cells as text: dates as days, formulas as results, rich text joined', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('一覧');
    sheet.addRow(['コード', '日付', '数', '式', '装飾']);
    sheet.addRow([
      '001',
      new Date(Date.UTC(2024, 3, 1)),
      42,
      { formula: '1+1', result: 2 },
      { richText: [{ text: '子ども' }, { text: '家庭局' }] },
    ]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const content = await readSpreadsheet(bytes);
    expect(content).toMatchObject({
      format: 'xlsx',
      encoding: null,
      headers: ['コード', '日付', '数', '式', '装飾'],
    });
    expect(content.rows[0]).toEqual({
      rowNumber: 2,
      cells: ['001', '2024-04-01', '42', '2', '子ども家庭局'],
    });
  });

  it('refuses a zip that claims to unpack to more than 200 MB', async () => {
    // A zip whose central directory lists one entry of 300 MB.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(300 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(4, 16);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), central, name, end]));
    await expect(readSpreadsheet(bytes)).rejects.toThrow(/too much data/);
  });
});
