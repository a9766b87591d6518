import { and, asc, count, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agendaItemLinks,
  agendaItems,
  analyses,
  analysisDueMeetings,
  clusterOwners,
  clusterRevisions,
  fiscalYears,
  meetingActions,
  meetingDecisions,
  meetingMaterials,
  meetingMinutes,
  meetings,
  orgUnits,
  platinumCampaigns,
  platinumIssues,
  platinumResponses,
  scheduleItems,
} from '../../db/schema/index.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingValues = Partial<
  Omit<typeof meetings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>
>;

// ---------------------------------------------------------------------------------------------
// Meetings.

/** The meetings of a fiscal year in sequence order; the public sees only public ones. */
export function listMeetings(db: Executor, fiscalYear: number, options: { onlyPublic: boolean }) {
  const byYear = eq(meetings.fiscalYear, fiscalYear);
  return db
    .select()
    .from(meetings)
    .where(options.onlyPublic ? and(byYear, eq(meetings.isPublic, true)) : byYear)
    .orderBy(asc(meetings.sequence));
}

/** Every meeting of every year, oldest first (the private calendar feed). */
export function listAllMeetings(db: Executor) {
  return db.select().from(meetings).orderBy(asc(meetings.fiscalYear), asc(meetings.sequence));
}

/** One meeting, or null. */
export async function findMeeting(db: Executor, id: string): Promise<MeetingRow | null> {
  const rows = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One meeting locked for update, or null: every change to a meeting's record takes this lock first. */
export async function lockMeeting(db: Executor, id: string): Promise<MeetingRow | null> {
  const rows = await db.select().from(meetings).where(eq(meetings.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** True when the programme has opened the fiscal year. */
export async function fiscalYearExists(db: Executor, year: number): Promise<boolean> {
  const rows = await db
    .select({ year: fiscalYears.year })
    .from(fiscalYears)
    .where(eq(fiscalYears.year, year))
    .limit(1);
  return rows.length > 0;
}

/** True when another meeting of the year already has the sequence number. */
export async function isSequenceTaken(db: Executor, fiscalYear: number, sequence: number, exceptId?: string) {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.fiscalYear, fiscalYear),
        eq(meetings.sequence, sequence),
        exceptId ? ne(meetings.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Inserts a meeting. */
export async function insertMeeting(db: Executor, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const rows = await db.insert(meetings).values(values).returning();
  return rows[0]!;
}

/** Changes a meeting and bumps its version. */
export async function updateMeetingRow(db: Executor, id: string, version: number, values: MeetingValues) {
  const rows = await db
    .update(meetings)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(meetings.id, id))
    .returning();
  return rows[0]!;
}

/** Bumps the agenda version of a meeting (every change to its items or their order). */
export async function bumpAgendaVersion(db: Executor, id: string, agendaVersion: number): Promise<number> {
  await db
    .update(meetings)
    .set({ agendaVersion: agendaVersion + 1 })
    .where(eq(meetings.id, id));
  return agendaVersion + 1;
}

/** Keeps the meeting's entry in the year's schedule (lane x_meeting) in step with the meeting. */
export async function syncMeetingScheduleItem(db: Executor, meeting: MeetingRow) {
  const values = {
    fiscalYear: meeting.fiscalYear,
    lane: 'x_meeting' as const,
    label: meeting.title,
    precision: meeting.actualDate ? ('day' as const) : meeting.plannedPrecision,
    startDate: meeting.actualDate ?? meeting.plannedStart,
    endDate: meeting.actualDate ?? meeting.plannedEnd,
    sortOrder: meeting.sequence,
  };
  const updated = await db
    .update(scheduleItems)
    .set(values)
    .where(
      and(
        eq(scheduleItems.lane, 'x_meeting'),
        eq(scheduleItems.linkType, 'meeting'),
        eq(scheduleItems.linkId, meeting.id),
      ),
    )
    .returning({ id: scheduleItems.id });
  if (!updated.length)
    await db.insert(scheduleItems).values({ ...values, linkType: 'meeting', linkId: meeting.id });
}

// ---------------------------------------------------------------------------------------------
// Agenda.

export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItems>>[number];

/** The agenda items of a meeting in agenda order, with the presenter's name. */
export function listAgendaItems(db: Executor, meetingId: string) {
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
      presenterOrgUnitId: agendaItems.presenterOrgUnitId,
      presenterName: orgUnits.name,
      note: agendaItems.note,
      version: agendaItems.version,
    })
    .from(agendaItems)
    .leftJoin(orgUnits, eq(orgUnits.id, agendaItems.presenterOrgUnitId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/** One agenda item of a meeting, or null. */
export async function findAgendaItem(db: Executor, meetingId: string, itemId: string) {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  return rows[0] ?? null;
}

/** One agenda item of a meeting locked for update, or null. */
export async function lockAgendaItem(db: Executor, meetingId: string, itemId: string) {
  const rows = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** The links of the given agenda items, each with a readable label of its target. */
export async function listAgendaLinks(db: Executor, itemIds: string[], fiscalYear: number) {
  if (!itemIds.length) return [];
  const links = await db
    .select()
    .from(agendaItemLinks)
    .where(inArray(agendaItemLinks.agendaItemId, itemIds))
    .orderBy(asc(agendaItemLinks.targetType), asc(agendaItemLinks.id));
  const analysisIds = links.filter((link) => link.targetType === 'analysis').map((link) => link.targetId);
  const clusterIds = links.filter((link) => link.targetType === 'cluster').map((link) => link.targetId);
  const actionIds = links.filter((link) => link.targetType === 'action').map((link) => link.targetId);
  const issueIds = links.filter((link) => link.targetType === 'platinum_issue').map((link) => link.targetId);
  // Sequential on purpose: inside a transaction all queries share one connection.
  const analysisRows = analysisIds.length
    ? await db
        .select({ id: analyses.id, number: clusterRevisions.number, name: clusterRevisions.name })
        .from(analyses)
        .innerJoin(
          clusterRevisions,
          and(
            eq(clusterRevisions.clusterId, analyses.clusterId),
            revisionInEffect(sql`${analyses.fiscalYear}`),
          ),
        )
        .where(inArray(analyses.id, analysisIds))
    : [];
  const clusterRows = clusterIds.length
    ? await db
        .select({
          id: clusterRevisions.clusterId,
          number: clusterRevisions.number,
          name: clusterRevisions.name,
        })
        .from(clusterRevisions)
        .where(and(inArray(clusterRevisions.clusterId, clusterIds), revisionInEffect(sql`${fiscalYear}`)))
    : [];
  const actionRows = actionIds.length
    ? await db
        .select({ id: meetingActions.id, body: meetingActions.body, status: meetingActions.status })
        .from(meetingActions)
        .where(inArray(meetingActions.id, actionIds))
    : [];
  const issueRows = issueIds.length
    ? await db
        .select({ id: platinumIssues.id, number: platinumIssues.number, title: platinumIssues.title })
        .from(platinumIssues)
        .where(inArray(platinumIssues.id, issueIds))
    : [];
  const labels = new Map<string, string>();
  for (const row of issueRows) labels.set(`platinum_issue:${row.id}`, `課題${row.number} ${row.title}`);
  for (const row of analysisRows) labels.set(`analysis:${row.id}`, `${row.number} ${row.name}`);
  for (const row of clusterRows) labels.set(`cluster:${row.id}`, `${row.number} ${row.name}`);
  for (const row of actionRows) labels.set(`action:${row.id}`, row.body);
  return links.map((link) => ({ ...link, label: labels.get(`${link.targetType}:${link.targetId}`) ?? '' }));
}

function revisionInEffect(fiscalYear: ReturnType<typeof sql>) {
  return and(
    lte(clusterRevisions.validFromFiscalYear, fiscalYear),
    or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
  );
}

/** The next free position at the end of a meeting's agenda. */
export async function nextAgendaPosition(db: Executor, meetingId: string): Promise<number> {
  const rows = await db
    .select({ last: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return (rows[0]?.last ?? 0) + 1;
}

/** Inserts an agenda item. */
export async function insertAgendaItem(
  db: Executor,
  values: typeof agendaItems.$inferInsert,
): Promise<string> {
  const rows = await db.insert(agendaItems).values(values).returning({ id: agendaItems.id });
  return rows[0]!.id;
}

/** Changes an agenda item and bumps its version. */
export async function updateAgendaItemRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof agendaItems.$inferInsert>,
) {
  await db
    .update(agendaItems)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(agendaItems.id, id));
}

/** Replaces the links of an agenda item. */
export async function replaceAgendaLinks(
  db: Executor,
  itemId: string,
  links: {
    targetType: 'analysis' | 'action' | 'cluster' | 'platinum_issue';
    targetId: string;
    analysisStage?: AnalysisStage | null;
  }[],
) {
  await db.delete(agendaItemLinks).where(eq(agendaItemLinks.agendaItemId, itemId));
  if (links.length) {
    await db
      .insert(agendaItemLinks)
      .values(
        links.map((link) => ({ agendaItemId: itemId, ...link, analysisStage: link.analysisStage ?? null })),
      );
  }
}

type AnalysisStage = typeof analyses.$inferSelect.stage;

/** Sets each item's position to its place in the list (1-based). */
export async function setAgendaPositions(db: Executor, orderedIds: string[]) {
  for (const [index, id] of orderedIds.entries()) {
    await db
      .update(agendaItems)
      .set({ position: index + 1 })
      .where(eq(agendaItems.id, id));
  }
}

/** How many materials, decisions and instructions hang on an agenda item. */
export async function countItemRecords(db: Executor, itemId: string) {
  const materials = await db
    .select({ n: count() })
    .from(meetingMaterials)
    .where(eq(meetingMaterials.agendaItemId, itemId));
  const decisions = await db
    .select({ n: count() })
    .from(meetingDecisions)
    .where(eq(meetingDecisions.agendaItemId, itemId));
  const actions = await db
    .select({ n: count() })
    .from(meetingActions)
    .where(eq(meetingActions.agendaItemId, itemId));
  return Number(materials[0]?.n ?? 0) + Number(decisions[0]?.n ?? 0) + Number(actions[0]?.n ?? 0);
}

/** Deletes an agenda item (its links go with it). */
export async function deleteAgendaItem(db: Executor, itemId: string) {
  await db.delete(agendaItems).where(eq(agendaItems.id, itemId));
}

/** Analyses among the ids, with their fiscal year. */
export function findAnalyses(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: analyses.id, fiscalYear: analyses.fiscalYear })
    .from(analyses)
    .where(inArray(analyses.id, ids));
}

/** Actions among the ids, with the meeting (year, sequence) that gave them. */
export function findActionsWithMeeting(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: meetingActions.id, fiscalYear: meetings.fiscalYear, sequence: meetings.sequence })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(inArray(meetingActions.id, ids));
}

/** Platinum issues among the ids that exist. */
export function findPlatinumIssues(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: platinumIssues.id }).from(platinumIssues).where(inArray(platinumIssues.id, ids));
}

