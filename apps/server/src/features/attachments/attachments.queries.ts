import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { attachments, users } from '../../db/schema/index.ts';

const listColumns = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  byteSize: attachments.byteSize,
  sha256: attachments.sha256,
  title: attachments.title,
  uploadedBy: attachments.uploadedBy,
  uploadedByName: users.displayName,
  createdAt: attachments.createdAt,
};

/** The attachments of one record, oldest first, without their contents. */
export function listAttachments(db: Executor, ownerType: string, ownerId: string) {
  return db
    .select(listColumns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

/** One attachment of a record without its contents, or null (also when it belongs to another record). */
export async function findAttachment(db: Executor, ownerType: string, ownerId: string, id: string) {
  const rows = await db
    .select(listColumns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(
      and(eq(attachments.id, id), eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** The contents of an attachment of a record, or null. */
export async function readAttachmentContent(db: Executor, ownerType: string, ownerId: string, id: string) {
  const rows = await db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      sha256: attachments.sha256,
      content: attachments.content,
    })
    .from(attachments)
    .where(
      and(eq(attachments.id, id), eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Stores an attachment and returns its id. */
export async function insertAttachment(db: Executor, values: typeof attachments.$inferInsert) {
  const rows = await db.insert(attachments).values(values).returning({ id: attachments.id });
  return rows[0]!.id;
}

/** Removes an attachment. */
export async function deleteAttachmentRow(db: Executor, id: string) {
  await db.delete(attachments).where(eq(attachments.id, id));
}
