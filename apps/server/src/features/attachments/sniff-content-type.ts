/**
 * Decides what an uploaded file is from its bytes, and whether its name agrees. The name a client
 * sends and the Content-Type it claims are never trusted: a file is accepted only when its content
 * is one of the kinds below and its extension is one that kind uses.
 */

export type FileKind = {
  kind: string;
  contentType: string;
  extensions: readonly string[];
};

/** The kinds of file the system accepts: documents, spreadsheets, slides, images, CSV and plain text. */
export const ACCEPTED_FILE_KINDS = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    kind: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    kind: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    kind: 'pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  doc: { kind: 'doc', contentType: 'application/msword', extensions: ['doc'] },
  xls: { kind: 'xls', contentType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ppt: { kind: 'ppt', contentType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
  png: { kind: 'png', contentType: 'image/png', extensions: ['png'] },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { kind: 'gif', contentType: 'image/gif', extensions: ['gif'] },
  webp: { kind: 'webp', contentType: 'image/webp', extensions: ['webp'] },
  csv: { kind: 'csv', contentType: 'text/csv', extensions: ['csv'] },
  text: { kind: 'text', contentType: 'text/plain', extensions: ['txt'] },
} as const satisfies Record<string, FileKind>;

export type AcceptedFileKind = keyof typeof ACCEPTED_FILE_KINDS;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/** File names in a ZIP archive's central directory (empty when it is not a readable ZIP). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let index = bytes.length - 22; index >= searchFrom; index--) {
    if (view.getUint32(index, true) === 0x06054b50) {
      end = index;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let entry = 0; entry < count && entry < 10_000; entry++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return names;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return names;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function officeOpenXmlKind(bytes: Uint8Array): AcceptedFileKind | null {
  const names = zipEntryNames(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  // A macro-enabled file carries vbaProject.bin; it is refused whatever its name says.
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) return null;
  if (names.some((name) => name.startsWith('word/'))) return 'docx';
  if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
  if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
  return null;
}

function containsUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((character) => [character.charCodeAt(0), 0]);
  const limit = bytes.length - pattern.length;
  outer: for (let index = 0; index <= limit; index++) {
    for (let offset = 0; offset < pattern.length; offset++) {
      if (bytes[index + offset] !== pattern[offset]) continue outer;
    }
    return true;
  }
  return false;
}

// Legacy Office files are OLE compound files; the stream names in their directory tell them apart.
function compoundFileKind(bytes: Uint8Array): AcceptedFileKind | null {
  if (containsUtf16Name(bytes, '_VBA_PROJECT')) return null;
  if (containsUtf16Name(bytes, 'WordDocument')) return 'doc';
  if (containsUtf16Name(bytes, 'Workbook') || containsUtf16Name(bytes, 'Book')) return 'xls';
  if (containsUtf16Name(bytes, 'PowerPoint Document')) return 'ppt';
  return null;
}

/** True when the bytes read as text (UTF-8, or Shift_JIS as Japanese spreadsheets save CSV) without control characters. */
export function isPlainText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    // NUL and the C0 controls other than tab, line feed, form feed and carriage return never occur in text.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

/** The kind of file the bytes are, or null when they are none of the accepted kinds. */
export function sniffFileKind(bytes: Uint8Array): AcceptedFileKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXmlKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundFileKind(bytes);
  if (bytes.length > 0 && isPlainText(bytes)) return 'text';
  return null;
}

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

export type SniffResult =
  | { ok: true; kind: FileKind }
  | { ok: false; reason: 'unknown_content' | 'name_mismatch'; detectedKind: AcceptedFileKind | null };

/**
 * Accepts a file when its bytes are an accepted kind and its name carries that kind's extension.
 * Plain text is accepted as .csv or .txt; the content type then follows the name.
 */
export function checkUploadedFile(bytes: Uint8Array, fileName: string): SniffResult {
  const detected = sniffFileKind(bytes);
  if (detected === null) return { ok: false, reason: 'unknown_content', detectedKind: null };
  const extension = extensionOf(fileName);
  if (detected === 'text') {
    if (extension === 'csv') return { ok: true, kind: ACCEPTED_FILE_KINDS.csv };
    if (extension === 'txt') return { ok: true, kind: ACCEPTED_FILE_KINDS.text };
    return { ok: false, reason: 'name_mismatch', detectedKind: detected };
  }
  const kind: FileKind = ACCEPTED_FILE_KINDS[detected];
  if (!kind.extensions.includes(extension))
    return { ok: false, reason: 'name_mismatch', detectedKind: detected };
  return { ok: true, kind };
}
