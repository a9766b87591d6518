import iconv from 'iconv-lite';

/** The encodings a needs CSV may come in. */
export const CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type DecodedCsv =
  | { ok: true; encoding: CsvEncoding; text: string }
  | { ok: false; reason: 'mismatch' | 'unreadable' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

/**
 * Reads the bytes of an uploaded CSV as text. Valid UTF-8 (with or without BOM) is UTF-8; anything
 * else is read as Shift_JIS (Windows-31J, as Excel writes it) and refused if even that fails. A
 * Shift_JIS file is never read as UTF-8: Japanese text in Shift_JIS is not valid UTF-8. When the
 * caller states the encoding, a file that is plainly in the other one is refused rather than garbled.
 */
export function decodeCsv(bytes: Uint8Array, stated: CsvEncoding | 'auto' = 'auto'): DecodedCsv {
  const isBom = hasUtf8Bom(bytes);
  const utf8 = strictUtf8(isBom ? bytes.subarray(3) : bytes);
  if (stated === 'utf-8')
    return utf8 === null ? { ok: false, reason: 'mismatch' } : { ok: true, encoding: 'utf-8', text: utf8 };
  if (stated === 'shift_jis') {
    // Multibyte text that is valid UTF-8 is a UTF-8 file: reading it as Shift_JIS would garble it.
    if (isBom || (utf8 !== null && hasMultibyte(bytes))) return { ok: false, reason: 'mismatch' };
  } else if (utf8 !== null) {
    return { ok: true, encoding: 'utf-8', text: utf8 };
  }
  const text = iconv.decode(Buffer.from(bytes), 'cp932');
  if (text.includes('\uFFFD')) return { ok: false, reason: 'unreadable' };
  return { ok: true, encoding: 'shift_jis', text };
}

/** Why a CSV text could not be split into records. */
export type CsvSyntaxError = { line: number; message: { ja: string; en: string } };

/**
 * Splits CSV text into records (RFC 4180: quoted fields with "" for a quote, CRLF or LF line ends,
 * line breaks inside quotes). Each record carries the line it starts on. Blank lines are skipped.
 */
export function parseCsv(text: string): {
  records: { line: number; fields: string[] }[];
  error: CsvSyntaxError | null;
} {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let isQuoted = false;
  let isFieldStarted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !isFieldStarted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    isFieldStarted = false;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          isQuoted = false;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '') {
        return {
          records,
          error: {
            line,
            message: { ja: '引用符（"）の位置が正しくありません。', en: 'A quote is out of place.' },
          },
        };
      }
      isQuoted = true;
      isFieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      isFieldStarted = true;
    } else if (char === '\r' && text[index + 1] === '\n') {
    } else if (char === '\n' || char === '\r') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      isFieldStarted = true;
    }
  }
  if (isQuoted) {
    return {
      records,
      error: {
        line: recordLine,
        message: { ja: '引用符（"）が閉じられていません。', en: 'A quoted field is not closed.' },
      },
    };
  }
  if (field !== '' || fields.length > 0 || isFieldStarted) endRecord();
  return { records, error: null };
}
