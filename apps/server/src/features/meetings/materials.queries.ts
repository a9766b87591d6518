import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { agendaItems, meetingFiles, meetingMaterials } from '../../db/schema/index.ts';

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
  fileName: meetingFiles.fileName,
  contentType: meetingFiles.contentType,
  byteSize: meetingFiles.byteSize,
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
    .innerJoin(meetingFiles, eq(meetingFiles.id, meetingMaterials.fileId))
    .where(eq(meetingMaterials.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(meetingMaterials.position), asc(meetingMaterials.id));
}

/** One material of a meeting (without contents), or null. */
export async function findMaterial(db: Executor, meetingId: string, materialId: string) {
  const rows = await db
    .select(materialColumns)
    .from(meetingMaterials)
    .innerJoin(agendaItems, eq(agendaItems.id, meetingMaterials.agendaItemId))
    .innerJoin(meetingFiles, eq(meetingFiles.id, meetingMaterials.fileId))
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

/** Name, type, size and hash of files, by id (no contents). */
export async function fileInfo(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { fileName: string; contentType: string; byteSize: number }>();
  const rows = await db
    .select({
      id: meetingFiles.id,
      fileName: meetingFiles.fileName,
      contentType: meetingFiles.contentType,
      byteSize: meetingFiles.byteSize,
    })
    .from(meetingFiles)
    .where(inArray(meetingFiles.id, ids));
  return new Map(rows.map(({ id, ...info }) => [id, info]));
}

/** A stored file with its contents, or null. */
export async function readFile(db: Executor, fileId: string) {
  const rows = await db.select().from(meetingFiles).where(eq(meetingFiles.id, fileId)).limit(1);
  return rows[0] ?? null;
}

/** Stores a file and returns its id. */
export async function insertFile(db: Executor, values: typeof meetingFiles.$inferInsert): Promise<string> {
  const rows = await db.insert(meetingFiles).values(values).returning({ id: meetingFiles.id });
  return rows[0]!.id;
}

/** Deletes stored files. */
export async function deleteFiles(db: Executor, ids: string[]) {
  if (ids.length) await db.delete(meetingFiles).where(inArray(meetingFiles.id, ids));
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

/** True when any material of the meeting is published. */
export async function hasPublishedMaterials(db: Executor, meetingId: string): Promise<boolean> {
  const rows = await db
    .select({ id: meetingMaterials.id })
    .from(meetingMaterials)
    .where(and(eq(meetingMaterials.meetingId, meetingId), eq(meetingMaterials.isPublished, true)))
    .limit(1);
  return rows.length > 0;
}

/** Ids of the redacted files of the meeting's materials (to check a file belongs to a material). */
export function listRedactedFileIds(db: Executor, meetingId: string) {
  return db
    .select({ id: meetingMaterials.redactedFileId })
    .from(meetingMaterials)
    .where(and(eq(meetingMaterials.meetingId, meetingId), isNotNull(meetingMaterials.redactedFileId)));
}
