import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { importJobs, importMappings, importRows, userRoles, users } from '../../db/schema/index.ts';
import type { CurrentUser } from '../../lib/context.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobSummary = Omit<ImportJobRow, 'content'> & { createdByName: string | null };

const summaryColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  status: importJobs.status,
  fileName: importJobs.fileName,
  format: importJobs.format,
  encoding: importJobs.encoding,
  isEncodingChosen: importJobs.isEncodingChosen,
  byteSize: importJobs.byteSize,
  sha256: importJobs.sha256,
  headers: importJobs.headers,
  mapping: importJobs.mapping,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  errorRows: importJobs.errorRows,
  createCount: importJobs.createCount,
  updateCount: importJobs.updateCount,
  unchangedCount: importJobs.unchangedCount,
  errorCode: importJobs.errorCode,
  leaseUntil: importJobs.leaseUntil,
  createdBy: importJobs.createdBy,
  createdAt: importJobs.createdAt,
  committedBy: importJobs.committedBy,
  committedAt: importJobs.committedAt,
  version: importJobs.version,
  createdByName: users.displayName,
};

/** Stores a new upload. */
export async function insertImportJob(db: Executor, values: typeof importJobs.$inferInsert): Promise<string> {
  const rows = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  return rows[0]!.id;
}

/** A job without its file. */
export async function findImportJob(db: Executor, id: string): Promise<ImportJobSummary | null> {
  const rows = await db
    .select(summaryColumns)
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(eq(importJobs.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** A job's file. */
export async function findImportFile(db: Executor, id: string) {
  const rows = await db
    .select({
      fileName: importJobs.fileName,
      content: importJobs.content,
      sha256: importJobs.sha256,
      format: importJobs.format,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks a job row for a change of state. */
export async function lockImportJob(db: Executor, id: string) {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.id, id))
    .for('update');
  return rows.length > 0;
}

/** Changes a job and bumps its version. */
export async function updateImportJob(
  db: Executor,
  id: string,
  values: Partial<Omit<typeof importJobs.$inferInsert, 'id' | 'version'>>,
) {
  await db
    .update(importJobs)
    .set({ ...values, version: sql`${importJobs.version} + 1` })
    .where(eq(importJobs.id, id));
}

/** Records progress without bumping the version (progress is not an edit). */
export async function recordProgress(db: Executor, id: string, processedRows: number, leaseUntil: Date) {
  await db.update(importJobs).set({ processedRows, leaseUntil }).where(eq(importJobs.id, id));
}

/** A page of jobs of the given kinds, newest first. */
export async function listImportJobs(db: Executor, kinds: string[], page: number, pageSize: number) {
  if (kinds.length === 0) return { items: [] as ImportJobSummary[], total: 0 };
  const where = inArray(importJobs.kind, kinds);
  const [items, totals] = await Promise.all([
    db
      .select(summaryColumns)
      .from(importJobs)
      .leftJoin(users, eq(users.id, importJobs.createdBy))
      .where(where)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(importJobs).where(where),
  ]);
  return { items, total: Number(totals[0]?.total ?? 0) };
}

/** Claims one job that waits for background work (or whose worker stopped) under a lease. */
export async function claimWaitingJob(db: Executor, now: Date, leaseUntil: Date) {
  const waiting = db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        inArray(importJobs.status, ['validating', 'committing']),
        or(isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, now)),
      ),
    )
    .orderBy(asc(importJobs.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(importJobs)
    .set({ leaseUntil })
    .where(inArray(importJobs.id, waiting))
    .returning({ id: importJobs.id, status: importJobs.status });
  return rows[0] ?? null;
}

/** Clears the preview rows of a job. */
export async function deleteImportRows(db: Executor, jobId: string) {
  await db.delete(importRows).where(eq(importRows.jobId, jobId));
}

/** Adds preview rows. */
export async function insertImportRows(db: Executor, rows: (typeof importRows.$inferInsert)[]) {
  for (let start = 0; start < rows.length; start += 500) {
    await db.insert(importRows).values(rows.slice(start, start + 500));
  }
}

/** A page of a job's preview rows (only the ones with errors when asked). */
export async function listImportRows(
  db: Executor,
  jobId: string,
  options: { isErrorsOnly: boolean; page: number; pageSize: number },
) {
  const where = options.isErrorsOnly
    ? and(eq(importRows.jobId, jobId), eq(importRows.action, 'error'))
    : eq(importRows.jobId, jobId);
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(importRows)
      .where(where)
      .orderBy(asc(importRows.rowNumber))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ total: count() }).from(importRows).where(where),
  ]);
  return { items, total: Number(totals[0]?.total ?? 0) };
}

/** Counts of a job's preview rows by action (`error` = with errors, `pending` = not checked yet). */
export async function countRowsByAction(db: Executor, jobId: string) {
  const rows = await db
    .select({ action: importRows.action, total: count() })
    .from(importRows)
    .where(eq(importRows.jobId, jobId))
    .groupBy(importRows.action);
  return new Map(rows.map((row) => [row.action, Number(row.total)]));
}

/** Every row of a job (its cells and the action the preview showed), in file order. */
export async function listAllImportCells(db: Executor, jobId: string) {
  return db
    .select({ rowNumber: importRows.rowNumber, cells: importRows.cells, action: importRows.action })
    .from(importRows)
    .where(eq(importRows.jobId, jobId))
    .orderBy(asc(importRows.rowNumber));
}

/** Replaces the preview rows with the given row numbers by their checked versions. */
export async function replaceImportRows(
  db: Executor,
  jobId: string,
  rows: (typeof importRows.$inferInsert)[],
) {
  if (rows.length === 0) return;
  await db.delete(importRows).where(
    and(
      eq(importRows.jobId, jobId),
      inArray(
        importRows.rowNumber,
        rows.map((row) => row.rowNumber),
      ),
    ),
  );
  await db.insert(importRows).values(rows);
}

/** The mapping a person last used for a kind (field key → header text). */
export async function findRememberedMapping(db: Executor, userId: string, kind: string) {
  const rows = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.userId, userId), eq(importMappings.kind, kind)))
    .limit(1);
  return rows[0]?.mapping ?? null;
}

/** Remembers a person's mapping for a kind. */
export async function rememberMapping(
  db: Executor,
  userId: string,
  kind: string,
  mapping: Record<string, string>,
) {
  await db
    .insert(importMappings)
    .values({ userId, kind, mapping })
    .onConflictDoUpdate({
      target: [importMappings.userId, importMappings.kind],
      set: { mapping, updatedAt: new Date() },
    });
}

/** The person importing as policies see them (active accounts only), or null. */
export async function loadImportActor(db: Executor, userId: string): Promise<CurrentUser | null> {
  const rows = await db
    .select({ id: users.id, login: users.login, displayName: users.displayName, orgUnitId: users.orgUnitId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)))
    .limit(1);
  const user = rows[0];
  if (!user) return null;
  const roles = await db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return { ...user, roles };
}
