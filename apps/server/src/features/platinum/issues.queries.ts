import type { IssueStatus, PlatinumTheme } from '@totonoe/domain';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumAssignments,
  platinumIdeas,
  platinumIssueScores,
  platinumIssues,
  platinumResponses,
  platinumSupports,
  platinumTeamMembers,
  userRoles,
  users,
} from '../../db/schema/index.ts';

export type IssueRow = typeof platinumIssues.$inferSelect;
export type AssignmentRow = typeof platinumAssignments.$inferSelect;
export type ResponseRow = typeof platinumResponses.$inferSelect;

export type IssueFilter = {
  campaignId?: string;
  theme?: PlatinumTheme;
  statuses?: IssueStatus[];
  /** Org units whose assignments to show (a bureau and the units under it are passed by the caller). */
  assignedOrgUnitIds?: string[];
};

function issueConditions(filter: IssueFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.campaignId) conditions.push(eq(platinumIssues.campaignId, filter.campaignId));
  if (filter.theme) conditions.push(eq(platinumIssues.theme, filter.theme));
  if (filter.statuses?.length) conditions.push(inArray(platinumIssues.status, filter.statuses));
  if (filter.assignedOrgUnitIds) {
    conditions.push(
      filter.assignedOrgUnitIds.length
        ? inArray(platinumAssignments.orgUnitId, filter.assignedOrgUnitIds)
        : sql`false`,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Issues with their assignment, response and counts (ideas, distinct supporters), by number. */
export async function listIssues(db: Executor, filter: IssueFilter) {
  return db
    .select({
      issue: platinumIssues,
      assignment: platinumAssignments,
      assignedOrgUnitName: orgUnits.name,
      response: platinumResponses,
      ideaCount: sql<number>`(select count(*)::int from ${platinumIdeas} where ${platinumIdeas.issueId} = ${platinumIssues.id} and ${platinumIdeas.status} = 'grouped')`,
      supporterCount: sql<number>`(select count(distinct s.user_id)::int from ${platinumSupports} s join ${platinumIdeas} i on i.id = s.idea_id where i.issue_id = ${platinumIssues.id} and i.status = 'grouped')`,
      scoreCount: sql<number>`(select count(*)::int from ${platinumIssueScores} sc join ${platinumTeamMembers} tm on tm.user_id = sc.reviewer_id and tm.campaign_id = ${platinumIssues.campaignId} where sc.issue_id = ${platinumIssues.id})`,
    })
    .from(platinumIssues)
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .leftJoin(platinumResponses, eq(platinumResponses.issueId, platinumIssues.id))
    .where(issueConditions(filter))
    .orderBy(asc(platinumIssues.number));
}

export type IssueListRow = Awaited<ReturnType<typeof listIssues>>[number];

/** One issue with its assignment and response, or null. */
export async function findIssueDetail(db: Executor, id: string): Promise<IssueListRow | null> {
  const rows = await db
    .select({
      issue: platinumIssues,
      assignment: platinumAssignments,
      assignedOrgUnitName: orgUnits.name,
      response: platinumResponses,
      ideaCount: sql<number>`(select count(*)::int from ${platinumIdeas} where ${platinumIdeas.issueId} = ${platinumIssues.id} and ${platinumIdeas.status} = 'grouped')`,
      supporterCount: sql<number>`(select count(distinct s.user_id)::int from ${platinumSupports} s join ${platinumIdeas} i on i.id = s.idea_id where i.issue_id = ${platinumIssues.id} and i.status = 'grouped')`,
      scoreCount: sql<number>`(select count(*)::int from ${platinumIssueScores} sc join ${platinumTeamMembers} tm on tm.user_id = sc.reviewer_id and tm.campaign_id = ${platinumIssues.campaignId} where sc.issue_id = ${platinumIssues.id})`,
    })
    .from(platinumIssues)
    .leftJoin(platinumAssignments, eq(platinumAssignments.issueId, platinumIssues.id))
    .leftJoin(orgUnits, eq(orgUnits.id, platinumAssignments.orgUnitId))
    .leftJoin(platinumResponses, eq(platinumResponses.issueId, platinumIssues.id))
    .where(eq(platinumIssues.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** One issue row, or null. */
export async function findIssue(db: Executor, id: string): Promise<IssueRow | null> {
  const rows = await db.select().from(platinumIssues).where(eq(platinumIssues.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One issue row locked for update, or null. */
export async function lockIssue(db: Executor, id: string): Promise<IssueRow | null> {
  const rows = await db.select().from(platinumIssues).where(eq(platinumIssues.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Inserts an issue. */
export async function insertIssue(
  db: Executor,
  values: typeof platinumIssues.$inferInsert,
): Promise<IssueRow> {
  const rows = await db.insert(platinumIssues).values(values).returning();
  return rows[0]!;
}

/** Changes an issue and bumps its version. */
export async function updateIssueRow(
  db: Executor,
  issue: IssueRow,
  values: Partial<typeof platinumIssues.$inferInsert>,
): Promise<IssueRow> {
  const rows = await db
    .update(platinumIssues)
    .set({ ...values, version: issue.version + 1, updatedAt: new Date() })
    .where(eq(platinumIssues.id, issue.id))
    .returning();
  return rows[0]!;
}

/** Every score of an issue with the reviewer's name, and whether the reviewer is still on the PT. */
export async function listScores(db: Executor, issue: Pick<IssueRow, 'id' | 'campaignId'>) {
  return db
    .select({
      score: platinumIssueScores,
      reviewerName: users.displayName,
      isTeamMember: sql<boolean>`exists (select 1 from ${platinumTeamMembers} where ${platinumTeamMembers.campaignId} = ${issue.campaignId} and ${platinumTeamMembers.userId} = ${platinumIssueScores.reviewerId})`,
    })
    .from(platinumIssueScores)
    .innerJoin(users, eq(users.id, platinumIssueScores.reviewerId))
    .where(eq(platinumIssueScores.issueId, issue.id))
    .orderBy(asc(platinumIssueScores.createdAt));
}

/** How many people sit on a campaign's PT. */
export async function teamSize(db: Executor, campaignId: string): Promise<number> {
  const rows = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(platinumTeamMembers)
    .where(eq(platinumTeamMembers.campaignId, campaignId));
  return rows[0]?.total ?? 0;
}

/** Records or replaces a reviewer's score; returns the score and whether it was new. */
export async function upsertScore(
  db: Executor,
  values: {
    issueId: string;
    reviewerId: string;
    impact: number;
    feasibility: number;
    breadth: number;
    comment: string;
  },
) {
  const existing = await db
    .select()
    .from(platinumIssueScores)
    .where(
      and(
        eq(platinumIssueScores.issueId, values.issueId),
        eq(platinumIssueScores.reviewerId, values.reviewerId),
      ),
    )
    .for('update')
    .limit(1);
  const rows = await db
    .insert(platinumIssueScores)
    .values(values)
    .onConflictDoUpdate({
      target: [platinumIssueScores.issueId, platinumIssueScores.reviewerId],
      set: {
        impact: values.impact,
        feasibility: values.feasibility,
        breadth: values.breadth,
        comment: values.comment,
        updatedAt: new Date(),
      },
    })
    .returning();
  return { score: rows[0]!, before: existing[0] ?? null };
}

/** The assignment of an issue locked for update, or null. */
export async function lockAssignment(db: Executor, issueId: string): Promise<AssignmentRow | null> {
  const rows = await db
    .select()
    .from(platinumAssignments)
    .where(eq(platinumAssignments.issueId, issueId))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** The assignment of an issue, or null. */
export async function findAssignment(db: Executor, issueId: string): Promise<AssignmentRow | null> {
  const rows = await db
    .select()
    .from(platinumAssignments)
    .where(eq(platinumAssignments.issueId, issueId))
    .limit(1);
  return rows[0] ?? null;
}

/** Sends an issue to a bureau: a new assignment, or the old undecided one pointed at the new bureau. */
export async function putAssignment(
  db: Executor,
  values: { issueId: string; orgUnitId: string; dueOn: string | null; assignedById: string | null },
): Promise<AssignmentRow> {
  const rows = await db
    .insert(platinumAssignments)
    .values(values)
    .onConflictDoUpdate({
      target: platinumAssignments.issueId,
      set: {
        orgUnitId: values.orgUnitId,
        dueOn: values.dueOn,
        assignedById: values.assignedById,
        assignedAt: new Date(),
        options: [],
        decision: null,
        decisionReason: null,
        implementationPrecision: null,
        implementationStart: null,
        implementationEnd: null,
        decidedById: null,
        decidedAt: null,
        version: sql`${platinumAssignments.version} + 1`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return rows[0]!;
}

/** Changes an assignment and bumps its version. */
export async function updateAssignmentRow(
  db: Executor,
  assignment: AssignmentRow,
  values: Partial<typeof platinumAssignments.$inferInsert>,
): Promise<AssignmentRow> {
  const rows = await db
    .update(platinumAssignments)
    .set({ ...values, version: assignment.version + 1, updatedAt: new Date() })
    .where(eq(platinumAssignments.issueId, assignment.issueId))
    .returning();
  return rows[0]!;
}

/** Removes an undecided assignment (the PT recalled the issue). */
export async function deleteAssignment(db: Executor, issueId: string) {
  await db.delete(platinumAssignments).where(eq(platinumAssignments.issueId, issueId));
}

/** Removes a response that was never published (the PT recalled the issue). */
export async function deleteResponse(db: Executor, issueId: string) {
  await db.delete(platinumResponses).where(eq(platinumResponses.issueId, issueId));
}

/** The response of an issue locked for update, or null. */
export async function lockResponse(db: Executor, issueId: string): Promise<ResponseRow | null> {
  const rows = await db
    .select()
    .from(platinumResponses)
    .where(eq(platinumResponses.issueId, issueId))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a response. */
export async function insertResponse(
  db: Executor,
  values: typeof platinumResponses.$inferInsert,
): Promise<ResponseRow> {
  const rows = await db.insert(platinumResponses).values(values).returning();
  return rows[0]!;
}

/** Changes a response and bumps its version. */
export async function updateResponseRow(
  db: Executor,
  response: ResponseRow,
  values: Partial<typeof platinumResponses.$inferInsert>,
): Promise<ResponseRow> {
  const rows = await db
    .update(platinumResponses)
    .set({ ...values, version: response.version + 1, updatedAt: new Date() })
    .where(eq(platinumResponses.issueId, response.issueId))
    .returning();
  return rows[0]!;
}

/**
 * Everyone to tell about an issue's outcome: the authors of its ideas and of the duplicates merged
 * into them, and everyone who supported any of those ideas.
 */
export async function outcomeRecipients(db: Executor, issueId: string): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    with issue_ideas as (
      select id, author_id from ${platinumIdeas} where issue_id = ${issueId} and status = 'grouped'
    ), all_ideas as (
      select id, author_id from issue_ideas
      union
      select m.id, m.author_id from ${platinumIdeas} m join issue_ideas i on m.merged_into_id = i.id where m.status = 'merged'
    )
    select author_id as user_id from all_ideas
    union
    select s.user_id from ${platinumSupports} s join all_ideas a on a.id = s.idea_id`);
  return result.rows.map((row) => row.user_id);
}

/** The authors of an issue's ideas and of the duplicates merged into them. */
export async function submittersOf(db: Executor, issueId: string): Promise<string[]> {
  const result = await db.execute<{ user_id: string }>(sql`
    with issue_ideas as (
      select id, author_id from ${platinumIdeas} where issue_id = ${issueId} and status = 'grouped'
    )
    select author_id as user_id from issue_ideas
    union
    select m.author_id from ${platinumIdeas} m join issue_ideas i on m.merged_into_id = i.id where m.status = 'merged'`);
  return result.rows.map((row) => row.user_id);
}

/** Active people who act for an org unit (or a unit above it) as department staff or bureau head. */
export async function bureauMembersFor(
  db: Executor,
  ancestry: readonly string[],
  roles: ('department_staff' | 'bureau_head')[],
) {
  if (ancestry.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.orgUnitId, [...ancestry]),
        inArray(userRoles.role, roles),
        eq(users.isActive, true),
      ),
    );
  return rows.map((row) => row.userId);
}

/** Active reform office members. */
export async function reformOfficeMembers(db: Executor) {
  const rows = await db
    .selectDistinct({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'reform_office'), eq(users.isActive, true)));
  return rows.map((row) => row.userId);
}
