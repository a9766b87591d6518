import {
  type CampaignPhases,
  FUNNEL_STAGES,
  type FunnelStage,
  type IssueStatus,
  type PlatinumTheme,
} from '@totonoe/domain';
import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumAssignments,
  platinumCampaigns,
  platinumIdeas,
  platinumIssues,
  platinumResponses,
} from '../../db/schema/index.ts';
import { topLevelUnitOf } from './campaigns.queries.ts';
import { averageStepDays, countIdeasByStage, listOverdueAssignments } from './reports.queries.ts';

/*
 * Read-only views of a fiscal year's Platinum campaigns for the progress dashboard, the progress
 * report, the schedule and the public portal. No function here reads an idea's author or the
 * author's org unit: what leaves this file can never say who proposed what.
 */

/** The campaigns of a fiscal year with their themes and phases, oldest first. */
export function listCampaignsOfYear(db: Executor, fiscalYear: number) {
  return db
    .select({
      id: platinumCampaigns.id,
      title: platinumCampaigns.title,
      themes: platinumCampaigns.themes,
      phases: platinumCampaigns.phases,
    })
    .from(platinumCampaigns)
    .where(eq(platinumCampaigns.fiscalYear, fiscalYear))
    .orderBy(asc(platinumCampaigns.createdAt))
    .then((rows) => rows.map((row) => ({ ...row, phases: row.phases as CampaignPhases })));
}

/** The top-level unit (the root of its branch) of every unit, from units the caller already holds. */
function topLevelOfUnits(units: readonly { id: string; name: string; parentId: string | null }[]) {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const result = new Map<string, { id: string; name: string }>();
  for (const unit of units) {
    let top = unit;
    for (let depth = 0; depth < 20 && top.parentId && byId.has(top.parentId); depth++)
      top = byId.get(top.parentId)!;
    result.set(unit.id, { id: top.id, name: top.name });
  }
  return result;
}

/**
 * The raw material of a year's funnel: idea counts by campaign, theme, idea status, issue status
 * and the top-level bureau the issue was assigned to; how long each step took; assignments past due.
 * `orgUnits`: every org unit, when the caller has read them already (saves reading them again).
 */
export async function loadPlatinumProgress(
  db: Executor,
  options: {
    fiscalYear: number;
    today: string;
    orgUnits?: readonly { id: string; name: string; parentId: string | null }[];
  },
) {
  const [campaigns, topLevel] = await Promise.all([
    listCampaignsOfYear(db, options.fiscalYear),
    options.orgUnits ? topLevelOfUnits(options.orgUnits) : topLevelUnitOf(db),
  ]);
  const counts = [];
  const steps = [];
  const overdue = [];
  // One campaign after another: a year has one or two, and each query is grouped already.
  for (const campaign of campaigns) {
    for (const row of await countIdeasByStage(db, campaign.id))
      counts.push({
        ...row,
        campaignId: campaign.id,
        bureau: row.assignedOrgUnitId ? (topLevel.get(row.assignedOrgUnitId) ?? null) : null,
      });
    steps.push(...(await averageStepDays(db, campaign.id)));
    overdue.push(...(await listOverdueAssignments(db, campaign.id, options.today)));
  }
  return { campaigns, counts, steps, overdue };
}

export type PlatinumProgress = Awaited<ReturnType<typeof loadPlatinumProgress>>;

/** The issue statuses at or beyond a funnel stage (for ideas grouped into an issue). */
function issueStatusesReaching(stage: FunnelStage): IssueStatus[] {
  const index = FUNNEL_STAGES.indexOf(stage);
  const statuses: IssueStatus[] = [
    'open',
    'on_hold',
    'declined',
    'sent_on',
    'decided',
    'announced',
    'implemented',
  ];
  // grouped covers every issue; later stages are named by the issue status of the same name.
  return index <= FUNNEL_STAGES.indexOf('grouped')
    ? statuses
    : statuses.filter((status) => FUNNEL_STAGES.indexOf(status as FunnelStage) >= index);
}

/**
 * The ideas of a year's campaigns that reached a funnel stage (optionally of one theme, or assigned
 * to some org units), without their authors; at most `limit`, in campaign and number order.
 */