/**
 * Platinum responses (対応方針) of the year's campaigns that are ready to announce or announced,
 * and whose issue is on no agenda yet. The tables belong to the Platinum feature, which exports no
 * query for them yet; this reads them directly.
 */
export function listPlatinumResponsesToAnnounce(db: Executor, fiscalYear: number) {
  return db
    .select({
      issueId: platinumIssues.id,
      issueNumber: platinumIssues.number,
      issueTitle: platinumIssues.title,
      status: platinumResponses.status,
      announcedByOrgUnitId: platinumResponses.announcedByOrgUnitId,
    })
    .from(platinumResponses)
    .innerJoin(platinumIssues, eq(platinumIssues.id, platinumResponses.issueId))
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIssues.campaignId))
    .where(
      and(
        eq(platinumCampaigns.fiscalYear, fiscalYear),
        inArray(platinumResponses.status, ['pending_approval', 'published']),
        sql`not exists (select 1 from ${agendaItemLinks} where ${agendaItemLinks.targetType} = 'platinum_issue' and ${agendaItemLinks.targetId} = ${platinumIssues.id})`,
      ),
    )
    .orderBy(asc(platinumIssues.number));
}

/** Clusters among the ids that exist. */
export function findClusters(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectDistinct({ id: clusterRevisions.clusterId })
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, ids));
}

