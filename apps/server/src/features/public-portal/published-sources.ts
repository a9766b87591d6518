import { isoDateOf, platinumThemeLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { listPublishedPolicies, loadOrgUnitTree } from '../bureau-policies/index.ts';
import { listClustersWithAnalyses } from '../dashboard/index.ts';
import { listPublicNeeds } from '../needs/index.ts';
import { listPublishedResponsesOfYear } from '../platinum/index.ts';
import { listPublicMeetings, listPublishedAgendaTitles } from './public-portal.queries.ts';

/*
 * What the public portal may show, one reader per kind of record. Each returns only what has been
 * published: the public cluster register, public meetings with only their published parts,
 * analyses marked published, published policies (their published version only) and needs (as the
 * needs feature masks them), and announced Platinum responses (never an idea's author). Streams
 * that keep no publication state (initiatives, the effect ledger) give nothing.
 */

/** The cluster register of a year (public), with each cluster's analysis stage only when that analysis is published. */
export async function publishedClusters(db: Executor, fiscalYear: number) {
  const clusters = await listClustersWithAnalyses(db, fiscalYear);
  return clusters.map((cluster) => ({
    number: cluster.number,
    name: cluster.name,
    group: cluster.groupName,
    kind: cluster.kindName,
    owners: cluster.ownerNames,
    isAnalysisTarget: cluster.analysisId !== null,
    publishedAnalysisId: cluster.isPublished ? cluster.analysisId : null,
    stage: cluster.isPublished ? cluster.stage : null,
  }));
}

/**
 * Public meetings: dates at their precision; the agenda's titles only once the agenda is published;
 * the video link only once it is published.
 */
export async function publishedMeetings(db: Executor, fiscalYear: number) {
  const [rows, agendaTitles] = await Promise.all([
    listPublicMeetings(db, fiscalYear),
    listPublishedAgendaTitles(db, fiscalYear),
  ]);
  return rows.map((meeting) => ({
    id: meeting.id,
    sequence: meeting.sequence,
    title: meeting.title,
    planned: { precision: meeting.plannedPrecision, start: meeting.plannedStart, end: meeting.plannedEnd },
    heldOn: meeting.actualDate,
    place: meeting.place,
    videoUrl: meeting.isVideoPublished ? meeting.videoUrl : null,
    agenda: meeting.isAgendaPublished
      ? agendaTitles.filter((item) => item.meetingId === meeting.id).map((item) => item.title)
      : [],
  }));
}

/** Published 局区X方針 of a year: the published version of each, by bureau. */
export async function publishedPolicies(db: Executor, fiscalYear: number) {
  const [rows, tree] = await Promise.all([listPublishedPolicies(db, fiscalYear), loadOrgUnitTree(db)]);
  return rows.map(({ policy, version }) => ({
    orgUnit: tree.byId.get(policy.orgUnitId)?.name ?? '',
    title: version.title,
    versionNumber: version.versionNumber,
    publishedAt: version.publishedAt,
  }));
}

/** Needs the reform office made public (masked text, no reporter), through the needs feature's export. */
export async function publishedNeeds(db: Executor, fiscalYear: number) {
  return listPublicNeeds(db, { fiscalYear }, await loadOrgUnitTree(db));
}

/**
 * Announced Platinum responses (対応方針) of a year: the issue, its theme, the bureau that answered
 * and the response as published (features/platinum). Never an idea or its author.
 */
export async function publishedPlatinumResponses(
  db: Executor,
  fiscalYear: number,
): Promise<
  { number: number; title: string; theme: string; orgUnit: string; response: string; publishedOn: string }[]
> {
  const rows = await listPublishedResponsesOfYear(db, fiscalYear);
  return rows.map((row) => ({
    number: row.number,
    title: row.title,
    theme: platinumThemeLabel(row.theme),
    orgUnit: row.orgUnit ?? '',
    response: row.response,
    publishedOn: row.publishedAt ? isoDateOf(row.publishedAt) : '',
  }));
}
