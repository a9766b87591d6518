import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { deleteAttachmentRow, findAttachment } from './attachments.queries.ts';

/** Removes an attachment of a record; the audit event keeps its name and checksum. */
export async function deleteAttachment(
  tx: Transaction,
  options: { ownerType: string; ownerId: string; attachmentId: string; actor: Actor },
) {
  const existing = await findAttachment(tx, options.ownerType, options.ownerId, options.attachmentId);
  if (!existing) throw notFound();
  await deleteAttachmentRow(tx, existing.id);
  await recordAudit(tx, options.actor, {
    action: 'attachment.delete',
    entityType: options.ownerType,
    entityId: options.ownerId,
    before: {
      attachmentId: existing.id,
      fileName: existing.fileName,
      contentType: existing.contentType,
      byteSize: existing.byteSize,
      sha256: existing.sha256,
    },
  });
}
