import { and, asc, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisBenchmarkIndicators,
  analysisComments,
  analysisDueMeetings,
  analysisEffects,
  analysisReports,
  analysisTransitions,
  analysisVersions,
  attachments,
  clusterGroups,
  clusterKinds,
  clusterOwners,
  clusterRevisions,
  fiscalYears,
  meetings,
  needs,
  orgUnits,
  systemSettings,
  userRoles,
  users,
} from '../../db/schema/index.ts';

export type AnalysisRow = typeof analyses.$inferSelect;
export type AnalysisVersionRow = typeof analysisVersions.$inferSelect;

function revisionInEffectFor(fiscalYear: SQL | number) {
  return and(
    lte(clusterRevisions.validFromFiscalYear, fiscalYear),
    or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
  );
}

/** One analysis, or null. */
export async function findAnalysis(db: Executor, id: string): Promise<AnalysisRow | null> {
  const rows = await db.select().from(analyses).where(eq(analyses.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One analysis locked for update, or null. */
export async function lockAnalysis(db: Executor, id: string): Promise<AnalysisRow | null> {
  const rows = await db.select().from(analyses).where(eq(analyses.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Writes changes to an analysis and bumps its version (the ETag every edit of it checks). */
export async function updateAnalysisRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Omit<typeof analyses.$inferInsert, 'id' | 'version'>> = {},
): Promise<AnalysisRow> {
  const rows = await db
    .update(analyses)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(analyses.id, id))
    .returning();
  return rows[0]!;
}

/** Adds an analysis to a year's plan; null when the cluster already has one that year. */
export async function insertAnalysis(
  db: Executor,
  values: Pick<typeof analyses.$inferInsert, 'clusterId' | 'fiscalYear' | 'leadOrgUnitId' | 'contactUserId'>,
): Promise<AnalysisRow | null> {
  const rows = await db.insert(analyses).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Removes a planned analysis and everything written for it so far. */
export async function deleteAnalysisWithDependents(db: Executor, id: string) {
  await db.delete(analysisDueMeetings).where(eq(analysisDueMeetings.analysisId, id));
  await db.delete(analysisReports).where(eq(analysisReports.analysisId, id));
  await db.delete(analysisComments).where(eq(analysisComments.analysisId, id));
  await db.delete(analysisEffects).where(eq(analysisEffects.analysisId, id));
  await db.delete(analysisBenchmarkIndicators).where(eq(analysisBenchmarkIndicators.analysisId, id));
  await db.delete(attachments).where(and(eq(attachments.ownerType, 'analysis'), eq(attachments.ownerId, id)));
  await db.delete(analyses).where(eq(analyses.id, id));
}

const clusterColumns = {
  clusterNumber: clusterRevisions.number,
  clusterName: clusterRevisions.name,
  groupCode: clusterRevisions.groupCode,
  groupName: clusterGroups.name,
  kindCode: clusterRevisions.kindCode,
  kindName: clusterKinds.name,
};

export type AnalysisListFilter = {
  fiscalYear: number;
  stage?: AnalysisRow['stage'];
  leadOrgUnitIds?: string[];
  dueMeetingId?: string;
  clusterId?: string;
  onlyPublished: boolean;
};

/** The analyses of a year with their cluster as it stood that year, lead org unit and contact, by cluster number. */
export async function listAnalyses(db: Executor, filter: AnalysisListFilter) {
  const conditions: (SQL | undefined)[] = [eq(analyses.fiscalYear, filter.fiscalYear)];
  if (filter.stage) conditions.push(eq(analyses.stage, filter.stage));
  if (filter.leadOrgUnitIds) {
    if (filter.leadOrgUnitIds.length === 0) return [];
    conditions.push(inArray(analyses.leadOrgUnitId, filter.leadOrgUnitIds));
  }
  if (filter.clusterId) conditions.push(eq(analyses.clusterId, filter.clusterId));
  if (filter.onlyPublished) conditions.push(eq(analyses.isPublished, true));
  if (filter.dueMeetingId) {
    conditions.push(
      sql`exists (select 1 from ${analysisDueMeetings} where ${analysisDueMeetings.analysisId} = ${analyses.id} and ${analysisDueMeetings.meetingId} = ${filter.dueMeetingId})`,
    );
  }
  return db
    .select({
      analysis: analyses,
      ...clusterColumns,
      leadOrgUnitName: orgUnits.name,
      contactUserName: users.displayName,
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(eq(clusterRevisions.clusterId, analyses.clusterId), revisionInEffectFor(filter.fiscalYear)),
    )
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .leftJoin(orgUnits, eq(orgUnits.id, analyses.leadOrgUnitId))
    .leftJoin(users, eq(users.id, analyses.contactUserId))
    .where(and(...conditions))
    .orderBy(asc(clusterRevisions.number));
}

export type AnalysisListRow = Awaited<ReturnType<typeof listAnalyses>>[number];

/** One analysis with its cluster as it stood in the analysis's year, or null. */
export async function findAnalysisWithCluster(db: Executor, id: string): Promise<AnalysisListRow | null> {
  const rows = await db
    .select({
      analysis: analyses,
      ...clusterColumns,
      leadOrgUnitName: orgUnits.name,
      contactUserName: users.displayName,
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(
        eq(clusterRevisions.clusterId, analyses.clusterId),
        revisionInEffectFor(sql`${analyses.fiscalYear}`),
      ),
    )
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .leftJoin(orgUnits, eq(orgUnits.id, analyses.leadOrgUnitId))
    .leftJoin(users, eq(users.id, analyses.contactUserId))
    .where(eq(analyses.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The owning org units of clusters (所管組織), by cluster. */
export async function clusterOwnersOf(db: Executor, clusterIds: string[]) {
  if (clusterIds.length === 0) return new Map<string, { id: string; name: string }[]>();
  const rows = await db
    .select({ clusterId: clusterOwners.clusterId, id: orgUnits.id, name: orgUnits.name })
    .from(clusterOwners)
    .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
    .where(inArray(clusterOwners.clusterId, [...new Set(clusterIds)]))
    .orderBy(asc(orgUnits.sortOrder));
  const byCluster = new Map<string, { id: string; name: string }[]>();
  for (const row of rows) {
    const list = byCluster.get(row.clusterId) ?? [];
    list.push({ id: row.id, name: row.name });
    byCluster.set(row.clusterId, list);
  }
  return byCluster;
}

/** The owning org units of an analysis's cluster, read alongside the analysis (no wait for its row). */
export async function clusterOwnersOfAnalysis(db: Executor, analysisId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(clusterOwners)
    .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
    .where(
      eq(
        clusterOwners.clusterId,
        sql`(select ${analyses.clusterId} from ${analyses} where ${analyses.id} = ${analysisId})`,
      ),
    )
    .orderBy(asc(orgUnits.sortOrder));
}

/** The given org units and every unit below them in the tree. */
export async function orgUnitsWithDescendants(db: Executor, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const roots = sql.join(
    [...new Set(rootIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{ id: string }>(sql`
    with recursive tree(id) as (
      select id from org_units where id in (${roots})
      union
      select child.id from org_units child join tree on child.parent_id = tree.id
    )
    select id from tree`);
  return result.rows.map((row) => row.id);
}

/** An org unit's id if it exists. */
export async function orgUnitExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows.length > 0;
}

/** True when the user exists, is active and holds the reform-office role. */
export async function isReformOfficeUser(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'reform_office')))
    .where(and(eq(users.id, userId), eq(users.isActive, true)))
    .limit(1);
  return rows.length > 0;
}

/** True when a cluster is in the register in a fiscal year. */
export async function isClusterInEffect(
  db: Executor,
  clusterId: string,
  fiscalYear: number,
): Promise<boolean> {
  const rows = await db
    .select({ id: clusterRevisions.id })
    .from(clusterRevisions)
    .where(and(eq(clusterRevisions.clusterId, clusterId), revisionInEffectFor(fiscalYear)))
    .limit(1);
  return rows.length > 0;
}

const meetingColumns = {
  id: meetings.id,
  fiscalYear: meetings.fiscalYear,
  sequence: meetings.sequence,
  title: meetings.title,
  plannedPrecision: meetings.plannedPrecision,
  plannedStart: meetings.plannedStart,
  plannedEnd: meetings.plannedEnd,
  actualDate: meetings.actualDate,
};

export type MeetingRefRow = {
  id: string;
  fiscalYear: number;
  sequence: number;
  title: string;
  plannedPrecision: typeof meetings.$inferSelect.plannedPrecision;
  plannedStart: string;
  plannedEnd: string;
  actualDate: string | null;
};

/** Meetings by id. */
export async function findMeetings(db: Executor, ids: string[]): Promise<Map<string, MeetingRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(meetingColumns)
    .from(meetings)
    .where(inArray(meetings.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The due meetings of analyses (報告予定), by analysis. */
export async function dueMeetingsOf(db: Executor, analysisIds: string[]) {
  const byAnalysis = new Map<string, { stage: AnalysisRow['stage']; meeting: MeetingRefRow }[]>();
  if (analysisIds.length === 0) return byAnalysis;
  const rows = await db
    .select({
      analysisId: analysisDueMeetings.analysisId,
      stage: analysisDueMeetings.stage,
      meeting: meetingColumns,
    })
    .from(analysisDueMeetings)
    .innerJoin(meetings, eq(meetings.id, analysisDueMeetings.meetingId))
    .where(inArray(analysisDueMeetings.analysisId, analysisIds))
    .orderBy(asc(meetings.fiscalYear), asc(meetings.sequence));
  for (const row of rows) {
    const list = byAnalysis.get(row.analysisId) ?? [];
    list.push({ stage: row.stage, meeting: row.meeting });
    byAnalysis.set(row.analysisId, list);
  }
  return byAnalysis;
}

/** Replaces the due meetings of an analysis. */
export async function replaceDueMeetings(
  db: Executor,
  analysisId: string,
  entries: { stage: AnalysisRow['stage']; meetingId: string }[],
) {
  await db.delete(analysisDueMeetings).where(eq(analysisDueMeetings.analysisId, analysisId));
  if (entries.length > 0) {
    await db.insert(analysisDueMeetings).values(entries.map((entry) => ({ analysisId, ...entry })));
  }
}

/** The latest stage move of each analysis, with its meeting (read in the same statement). */
export async function lastTransitionsOf(db: Executor, analysisIds: string[]) {
  const byAnalysis = new Map<
    string,
    {
      toStage: AnalysisRow['stage'];
      reportedOn: string | null;
      meetingId: string | null;
      meeting: MeetingRefRow | null;
    }
  >();
  if (analysisIds.length === 0) return byAnalysis;
  const rows = await db
    .selectDistinctOn([analysisTransitions.analysisId], {
      analysisId: analysisTransitions.analysisId,
      toStage: analysisTransitions.toStage,
      reportedOn: analysisTransitions.reportedOn,
      meetingId: analysisTransitions.meetingId,
      meeting: meetingColumns,
    })
    .from(analysisTransitions)
    .leftJoin(meetings, eq(meetings.id, analysisTransitions.meetingId))
    .where(inArray(analysisTransitions.analysisId, analysisIds))
    .orderBy(
      analysisTransitions.analysisId,
      desc(analysisTransitions.createdAt),
      desc(analysisTransitions.id),
    );
  for (const row of rows)
    byAnalysis.set(row.analysisId, { ...row, meeting: row.meeting?.id ? row.meeting : null });
  return byAnalysis;
}

/** The meetings among rows that carry one, by id. */
export function meetingsOfRows(rows: { meeting: MeetingRefRow | null }[]): Map<string, MeetingRefRow> {
  const byId = new Map<string, MeetingRefRow>();
  for (const row of rows) if (row.meeting?.id) byId.set(row.meeting.id, row.meeting);
  return byId;
}

/** The stage moves of an analysis, oldest first, with who made them, the version they reported and the meeting. */
export function listTransitions(db: Executor, analysisId: string) {
  return db
    .select({
      transition: analysisTransitions,
      actorName: users.displayName,
      versionNumber: analysisVersions.number,
      meeting: meetingColumns,
    })
    .from(analysisTransitions)
    .leftJoin(users, eq(users.id, analysisTransitions.actorId))
    .leftJoin(meetings, eq(meetings.id, analysisTransitions.meetingId))
    .leftJoin(analysisVersions, eq(analysisVersions.id, analysisTransitions.versionId))
    .where(eq(analysisTransitions.analysisId, analysisId))
    .orderBy(asc(analysisTransitions.createdAt), asc(analysisTransitions.id));
}

export type TransitionListRow = Awaited<ReturnType<typeof listTransitions>>[number];

/** Records a stage move and returns its id. */
export async function insertTransition(db: Executor, values: typeof analysisTransitions.$inferInsert) {
  const rows = await db.insert(analysisTransitions).values(values).returning({ id: analysisTransitions.id });
  return rows[0]!.id;
}

/** The working copy of a report (null when nothing was written yet). */
export async function findReport(db: Executor, analysisId: string) {
  const rows = await db
    .select({
      content: analysisReports.content,
      updatedAt: analysisReports.updatedAt,
      updatedBy: analysisReports.updatedBy,
      updatedByName: users.displayName,
    })
    .from(analysisReports)
    .leftJoin(users, eq(users.id, analysisReports.updatedBy))
    .where(eq(analysisReports.analysisId, analysisId))
    .limit(1);
  return rows[0] ?? null;
}

/** Writes the working copy of a report. */
export async function upsertReport(
  db: Executor,
  analysisId: string,
  content: unknown,
  userId: string | null,
) {
  const now = new Date();
  await db
    .insert(analysisReports)
    .values({ analysisId, content, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: analysisReports.analysisId,
      set: { content, updatedBy: userId, updatedAt: now },
    });
}

const versionSummaryColumns = {
  id: analysisVersions.id,
  analysisId: analysisVersions.analysisId,
  number: analysisVersions.number,
  report: analysisVersions.report,
  status: analysisVersions.status,
  submittedBy: analysisVersions.submittedBy,
  submittedAt: analysisVersions.submittedAt,
  approvedBy: analysisVersions.approvedBy,
  approvedAt: analysisVersions.approvedAt,
  reviewedBy: analysisVersions.reviewedBy,
  reviewedAt: analysisVersions.reviewedAt,
  transitionId: analysisVersions.transitionId,
};

export type VersionSummaryRow = {
  [K in keyof typeof versionSummaryColumns]: AnalysisVersionRow[K];
};

/** The versions of an analysis without their contents, oldest first; only reported ones when asked. */
export function listVersions(db: Executor, analysisId: string, options: { onlyReported: boolean }) {
  const condition = options.onlyReported
    ? and(eq(analysisVersions.analysisId, analysisId), eq(analysisVersions.status, 'reported'))
    : eq(analysisVersions.analysisId, analysisId);
  return db
    .select(versionSummaryColumns)
    .from(analysisVersions)
    .where(condition)
    .orderBy(asc(analysisVersions.number));
}

/** One version with its contents, or null. */
export async function findVersion(db: Executor, analysisId: string, number: number) {
  const rows = await db
    .select()
    .from(analysisVersions)
    .where(and(eq(analysisVersions.analysisId, analysisId), eq(analysisVersions.number, number)))
    .limit(1);
  return rows[0] ?? null;
}

/** The newest version of an analysis without its contents, or null. */
export async function latestVersion(db: Executor, analysisId: string): Promise<VersionSummaryRow | null> {
  const rows = await db
    .select(versionSummaryColumns)
    .from(analysisVersions)
    .where(eq(analysisVersions.analysisId, analysisId))
    .orderBy(desc(analysisVersions.number))
    .limit(1);
  return rows[0] ?? null;
}

/** Freezes a new version. */
export async function insertVersion(db: Executor, values: typeof analysisVersions.$inferInsert) {
  const rows = await db.insert(analysisVersions).values(values).returning();
  return rows[0]!;
}

/** Changes a version's review fields. */
export async function updateVersion(
  db: Executor,
  id: string,
  values: Partial<
    Pick<
      AnalysisVersionRow,
      'status' | 'approvedBy' | 'approvedAt' | 'reviewedBy' | 'reviewedAt' | 'transitionId'
    >
  >,
) {
  await db.update(analysisVersions).set(values).where(eq(analysisVersions.id, id));
}

/** Display names of users by id. */
export async function userNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** The review comments of an analysis, oldest first, with their authors. */
export function listComments(db: Executor, analysisId: string) {
  return db
    .select({ comment: analysisComments, authorName: users.displayName })
    .from(analysisComments)
    .leftJoin(users, eq(users.id, analysisComments.authorId))
    .where(eq(analysisComments.analysisId, analysisId))
    .orderBy(asc(analysisComments.createdAt), asc(analysisComments.id));
}

export type CommentListRow = Awaited<ReturnType<typeof listComments>>[number];

/** One comment of an analysis, or null. */
export async function findComment(db: Executor, analysisId: string, id: string) {
  const rows = await db
    .select()
    .from(analysisComments)
    .where(and(eq(analysisComments.analysisId, analysisId), eq(analysisComments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Adds a comment and returns its id. */
export async function insertComment(db: Executor, values: typeof analysisComments.$inferInsert) {
  const rows = await db.insert(analysisComments).values(values).returning({ id: analysisComments.id });
  return rows[0]!.id;
}

/** A setting's stored value, or undefined. */
export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const rows = await db.select().from(systemSettings).where(eq(systemSettings.key, key)).limit(1);
  return rows[0]?.value;
}

/** Stores a setting unless it is already set. */
export async function insertSettingIfAbsent(db: Executor, key: string, value: unknown) {
  await db.insert(systemSettings).values({ key, value }).onConflictDoNothing();
}

/** The analyses of a fiscal year that have not reached their final report and are not closed. */
export function listUnfinishedAnalyses(db: Executor, fiscalYear: number) {
  return db
    .select({
      analysis: analyses,
      clusterNumber: clusterRevisions.number,
      clusterName: clusterRevisions.name,
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(eq(clusterRevisions.clusterId, analyses.clusterId), revisionInEffectFor(fiscalYear)),
    )
    .where(
      and(
        eq(analyses.fiscalYear, fiscalYear),
        isNull(analyses.closedAt),
        inArray(analyses.stage, ['planned', 'started', 'progress_reported', 'direction_reported']),
      ),
    )
    .orderBy(asc(clusterRevisions.number));
}

/** The fiscal years the programme has opened. */
export async function openedFiscalYears(db: Executor): Promise<number[]> {
  const rows = await db.select({ year: fiscalYears.year }).from(fiscalYears).orderBy(asc(fiscalYears.year));
  return rows.map((row) => row.year);
}

/** Opens a fiscal year; false when it was already open. */
export async function insertFiscalYear(db: Executor, year: number): Promise<boolean> {
  const rows = await db.insert(fiscalYears).values({ year }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Copies an analysis into a new fiscal year (same cluster, stage, lead and contact) and returns the copy. */
export async function insertRolledOverAnalysis(db: Executor, from: AnalysisRow, fiscalYear: number) {
  const rows = await db
    .insert(analyses)
    .values({
      clusterId: from.clusterId,
      fiscalYear,
      stage: from.stage,
      reviewStatus: 'draft',
      leadOrgUnitId: from.leadOrgUnitId,
      contactUserId: from.contactUserId,
      isPublished: from.isPublished,
      rolledOverFromId: from.id,
    })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** Of the ids given, those that are ニーズ・課題 records (a report may cite only needs that exist). */
export async function existingNeedIds(db: Executor, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await db.select({ id: needs.id }).from(needs).where(inArray(needs.id, wanted));
  return new Set(rows.map((row) => row.id));
}
