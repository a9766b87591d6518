import { z } from '@hono/zod-openapi';
import type { AttachmentRow } from './attachments.queries.ts';

export const attachmentSchema = z
  .object({
    id: z.string().uuid(),
    fileName: z.string(),
    title: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('Attachment');

/** Shapes an attachment for lists (never its contents). */
export function presentAttachment(row: AttachmentRow): z.infer<typeof attachmentSchema> {
  return {
    id: row.id,
    fileName: row.fileName,
    title: row.title,
    contentType: row.contentType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    uploadedBy:
      row.uploadedBy && row.uploadedByName ? { id: row.uploadedBy, displayName: row.uploadedByName } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