export async function listIdeasReachingStage(
  db: Executor,
  options: {
    fiscalYear: number;
    stage: FunnelStage;
    theme?: PlatinumTheme;
    assignedOrgUnitIds?: string[];
    limit: number;
  },
) {
  if (options.assignedOrgUnitIds && options.assignedOrgUnitIds.length === 0) return [];
  const conditions: SQL[] = [eq(platinumCampaigns.fiscalYear, options.fiscalYear)];
  if (options.stage === 'submitted') {
    conditions.push(inArray(platinumIdeas.status, ['submitted', 'grouped', 'merged']));
  } else {
    conditions.push(eq(platinumIdeas.status, 'grouped'));
    conditions.push(inArray(platinumIssues.status, issueStatusesReaching(options.stage)));
  }
  if (options.theme) conditions.push(eq(platinumIdeas.theme, options.theme));
  if (options.assignedOrgUnitIds)
    conditions.push(inArray(platinumAssignments.orgUnitId, options.assignedOrgUnitIds));
  return db
    .select({
      id: platinumIdeas.id,
      number: platinumIdeas.number,
      title: platinumIdeas.title,
      theme: platinumIdeas.theme,
      status: platinumIdeas.status,
      issueNumber: platinumIssues.number,
      issueTitle: platinumIssues.title,
      issueStatus: platinumIssues.status,
      assignedOrgUnitName: orgUnits.name,
    })
    .from(platinumIdeas)
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIdeas.campaignId))
    .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .where(and(...conditions))
    .orderBy(asc(platinumCampaigns.createdAt), asc(platinumIdeas.number))
    .limit(options.limit);
}

/**
 * The issues (課題) of a year's campaigns with their assignment and — only once published — the
 * response (対応方針); never who proposed the ideas behind them.
 */
export function listIssuesOfYear(db: Executor, fiscalYear: number) {
  return db
    .select({
      id: platinumIssues.id,
      number: platinumIssues.number,
      title: platinumIssues.title,
      theme: platinumIssues.theme,
      status: platinumIssues.status,
      assignedOrgUnitName: orgUnits.name,
      dueOn: platinumAssignments.dueOn,
      decision: platinumAssignments.decision,
      responseStatus: platinumResponses.status,
      responseBody: platinumResponses.body,
      responsePublishedAt: platinumResponses.publishedAt,
    })
    .from(platinumIssues)
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIssues.campaignId))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .leftJoin(platinumResponses, eq(platinumResponses.issueId, platinumIssues.id))
    .where(eq(platinumCampaigns.fiscalYear, fiscalYear))
    .orderBy(asc(platinumCampaigns.createdAt), asc(platinumIssues.number))
    .then((rows) =>
      rows.map(({ responseStatus, responseBody, responsePublishedAt, ...row }) => ({
        ...row,
        response:
          responseStatus === 'published' && responseBody !== null
            ? { body: responseBody, publishedAt: responsePublishedAt }
            : null,
      })),
    );
}

/**
 * The responses (対応方針) of a year announced to everyone: the issue is announced or implemented
 * and its response published. For the public portal; no author, no scores, no drafts.
 */
export function listPublishedResponsesOfYear(db: Executor, fiscalYear: number) {
  return db
    .select({
      number: platinumIssues.number,
      title: platinumIssues.title,
      theme: platinumIssues.theme,
      orgUnit: orgUnits.name,
      response: platinumResponses.body,
      publishedAt: platinumResponses.publishedAt,
    })
    .from(platinumIssues)
    .innerJoin(platinumCampaigns, eq(platinumCampaigns.id, platinumIssues.campaignId))
    .innerJoin(platinumResponses, eq(platinumResponses.issueId, platinumIssues.id))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .where(
      and(
        eq(platinumCampaigns.fiscalYear, fiscalYear),
        inArray(platinumIssues.status, ['announced', 'implemented']),
        eq(platinumResponses.status, 'published'),
        isNotNull(platinumResponses.publishedAt),
      ),
    )
    .orderBy(asc(platinumCampaigns.createdAt), asc(platinumIssues.number));
}