/** True when the org unit exists. */
export async function orgUnitExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// What is due at a meeting (inputs of the agenda proposal).

/** The analyses of a fiscal year with their cluster, stage and presenting unit. */
export async function listAnalysesOfYear(db: Executor, fiscalYear: number) {
  const rows = await db
    .select({
      id: analyses.id,
      stage: analyses.stage,
      leadOrgUnitId: analyses.leadOrgUnitId,
      clusterId: analyses.clusterId,
      clusterNumber: clusterRevisions.number,
      clusterName: clusterRevisions.name,
    })
    .from(analyses)
    .innerJoin(
      clusterRevisions,
      and(eq(clusterRevisions.clusterId, analyses.clusterId), revisionInEffect(sql`${fiscalYear}`)),
    )
    .where(eq(analyses.fiscalYear, fiscalYear))
    .orderBy(asc(clusterRevisions.number));
  const owners = rows.length
    ? await db
        .select({ clusterId: clusterOwners.clusterId, orgUnitId: clusterOwners.orgUnitId })
        .from(clusterOwners)
        .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
        .where(
          inArray(
            clusterOwners.clusterId,
            rows.map((row) => row.clusterId),
          ),
        )
        .orderBy(asc(orgUnits.sortOrder))
    : [];
  return rows.map((row) => ({
    ...row,
    presenterOrgUnitId:
      row.leadOrgUnitId ?? owners.find((owner) => owner.clusterId === row.clusterId)?.orgUnitId ?? null,
  }));
}

