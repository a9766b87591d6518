import { describe, expect, it } from 'vitest';
import { attachmentContentDisposition, cleanFileName } from './file-names.ts';
import {
  checkUploadedFile,
  extensionOf,
  isPlainText,
  sniffFileKind,
  zipEntryNames,
} from './sniff-content-type.ts';
import { SAMPLE_FILES } from './test-files.ts';

describe('sniffFileKind', () => {
  it.each([
    ['pdf', SAMPLE_FILES.pdf(), 'pdf'],
    ['png', SAMPLE_FILES.png(), 'png'],
    ['jpeg', SAMPLE_FILES.jpeg(), 'jpeg'],
    ['xlsx', SAMPLE_FILES.xlsx(), 'xlsx'],
    ['pptx', SAMPLE_FILES.pptx(), 'pptx'],
    ['docx', SAMPLE_FILES.docx(), 'docx'],
    ['legacy Excel', SAMPLE_FILES.xls(), 'xls'],
    ['UTF-8 CSV with BOM', SAMPLE_FILES.csvUtf8(), 'text'],
    ['Shift_JIS CSV', SAMPLE_FILES.csvShiftJis(), 'text'],
    ['HTML (text, so only .txt/.csv names pass)', SAMPLE_FILES.html(), 'text'],
  ])('recognises %s', (_name, bytes, kind) => {
    expect(sniffFileKind(bytes)).toBe(kind);
  });

  it.each([
    ['an executable', SAMPLE_FILES.executable()],
    ['a ZIP that is no Office file', SAMPLE_FILES.plainZip()],
    ['a macro-enabled workbook', SAMPLE_FILES.xlsm()],
    ['an empty file', new Uint8Array()],
    ['binary noise', new Uint8Array([0, 1, 2, 3, 250, 251])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffFileKind(bytes)).toBeNull();
  });

  it('reads the entry names of a ZIP and nothing from a damaged one', () => {
    expect(zipEntryNames(SAMPLE_FILES.xlsx())).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    expect(zipEntryNames(SAMPLE_FILES.xlsx().subarray(0, 40))).toEqual([]);
  });

  it('tells text from binary', () => {
    expect(isPlainText(new TextEncoder().encode('a\tb\r\nc'))).toBe(true);
    expect(isPlainText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
    expect(isPlainText(new Uint8Array([0xff, 0xfe, 0xfd]))).toBe(false);
  });
});

describe('checkUploadedFile', () => {
  it('accepts a file whose name agrees with its content', () => {
    expect(checkUploadedFile(SAMPLE_FILES.pdf(), '報告書.PDF')).toMatchObject({
      ok: true,
      kind: { contentType: 'application/pdf' },
    });
    expect(checkUploadedFile(SAMPLE_FILES.jpeg(), 'photo.jpg')).toMatchObject({ ok: true });
    expect(checkUploadedFile(SAMPLE_FILES.csvUtf8(), '比較.csv')).toMatchObject({
      ok: true,
      kind: { contentType: 'text/csv' },
    });
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(checkUploadedFile(SAMPLE_FILES.pdf(), 'data.xlsx')).toEqual({
      ok: false,
      reason: 'name_mismatch',
      detectedKind: 'pdf',
    });
    expect(checkUploadedFile(SAMPLE_FILES.html(), 'page.html')).toMatchObject({
      ok: false,
      reason: 'name_mismatch',
    });
    expect(checkUploadedFile(SAMPLE_FILES.executable(), 'report.pdf')).toMatchObject({
      ok: false,
      reason: 'unknown_content',
    });
    expect(checkUploadedFile(SAMPLE_FILES.xlsx(), 'no-extension')).toMatchObject({ ok: false });
  });

  it('reads extensions', () => {
    expect(extensionOf('a.b.XLSX')).toBe('xlsx');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('.hidden')).toBe('hidden');
  });
});

describe('file names for download', () => {
  it('drops folders and control characters and keeps the extension of long names', () => {
    expect(cleanFileName('C:\\Users\\x\\資料1.pdf')).toBe('資料1.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u202e.pdf')).toBe('a_b_.pdf');
    expect(cleanFileName('...')).toBe('');
    const long = `${'あ'.repeat(300)}.xlsx`;
    expect(cleanFileName(long)).toHaveLength(200);
    expect(cleanFileName(long).endsWith('.xlsx')).toBe(true);
  });

  it('writes an RFC 6266 header with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentContentDisposition('経営分析 "案".pdf')).toBe(
      `attachment; filename="____ ___.pdf"; filename*=UTF-8''${encodeURIComponent('経営分析 _案_.pdf')}`,
    );
    expect(attachmentContentDisposition("a'b(c).pdf")).toBe(
      `attachment; filename="a'b(c).pdf"; filename*=UTF-8''a%27b%28c%29.pdf`,
    );
    expect(attachmentContentDisposition('')).toBe(
      `attachment; filename="download"; filename*=UTF-8''download`,
    );
  });
});
