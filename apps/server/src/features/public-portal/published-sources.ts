import { isoDateOf, platinumThemeLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { listClustersWithAnalyses } from '../dashboard/index.ts';
import { listAgendaItemsOfYear } from '../meetings/index.ts';
import { listPublicNeeds } from '../needs/index.ts';
import { listPublishedResponsesOfYear } from '../platinum/index.ts';
import { listPublicMeetings } from './public-portal.queries.ts';

/*
 * What the public portal may show, one reader per kind of record. Each returns only what has been
 * published: the public cluster register, public meetings with only their published parts,
 * analyses marked published, and — through another stream's own public API or public export —
 * published policies and needs, and announced Platinum responses (never an idea's author). Streams
 * that keep no publication state (initiatives, the effect ledger) give nothing.
 */

/** Calls another feature's public API in-process without a session, so it applies its own publication rules. */
export type PublicFetch = (path: string) => Promise<unknown>;

export type PublishedContext = { db: Executor; fetchPublic: PublicFetch };

/** The cluster register of a year (public), with each cluster's analysis stage only when that analysis is published. */
export async function publishedClusters(context: PublishedContext, fiscalYear: number) {
  const clusters = await listClustersWithAnalyses(context.db, fiscalYear);
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
export async function publishedMeetings(context: PublishedContext, fiscalYear: number) {
  const [rows, agendaItems] = await Promise.all([
    listPublicMeetings(context.db, fiscalYear),
    listAgendaItemsOfYear(context.db, fiscalYear),
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
      ? agendaItems.filter((item) => item.meetingId === meeting.id).map((item) => item.title)
      : [],
  }));
}

type PublicPolicy = {
  id: string;
  orgUnit: { name: string };
  title: string;
  versionNumber: number;
  publishedAt: string | null;
};

/** Published 局区X方針 of a year, read through the bureau policies' own public API. */
export async function publishedPolicies(
  context: PublishedContext,
  fiscalYear: number,
): Promise<PublicPolicy[]> {
  const body = (await context.fetchPublic(`/api/v1/public/bureau-policies?fy=${fiscalYear}`)) as {
    items?: PublicPolicy[];
  } | null;
  return body?.items ?? [];
}

/** Needs the reform office made public (masked text, no reporter), through the needs feature's export. */
export async function publishedNeeds(context: PublishedContext, fiscalYear: number) {
  return listPublicNeeds(context.db, { fiscalYear }, await loadOrgUnitTree(context.db));
}

/**
 * Announced Platinum responses (対応方針) of a year: the issue, its theme, the bureau that answered
 * and the response as published (features/platinum). Never an idea or its author.
 */
export async function publishedPlatinumResponses(
  context: PublishedContext,
  fiscalYear: number,
): Promise<
  { number: number; title: string; theme: string; orgUnit: string; response: string; publishedOn: string }[]
> {
  const rows = await listPublishedResponsesOfYear(context.db, fiscalYear);
  return rows.map((row) => ({
    number: row.number,
    title: row.title,
    theme: platinumThemeLabel(row.theme),
    orgUnit: row.orgUnit ?? '',
    response: row.response,
    publishedOn: row.publishedAt ? isoDateOf(row.publishedAt) : '',
  }));
}
