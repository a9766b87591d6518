import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  clusterGroups,
  clusterOwners,
  clusterRevisions,
  meetings,
  orgUnits,
  reportJobs,
} from '../../db/schema/index.ts';

/** The X meetings of a fiscal year in sequence order. */
export function listMeetingsOfYear(db: Executor, fiscalYear: number) {
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.sequence));
}

export type ReportJobRow = typeof reportJobs.$inferSelect;

/** A job without its file contents (for status checks). */
const jobColumns = {
  id: reportJobs.id,
  kind: reportJobs.kind,
  params: reportJobs.params,
  status: reportJobs.status,
  progress: reportJobs.progress,
  requestedBy: reportJobs.requestedBy,
  fileName: reportJobs.fileName,
  contentType: reportJobs.contentType,
  byteSize: reportJobs.byteSize,
  errorCode: reportJobs.errorCode,
  createdAt: reportJobs.createdAt,
  startedAt: reportJobs.startedAt,
  finishedAt: reportJobs.finishedAt,
};

export type ReportJobStatusRow = Omit<ReportJobRow, 'content'>;

/** Adds a queued job. */
export async function insertReportJob(
  db: Executor,
  values: { kind: string; params: Record<string, unknown>; requestedBy: string },
): Promise<ReportJobStatusRow> {
  const rows = await db.insert(reportJobs).values(values).returning(jobColumns);
  return rows[0]!;
}

/** One job's status, or null. */
export async function findReportJob(db: Executor, id: string): Promise<ReportJobStatusRow | null> {
  const rows = await db.select(jobColumns).from(reportJobs).where(eq(reportJobs.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One job's file, or null. */
export async function readReportJobFile(db: Executor, id: string) {
  const rows = await db
    .select({
      fileName: reportJobs.fileName,
      contentType: reportJobs.contentType,
      content: reportJobs.content,
    })
    .from(reportJobs)
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, 'done')))
    .limit(1);
  return rows[0] ?? null;
}

/** How many of a person's jobs are queued or running. */
export async function countActiveJobs(db: Executor, requestedBy: string): Promise<number> {
  const rows = await db
    .select({ id: reportJobs.id })
    .from(reportJobs)
    .where(and(eq(reportJobs.requestedBy, requestedBy), inArray(reportJobs.status, ['queued', 'running'])));
  return rows.length;
}

/** A person's recent jobs, newest first. */
export function listRecentJobs(db: Executor, requestedBy: string) {
  return db
    .select(jobColumns)
    .from(reportJobs)
    .where(eq(reportJobs.requestedBy, requestedBy))
    .orderBy(desc(reportJobs.createdAt))
    .limit(20);
}

/** Moves a queued job to running; false when someone else already took it. */
export async function claimReportJob(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(reportJobs)
    .set({ status: 'running', startedAt: new Date() })
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, 'queued')))
    .returning({ id: reportJobs.id });
  return rows.length > 0;
}

/** Records how far a running job got. */
export async function setReportJobProgress(db: Executor, id: string, progress: number): Promise<void> {
  await db
    .update(reportJobs)
    .set({ progress })
    .where(and(eq(reportJobs.id, id), eq(reportJobs.status, 'running')));
}

/** Stores a finished job's file. */
export async function finishReportJob(
  db: Executor,
  id: string,
  file: { fileName: string; contentType: string; content: Buffer },
): Promise<void> {
  await db
    .update(reportJobs)
    .set({
      status: 'done',
      progress: 100,
      fileName: file.fileName,
      contentType: file.contentType,
      byteSize: file.content.byteLength,
      content: file.content,
      finishedAt: new Date(),
    })
    .where(eq(reportJobs.id, id));
}

/** Marks a job failed with an error code. */
export async function failReportJob(db: Executor, id: string, errorCode: string): Promise<void> {
  await db
    .update(reportJobs)
    .set({ status: 'failed', errorCode, finishedAt: new Date() })
    .where(eq(reportJobs.id, id));
}

/** Removes jobs finished (or abandoned) before a moment. */
export async function deleteJobsBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(reportJobs).where(lt(reportJobs.createdAt, before));
}

/** One analysis with its cluster as it stood that year, its owners and its lead unit, or null. */
export async function findAnalysisForPrint(db: Executor, analysisId: string) {
  const rows = await db
    .select({
      id: analyses.id,
      fiscalYear: analyses.fiscalYear,
      stage: analyses.stage,
      isPublished: analyses.isPublished,
      leadOrgUnitId: analyses.leadOrgUnitId,
      clusterId: analyses.clusterId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      groupName: clusterGroups.name,
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(
        eq(clusterRevisions.clusterId, analyses.clusterId),
        lte(clusterRevisions.validFromFiscalYear, analyses.fiscalYear),
        or(
          isNull(clusterRevisions.validToFiscalYear),
          gte(clusterRevisions.validToFiscalYear, analyses.fiscalYear),
        ),
      ),
    )
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .where(eq(analyses.id, analysisId))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const owners = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(clusterOwners)
    .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
    .where(eq(clusterOwners.clusterId, row.clusterId));
  return { ...row, owners };
}

/** One meeting, or null. */
export async function findMeetingForPrint(db: Executor, meetingId: string) {
  const rows = await db.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  return rows[0] ?? null;
}
