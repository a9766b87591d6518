import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  notifications,
  platinumAssignments,
  platinumComments,
  platinumIdeas,
  platinumIssueScores,
  platinumIssues,
  platinumResponseSignatures,
  platinumResponses,
  platinumSupports,
  platinumTeamMembers,
  userRoles,
  users,
} from '../../db/schema/index.ts';

/** The demo password hash the foundation's sign-ins use, to give new demo users the same password. */
export async function demoPasswordHash(db: Executor): Promise<string | null> {
  const rows = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.login, 'reform'))
    .limit(1);
  return rows[0]?.passwordHash ?? null;
}

/** A demo user by login, created (with roles) when another loader has not made it already. */
export async function findOrCreateDemoUser(
  db: Executor,
  person: {
    login: string;
    displayName: string;
    displayNameKana: string;
    orgUnitId: string;
    roles: { role: 'staff' | 'pt_member' | 'bureau_head' | 'department_staff'; orgUnitId: string | null }[];
    passwordHash: string | null;
  },
): Promise<string> {
  const existing = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.login, person.login))
    .limit(1);
  if (existing[0]) return existing[0].id;
  const rows = await db
    .insert(users)
    .values({
      login: person.login,
      displayName: person.displayName,
      displayNameKana: person.displayNameKana,
      email: `${person.login}@demo.totonoe.invalid`,
      orgUnitId: person.orgUnitId,
      passwordHash: person.passwordHash,
      passwordChangedAt: new Date(),
    })
    .returning({ id: users.id });
  const userId = rows[0]!.id;
  await db.insert(userRoles).values(person.roles.map((grant) => ({ userId, ...grant })));
  return userId;
}

/** Puts a demo campaign's dates on the rows the use cases stamped with "now". */
export async function backdateIdea(db: Executor, ideaId: string, at: Date) {
  await db.update(platinumIdeas).set({ createdAt: at, updatedAt: at }).where(eq(platinumIdeas.id, ideaId));
  await db.update(platinumComments).set({ createdAt: at }).where(eq(platinumComments.ideaId, ideaId));
}

/** Spreads an idea's supports over the days after it was submitted. */
export async function backdateSupports(db: Executor, ideaId: string, from: Date) {
  await db.execute(sql`
    update ${platinumSupports} s set created_at = ${from.toISOString()}::timestamptz + (interval '9 hours' * ranked.n)
    from (select user_id, row_number() over (order by user_id) as n from ${platinumSupports} where idea_id = ${ideaId}) ranked
    where s.idea_id = ${ideaId} and s.user_id = ranked.user_id`);
}

/** Dates of an issue's steps. */
export async function backdateIssue(
  db: Executor,
  issueId: string,
  dates: {
    createdAt: Date;
    sentOnAt?: Date;
    decidedAt?: Date;
    announcedAt?: Date;
    implementedAt?: Date;
    statusChangedAt: Date;
  },
) {
  await db
    .update(platinumIssues)
    .set({
      createdAt: dates.createdAt,
      updatedAt: dates.statusChangedAt,
      statusChangedAt: dates.statusChangedAt,
      sentOnAt: dates.sentOnAt ?? null,
      decidedAt: dates.decidedAt ?? null,
      announcedAt: dates.announcedAt ?? null,
      implementedAt: dates.implementedAt ?? null,
    })
    .where(eq(platinumIssues.id, issueId));
  await db
    .update(platinumIdeas)
    .set({ groupedAt: dates.createdAt })
    .where(and(eq(platinumIdeas.issueId, issueId), eq(platinumIdeas.status, 'grouped')));
  await db
    .update(platinumIssueScores)
    .set({ createdAt: dates.createdAt, updatedAt: dates.createdAt })
    .where(eq(platinumIssueScores.issueId, issueId));
  if (dates.sentOnAt) {
    await db
      .update(platinumAssignments)
      .set({
        assignedAt: dates.sentOnAt,
        decidedAt: dates.decidedAt ?? null,
        updatedAt: dates.statusChangedAt,
      })
      .where(eq(platinumAssignments.issueId, issueId));
  }
  if (dates.decidedAt) {
    await db
      .update(platinumResponses)
      .set({
        submittedAt: dates.decidedAt,
        publishedAt: dates.announcedAt ?? null,
        updatedAt: dates.statusChangedAt,
      })
      .where(eq(platinumResponses.issueId, issueId));
    await db
      .update(platinumResponseSignatures)
      .set({ signedAt: dates.decidedAt })
      .where(
        and(
          eq(platinumResponseSignatures.responseId, issueId),
          isNotNull(platinumResponseSignatures.signedAt),
        ),
      );
  }
  await db
    .update(notifications)
    .set({ createdAt: dates.statusChangedAt })
    .where(eq(notifications.link, `/platinum/issues/${issueId}`));
}

/** The day a related bureau's head agreed to announce a demo response together (連名公表). */
export async function backdateSignature(db: Executor, issueId: string, orgUnitId: string, at: Date) {
  await db
    .update(platinumResponseSignatures)
    .set({ signedAt: at })
    .where(
      and(
        eq(platinumResponseSignatures.responseId, issueId),
        eq(platinumResponseSignatures.orgUnitId, orgUnitId),
      ),
    );
}

/** The PT's join date. */
export async function backdateTeam(db: Executor, campaignId: string, at: Date) {
  await db
    .update(platinumTeamMembers)
    .set({ addedAt: at })
    .where(eq(platinumTeamMembers.campaignId, campaignId));
  await db
    .update(notifications)
    .set({ createdAt: at })
    .where(
      and(
        eq(notifications.kind, 'platinum.team_joined'),
        eq(notifications.link, `/platinum/campaigns/${campaignId}/triage`),
      ),
    );
}

/** Marks older demo notifications as read, so the inbox shows only the latest as new. */
export async function markDemoNotificationsRead(db: Executor, userIds: string[], before: Date) {
  if (userIds.length === 0) return;
  await db
    .update(notifications)
    .set({ readAt: before })
    .where(
      and(
        inArray(notifications.recipientId, userIds),
        sql`${notifications.createdAt} < ${before.toISOString()}::timestamptz`,
      ),
    );
}
