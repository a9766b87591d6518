import { createHash } from 'node:crypto';
import { AppError } from '../../lib/errors.ts';

/**
 * Meeting materials as files: the content type is read from the bytes (magic numbers), never
 * taken from the client; the extension must agree with it; only document and image formats
 * that browsers will not run are accepted.
 */

type FileKind = { contentType: string; extensions: readonly string[] };

const PDF: FileKind = { contentType: 'application/pdf', extensions: ['pdf'] };
const PNG: FileKind = { contentType: 'image/png', extensions: ['png'] };
const JPEG: FileKind = { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const DOCX: FileKind = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
};
const XLSX: FileKind = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
};
const PPTX: FileKind = {
  contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  extensions: ['pptx'],
};

/** The formats a material may have, for messages and documentation. */
export const ACCEPTED_MATERIAL_FORMATS = 'PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), PNG, JPEG';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/** The kind of file the bytes are, or null when it is none the meeting accepts. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(bytes, '[Content_Types].xml')) {
    // An Office Open XML package: its main part's folder tells which application it belongs to.
    if (containsAscii(bytes, 'ppt/')) return PPTX;
    if (containsAscii(bytes, 'word/')) return DOCX;
    if (containsAscii(bytes, 'xl/')) return XLSX;
  }
  return null;
}

/** A file name safe to store and show: no folders, no control characters, NFC, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  const limited = [...cleaned].slice(-200).join('');
  return limited.replace(/^\.+/, '') || 'file';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export type CheckedFile = {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  content: Buffer;
};

/** Checks an uploaded file against the size limit and the accepted formats; 413 or 415 otherwise. */
export async function checkUploadedFile(file: File, limitBytes: number): Promise<CheckedFile> {
  if (file.size > limitBytes) {
    const megabytes = Math.floor(limitBytes / (1024 * 1024));
    throw new AppError('payload_too_large', {
      messages: {
        ja: `ファイルが大きすぎます（上限 ${megabytes} MB）。`,
        en: `The file is too large (limit ${megabytes} MB).`,
      },
    });
  }
  if (file.size === 0) {
    throw new AppError('validation_failed', {
      messages: { ja: 'ファイルが空です。', en: 'The file is empty.' },
    });
  }
  const content = Buffer.from(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const kind = sniffFileKind(content);
  if (!kind?.extensions.includes(extensionOf(fileName))) {
    throw new AppError('unsupported_media_type', {
      messages: {
        ja: `この形式のファイルは登録できません。登録できる形式: ${ACCEPTED_MATERIAL_FORMATS}（拡張子は内容と一致している必要があります）。`,
        en: `This kind of file is not accepted. Accepted: ${ACCEPTED_MATERIAL_FORMATS} (the extension must match the contents).`,
      },
    });
  }
  return {
    fileName,
    contentType: kind.contentType,
    byteSize: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/** Content-Disposition for a download: attachment, an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
