import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  agendaItems,
  analyses,
  clusterGroups,
  clusterKinds,
  clusterRevisions,
  meetings,
  needs,
} from '../../db/schema/index.ts';
import { listPublishedPolicies } from '../bureau-policies/index.ts';
import { revisionInEffect } from '../clusters/clusters.queries.ts';
import { listPublishedResponsesOfYear } from '../platinum/index.ts';

/** The public (公開) X meetings of a fiscal year in sequence order; closed meetings never appear. */
export function listPublicMeetings(db: Executor, fiscalYear: number) {
  return db
    .select({
      id: meetings.id,
      sequence: meetings.sequence,
      title: meetings.title,
      plannedPrecision: meetings.plannedPrecision,
      plannedStart: meetings.plannedStart,
      plannedEnd: meetings.plannedEnd,
      actualDate: meetings.actualDate,
      place: meetings.place,
      videoUrl: meetings.videoUrl,
      isVideoPublished: meetings.isVideoPublished,
      isAgendaPublished: meetings.isAgendaPublished,
    })
    .from(meetings)
    .where(and(eq(meetings.fiscalYear, fiscalYear), eq(meetings.isPublic, true)))
    .orderBy(asc(meetings.sequence));
}

/** The agenda titles of the year's public meetings whose agenda is published, in agenda order. */
export function listPublishedAgendaTitles(db: Executor, fiscalYear: number) {
  return db
    .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(meetings.fiscalYear, fiscalYear),
        eq(meetings.isPublic, true),
        eq(meetings.isAgendaPublished, true),
      ),
    )
    .orderBy(asc(meetings.sequence), asc(agendaItems.position));
}

/**
 * The clusters in effect in a year with their group and kind, and the year's analysis (its stage
 * and whether it is published): what the programme page and the open-data counts need, without owners.
 */
export function listPublicClusters(db: Executor, fiscalYear: number) {
  return db
    .select({
      number: clusterRevisions.number,
      groupName: clusterGroups.name,
      analysisId: analyses.id,
      isPublished: analyses.isPublished,
    })
    .from(clusterRevisions)
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .leftJoin(
      analyses,
      and(eq(analyses.clusterId, clusterRevisions.clusterId), eq(analyses.fiscalYear, fiscalYear)),
    )
    .where(revisionInEffect(fiscalYear))
    .orderBy(asc(clusterRevisions.number));
}

/** The needs feature lists at most this many public needs of a year (listPublicNeeds reads one page of 1,000). */
const PUBLIC_NEEDS_LISTED = 1000;

/**
 * How many rows each published list of a year has, in one statement: each count is taken over the
 * very query its list runs (or its exact filter), so a count never differs from the list it stands for.
 */
export async function countPublished(db: Executor, fiscalYear: number) {
  const clusters = listPublicClusters(db, fiscalYear).as('public_clusters');
  const countOf = (query: { getSQL(): ReturnType<typeof sql> }) =>
    sql<number>`(select count(*) from (${query}) as listed)`.mapWith(Number);
  const [row] = await db
    .select({
      clusters: sql<number>`count(*)`.mapWith(Number),
      analysisTargets: sql<number>`count(${clusters.analysisId})`.mapWith(Number),
      publishedAnalyses:
        sql<number>`count(${clusters.analysisId}) filter (where ${clusters.isPublished})`.mapWith(Number),
      meetings: countOf(listPublicMeetings(db, fiscalYear)),
      policies: countOf(listPublishedPolicies(db, fiscalYear)),
      needs: countOf(
        db
          .select({ id: needs.id })
          .from(needs)
          .where(and(eq(needs.fiscalYear, fiscalYear), eq(needs.isPublic, true)))
          .limit(PUBLIC_NEEDS_LISTED),
      ),
      platinumResponses: countOf(listPublishedResponsesOfYear(db, fiscalYear)),
    })
    .from(clusters);
  return row!;
}