/**
 * The year's plan of reports: at which meeting each stage of each analysis is due. The table
 * belongs to the analyses feature, which exports no query for it yet; this reads it directly.
 */
export function listAnalysisDueMeetings(db: Executor, fiscalYear: number) {
  return db
    .select({
      analysisId: analysisDueMeetings.analysisId,
      stage: analysisDueMeetings.stage,
      meetingId: analysisDueMeetings.meetingId,
      meetingTitle: meetings.title,
      fiscalYear: meetings.fiscalYear,
      sequence: meetings.sequence,
    })
    .from(analysisDueMeetings)
    .innerJoin(analyses, eq(analyses.id, analysisDueMeetings.analysisId))
    .innerJoin(meetings, eq(meetings.id, analysisDueMeetings.meetingId))
    .where(eq(analyses.fiscalYear, fiscalYear));
}

/** Every (analysis, stage) already on an agenda, with the meeting it is on. */
export function listAnalysisReportLinks(db: Executor, analysisIds: string[]) {
  if (!analysisIds.length) return Promise.resolve([]);
  return db
    .select({
      analysisId: agendaItemLinks.targetId,
      stage: agendaItemLinks.analysisStage,
      meetingId: agendaItems.meetingId,
      fiscalYear: meetings.fiscalYear,
      sequence: meetings.sequence,
    })
    .from(agendaItemLinks)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemLinks.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItemLinks.targetType, 'analysis'), inArray(agendaItemLinks.targetId, analysisIds)));
}

/** Names of org units by id. */
export async function orgUnitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

// ---------------------------------------------------------------------------------------------
// Decisions.

/** The decisions of a meeting, in the order they were recorded. */
export function listDecisions(db: Executor, meetingId: string) {
  return db
    .select()
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
}

/** One decision of a meeting locked for update, or null. */
export async function lockDecision(db: Executor, meetingId: string, decisionId: string) {
  const rows = await db
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meetingId)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a decision. */
export async function insertDecision(db: Executor, values: typeof meetingDecisions.$inferInsert) {
  const rows = await db.insert(meetingDecisions).values(values).returning();
  return rows[0]!;
}

/** Changes a decision's text and bumps its version. */
export async function updateDecisionRow(db: Executor, id: string, version: number, body: string) {
  const rows = await db
    .update(meetingDecisions)
    .set({ body, version: version + 1, updatedAt: new Date() })
    .where(eq(meetingDecisions.id, id))
    .returning();
  return rows[0]!;
}

/** Deletes a decision. */
export async function deleteDecision(db: Executor, id: string) {
  await db.delete(meetingDecisions).where(eq(meetingDecisions.id, id));
}

// ---------------------------------------------------------------------------------------------
// Minutes.

/** The minutes of a meeting, or null. */
export async function findMinutes(db: Executor, meetingId: string) {
  const rows = await db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).limit(1);
  return rows[0] ?? null;
}

/** The minutes of a meeting locked for update, or null. */
export async function lockMinutes(db: Executor, meetingId: string) {
  const rows = await db
    .select()
    .from(meetingMinutes)
    .where(eq(meetingMinutes.meetingId, meetingId))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts the minutes of a meeting. */
export async function insertMinutes(db: Executor, values: typeof meetingMinutes.$inferInsert) {
  const rows = await db.insert(meetingMinutes).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Changes the minutes and bumps their version. */
export async function updateMinutesRow(
  db: Executor,
  meetingId: string,
  version: number,
  values: Partial<typeof meetingMinutes.$inferInsert>,
) {
  const rows = await db
    .update(meetingMinutes)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(meetingMinutes.meetingId, meetingId))
    .returning();
  return rows[0]!;
}
