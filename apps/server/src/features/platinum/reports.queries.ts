import type { IdeaStatus, IssueStatus, PlatinumTheme } from '@totonoe/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumAssignments,
  platinumIdeas,
  platinumIssues,
  platinumSupports,
} from '../../db/schema/index.ts';

/** Idea counts of a campaign by theme, idea status, issue status and assigned org unit: the funnel's raw material. */
export async function countIdeasByStage(db: Executor, campaignId: string) {
  const rows = await db
    .select({
      theme: platinumIdeas.theme,
      status: platinumIdeas.status,
      issueStatus: platinumIssues.status,
      assignedOrgUnitId: platinumAssignments.orgUnitId,
      total: sql<number>`count(*)::int`,
    })
    .from(platinumIdeas)
    .leftJoin(platinumIssues, eq(platinumIssues.id, platinumIdeas.issueId))
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .where(eq(platinumIdeas.campaignId, campaignId))
    .groupBy(platinumIdeas.theme, platinumIdeas.status, platinumIssues.status, platinumAssignments.orgUnitId);
  return rows as {
    theme: PlatinumTheme;
    status: IdeaStatus;
    issueStatus: IssueStatus | null;
    assignedOrgUnitId: string | null;
    total: number;
  }[];
}

const DAY_SECONDS = 86400;

/** Average days spent in each step of a campaign, with how many passed through it. */
export async function averageStepDays(db: Executor, campaignId: string) {
  const result = await db.execute<{
    step: string;
    average_days: string | null;
    passed: number;
  }>(sql`
    select 'submitted_to_grouped' as step,
           avg(extract(epoch from (i.grouped_at - i.created_at)) / ${DAY_SECONDS})::text as average_days,
           count(i.grouped_at)::int as passed
      from ${platinumIdeas} i where i.campaign_id = ${campaignId} and i.status = 'grouped' and i.grouped_at is not null
    union all
    select 'grouped_to_sent_on', avg(extract(epoch from (s.sent_on_at - s.created_at)) / ${DAY_SECONDS})::text, count(s.sent_on_at)::int
      from ${platinumIssues} s where s.campaign_id = ${campaignId} and s.sent_on_at is not null
    union all
    select 'sent_on_to_decided', avg(extract(epoch from (s.decided_at - s.sent_on_at)) / ${DAY_SECONDS})::text, count(s.decided_at)::int
      from ${platinumIssues} s where s.campaign_id = ${campaignId} and s.decided_at is not null and s.sent_on_at is not null
    union all
    select 'decided_to_announced', avg(extract(epoch from (s.announced_at - s.decided_at)) / ${DAY_SECONDS})::text, count(s.announced_at)::int
      from ${platinumIssues} s where s.campaign_id = ${campaignId} and s.announced_at is not null and s.decided_at is not null
    union all
    select 'announced_to_implemented', avg(extract(epoch from (s.implemented_at - s.announced_at)) / ${DAY_SECONDS})::text, count(s.implemented_at)::int
      from ${platinumIssues} s where s.campaign_id = ${campaignId} and s.implemented_at is not null and s.announced_at is not null`);
  return result.rows.map((row) => ({
    step: row.step,
    averageDays: row.average_days === null ? null : Math.round(Number(row.average_days) * 10) / 10,
    passed: Number(row.passed),
  }));
}

/** Issues still with a bureau after their due date. */
export async function listOverdueAssignments(db: Executor, campaignId: string, today: string) {
  return db
    .select({
      issueId: platinumIssues.id,
      number: platinumIssues.number,
      title: platinumIssues.title,
      orgUnitId: platinumAssignments.orgUnitId,
      orgUnitName: orgUnits.name,
      dueOn: platinumAssignments.dueOn,
    })
    .from(platinumIssues)
    .innerJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .innerJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .where(
      and(
        eq(platinumIssues.campaignId, campaignId),
        eq(platinumIssues.status, 'sent_on'),
        sql`${platinumAssignments.dueOn} < ${today}`,
      ),
    )
    .orderBy(asc(platinumAssignments.dueOn), asc(platinumIssues.number));
}

/** Campaign-wide participation: live ideas, distinct supporters, and the org units the submitters belonged to. */
export async function participationOf(db: Executor, campaignId: string) {
  const live = and(
    eq(platinumIdeas.campaignId, campaignId),
    inArray(platinumIdeas.status, ['submitted', 'grouped', 'merged']),
  );
  const [ideas, supporters, units] = await Promise.all([
    db.select({ total: sql<number>`count(*)::int` }).from(platinumIdeas).where(live),
    db
      .select({ total: sql<number>`count(distinct ${platinumSupports.userId})::int` })
      .from(platinumSupports)
      .innerJoin(platinumIdeas, eq(platinumIdeas.id, platinumSupports.ideaId))
      .where(live),
    db.selectDistinct({ orgUnitId: platinumIdeas.authorOrgUnitId }).from(platinumIdeas).where(live),
  ]);
  return {
    ideaCount: ideas[0]?.total ?? 0,
    supporterCount: supporters[0]?.total ?? 0,
    submitterOrgUnitIds: units.map((row) => row.orgUnitId).filter((id): id is string => id !== null),
  };
}

/** The live ideas of a campaign's issues (no authors), for the board. */
export async function listIdeasOfIssues(db: Executor, issueIds: string[]) {
  if (issueIds.length === 0) return [];
  return db
    .select({
      id: platinumIdeas.id,
      issueId: platinumIdeas.issueId,
      number: platinumIdeas.number,
      title: platinumIdeas.title,
      theme: platinumIdeas.theme,
      supportCount: platinumIdeas.supportCount,
    })
    .from(platinumIdeas)
    .where(and(inArray(platinumIdeas.issueId, issueIds), eq(platinumIdeas.status, 'grouped')))
    .orderBy(asc(platinumIdeas.number));
}
