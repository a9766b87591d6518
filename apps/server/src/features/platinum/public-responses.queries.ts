import type { AssignmentDecision, IssueStatus, PlatinumTheme } from '@totonoe/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumAssignments,
  platinumCampaigns,
  platinumIssues,
  platinumResponseSignatures,
  platinumResponses,
} from '../../db/schema/index.ts';

const announcingUnits = alias(orgUnits, 'announcing_units');

/**
 * The responses (対応方針) published in a fiscal year's campaigns, with their issue and the bureau's
 * decision: what the public may read. Nothing about ideas, authors, supporters, scores or drafts.
 */
export async function listPublishedResponses(db: Executor, fiscalYear: number) {
  const rows = await db
    .select({
      issueId: platinumIssues.id,
      campaignTitle: platinumCampaigns.title,
      number: platinumIssues.number,
      theme: platinumIssues.theme,
      title: platinumIssues.title,
      status: platinumIssues.status,
      decision: platinumAssignments.decision,
      implementationPrecision: platinumAssignments.implementationPrecision,
      implementationStart: platinumAssignments.implementationStart,
      implementationEnd: platinumAssignments.implementationEnd,
      assignedOrgUnitName: orgUnits.name,
      announcingOrgUnitName: announcingUnits.name,
      body: platinumResponses.body,
      publishedAt: platinumResponses.publishedAt,
    })
    .from(platinumResponses)
    .innerJoin(platinumIssues, eq(platinumIssues.id, platinumResponses.issueId))
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIssues.campaignId))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .leftJoin(announcingUnits, eq(announcingUnits.id, platinumResponses.announcedByOrgUnitId))
    .where(
      and(
        eq(platinumCampaigns.fiscalYear, fiscalYear),
        eq(platinumResponses.status, 'published'),
        inArray(platinumIssues.status, ['announced', 'implemented']),
      ),
    )
    .orderBy(asc(platinumCampaigns.createdAt), asc(platinumIssues.number));
  return rows as (Omit<(typeof rows)[number], 'theme' | 'status' | 'decision'> & {
    theme: PlatinumTheme;
    status: IssueStatus;
    decision: AssignmentDecision | null;
  })[];
}

/**
 * The bureaus that announced the listed responses together (連名公表), signed ones only, in one
 * statement: bureau names and days, never who signed.
 */
export type AnnouncingBureau = { name: string; signedAt: Date; isAssigned: boolean };

export async function listAnnouncingBureaus(
  db: Executor,
  responseIds: readonly string[],
): Promise<Map<string, AnnouncingBureau[]>> {
  const byResponse = new Map<string, AnnouncingBureau[]>();
  if (responseIds.length === 0) return byResponse;
  const rows = await db
    .select({
      responseId: platinumResponseSignatures.responseId,
      orgUnitId: platinumResponseSignatures.orgUnitId,
      name: orgUnits.name,
      signedAt: platinumResponseSignatures.signedAt,
      isAssigned: eq(platinumResponses.announcedByOrgUnitId, platinumResponseSignatures.orgUnitId),
    })
    .from(platinumResponseSignatures)
    .innerJoin(orgUnits, eq(orgUnits.id, platinumResponseSignatures.orgUnitId))
    .innerJoin(platinumResponses, eq(platinumResponses.issueId, platinumResponseSignatures.responseId))
    .where(inArray(platinumResponseSignatures.responseId, [...responseIds]))
    .orderBy(asc(orgUnits.code));
  for (const row of rows) {
    if (row.signedAt === null) continue;
    const list = byResponse.get(row.responseId) ?? [];
    list.push({ name: row.name, signedAt: row.signedAt, isAssigned: Boolean(row.isAssigned) });
    byResponse.set(row.responseId, list);
  }
  for (const list of byResponse.values()) list.sort((a, b) => Number(b.isAssigned) - Number(a.isAssigned));
  return byResponse;
}
