import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agendaItems, attachments, meetingMaterials } from '../../db/schema/index.ts';

/** Material columns without file contents: lists never read the bytes. */
const materialColumns = {
  id: meetingMaterials.id,
  meetingId: meetingMaterials.meetingId,
  agendaItemId: meetingMaterials.agendaItemId,
  itemPosition: agendaItems.position,
  presenterOrgUnitId: agendaItems.presenterOrgUnitId,
  position: meetingMaterials.position,
  title: meetingMaterials.title,
  fileId: meetingMaterials.fileId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  byteSize: attachments.byteSize,
  redactedFileId: meetingMaterials.redactedFileId,
  isRedactionRequired: meetingMaterials.isRedactionRequired,
  isPublished: meetingMaterials.isPublished,
  publishedAt: meetingMaterials.publishedAt,
  version: meetingMaterials.version,
};

export type MaterialRow = Awaited<ReturnType<typeof listMaterials>>[number];

/** The materials of a meeting in agenda order. */
export function listMaterials(db: Executor, meetingId: string) {
  return db
    .select(materialColumns)
    .from(meetingMaterials)
    .innerJoin(agendaItems, eq(agendaItems.id, meetingMaterials.agendaItemId))
    .innerJoin(attachments, eq(attachments.id, meetingMaterials.fileId))
    .where(eq(meetingMaterials.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(meetingMaterials.position), asc(meetingMaterials.id));
}

/** One material of a meeting (without contents), or null. */
export async function findMaterial(db: Executor, meetingId: string, materialId: string) {
  const rows = await db
    .select(materialColumns)
    .from(meetingMaterials)
    .innerJoin(agendaItems, eq(agendaItems.id, meetingMaterials.agendaItemId))
    .innerJoin(attachments, eq(attachments.id, meetingMaterials.fileId))
    .where(and(eq(meetingMaterials.id, materialId), eq(meetingMaterials.meetingId, meetingId)))
    .limit(1);
  return rows[0] ?? null;
}

/** The material row locked for update, or null. */
export async function lockMaterial(db: Executor, meetingId: string, materialId: string) {
  const rows = await db
    .select()
    .from(meetingMaterials)
    .where(and(eq(meetingMaterials.id, materialId), eq(meetingMaterials.meetingId, meetingId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Name, type and size of the material files with these ids (no contents). */
export async function fileInfo(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { fileName: string; contentType: string; byteSize: number }>();
  const rows = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
    })
    .from(attachments)
    .where(inArray(attachments.id, ids));
  return new Map(rows.map(({ id, ...info }) => [id, info]));
}

/** The next position at the end of an agenda item's materials. */
export async function nextMaterialPosition(db: Executor, agendaItemId: string): Promise<number> {
  const rows = await db
    .select({ last: sql<number | null>`max(${meetingMaterials.position})` })
    .from(meetingMaterials)
    .where(eq(meetingMaterials.agendaItemId, agendaItemId));
  return (rows[0]?.last ?? 0) + 1;
}

/** Inserts a material and returns its id. */
export async function insertMaterial(
  db: Executor,
  values: typeof meetingMaterials.$inferInsert,
): Promise<string> {
  const rows = await db.insert(meetingMaterials).values(values).returning({ id: meetingMaterials.id });
  return rows[0]!.id;
}

/** Changes a material and bumps its version. */
export async function updateMaterialRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof meetingMaterials.$inferInsert>,
) {
  await db
    .update(meetingMaterials)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(meetingMaterials.id, id));
}

/** Deletes a material row. */
export async function deleteMaterialRow(db: Executor, id: string) {
  await db.delete(meetingMaterials).where(eq(meetingMaterials.id, id));
}
