import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../lib/errors.ts';
import { attachmentContentDisposition } from './file-names.ts';
import { fileTooLarge } from './store-attachment.ts';

/** The multipart body an upload route declares: the file and an optional title. */
export const attachmentUploadSchema = z
  .object({
    file: z
      .custom<File>((value) => value instanceof File, { message: 'file must be a file' })
      .openapi({ type: 'string', format: 'binary' }),
    title: z.string().max(200).optional(),
  })
  .openapi('AttachmentUpload');

/** The OpenAPI request entry of an upload route. */
export const attachmentUploadBody = {
  body: { required: true, content: { 'multipart/form-data': { schema: attachmentUploadSchema } } },
} as const;

/** Reads an uploaded file's bytes, refusing one over the limit before it is buffered further. */
export async function readUploadedFile(
  form: { file: File; title?: string },
  limitBytes: number,
): Promise<{ fileName: string; title: string; bytes: Uint8Array }> {
  if (form.file.size > limitBytes) throw fileTooLarge(limitBytes);
  const bytes = new Uint8Array(await form.file.arrayBuffer());
  if (bytes.byteLength > limitBytes) throw fileTooLarge(limitBytes);
  if (!form.file.name) {
    throw new AppError('validation_failed', {
      messages: { ja: 'ファイル名がありません。', en: 'The file has no name.' },
    });
  }
  return { fileName: form.file.name, title: form.title ?? '', bytes };
}

/**
 * Answers with a stored file as a download: its sniffed type, a safe Content-Disposition, nosniff,
 * no caching by shared caches, and a sandbox so that a browser never runs it as a page of ours.
 */
export function attachmentDownloadResponse(
  c: Context,
  file: { fileName: string; contentType: string; byteSize: number; sha256: string; content: Buffer },
): Response {
  const body = new Uint8Array(file.content.byteLength);
  body.set(file.content);
  return c.body(body, 200, {
    'content-type': file.contentType,
    'content-length': String(file.byteSize),
    'content-disposition': attachmentContentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
    etag: `"${file.sha256}"`,
  });
}
