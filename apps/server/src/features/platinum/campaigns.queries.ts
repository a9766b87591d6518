import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  orgUnits,
  platinumCampaigns,
  platinumIdeas,
  platinumTeamMembers,
  userRoles,
  users,
} from '../../db/schema/index.ts';

export type CampaignRow = typeof platinumCampaigns.$inferSelect;
export type CampaignValues = Pick<CampaignRow, 'fiscalYear' | 'title' | 'description' | 'themes' | 'phases'>;

/** Campaigns, newest fiscal year first, with how many ideas are live in each. */
export async function listCampaigns(db: Executor, filter: { fiscalYear?: number; id?: string } = {}) {
  return db
    .select({
      campaign: platinumCampaigns,
      // Written out with aliases: in a query on one table Drizzle leaves column names unqualified,
      // and "id" inside the subquery would be the idea's own.
      ideaCount: sql<number>`(select count(*)::int from ${platinumIdeas} counted where counted.campaign_id = ${platinumCampaigns}.id and counted.status in ('submitted', 'grouped', 'merged'))`,
    })
    .from(platinumCampaigns)
    .where(
      and(
        filter.fiscalYear === undefined ? undefined : eq(platinumCampaigns.fiscalYear, filter.fiscalYear),
        filter.id === undefined ? undefined : eq(platinumCampaigns.id, filter.id),
      ),
    )
    .orderBy(desc(platinumCampaigns.fiscalYear), desc(platinumCampaigns.createdAt));
}

/** One campaign, or null. */
export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | null> {
  const rows = await db.select().from(platinumCampaigns).where(eq(platinumCampaigns.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One campaign locked for update, or null. */
export async function lockCampaign(db: Executor, id: string): Promise<CampaignRow | null> {
  const rows = await db
    .select()
    .from(platinumCampaigns)
    .where(eq(platinumCampaigns.id, id))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a campaign. */
export async function insertCampaign(db: Executor, values: CampaignValues): Promise<CampaignRow> {
  const rows = await db.insert(platinumCampaigns).values(values).returning();
  return rows[0]!;
}

/** Changes a campaign and bumps its version. */
export async function updateCampaignRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<CampaignValues>,
) {
  const rows = await db
    .update(platinumCampaigns)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(platinumCampaigns.id, id))
    .returning();
  return rows[0]!;
}

/** The themes a campaign's ideas use (any status), so a theme with ideas is never taken off the campaign. */
export async function themesInUse(db: Executor, campaignId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ theme: platinumIdeas.theme })
    .from(platinumIdeas)
    .where(eq(platinumIdeas.campaignId, campaignId));
  return rows.map((row) => row.theme);
}

/** Hands out the next idea number of a campaign (the update locks the row, so numbers never repeat). */
export async function allocateIdeaNumber(db: Executor, campaignId: string): Promise<number> {
  const rows = await db
    .update(platinumCampaigns)
    .set({ nextIdeaNumber: sql`${platinumCampaigns.nextIdeaNumber} + 1` })
    .where(eq(platinumCampaigns.id, campaignId))
    .returning({ next: platinumCampaigns.nextIdeaNumber });
  return rows[0]!.next - 1;
}

/** Hands out the next issue number of a campaign. */
export async function allocateIssueNumber(db: Executor, campaignId: string): Promise<number> {
  const rows = await db
    .update(platinumCampaigns)
    .set({ nextIssueNumber: sql`${platinumCampaigns.nextIssueNumber} + 1` })
    .where(eq(platinumCampaigns.id, campaignId))
    .returning({ next: platinumCampaigns.nextIssueNumber });
  return rows[0]!.next - 1;
}

/** The PT of a campaign with names and org units. */
export async function listTeam(db: Executor, campaignId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      orgUnitName: orgUnits.name,
      addedAt: platinumTeamMembers.addedAt,
    })
    .from(platinumTeamMembers)
    .innerJoin(users, eq(users.id, platinumTeamMembers.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(platinumTeamMembers.campaignId, campaignId))
    .orderBy(asc(users.displayNameKana), asc(users.login));
}

/** The campaigns whose PT a person sits on. */
export async function teamCampaignIdsOf(db: Executor, userId: string): Promise<Set<string>> {
  const rows = await db
    .select({ campaignId: platinumTeamMembers.campaignId })
    .from(platinumTeamMembers)
    .where(eq(platinumTeamMembers.userId, userId));
  return new Set(rows.map((row) => row.campaignId));
}

/** Adds a PT member; false when already one. */
export async function insertTeamMember(db: Executor, campaignId: string, userId: string): Promise<boolean> {
  const rows = await db
    .insert(platinumTeamMembers)
    .values({ campaignId, userId })
    .onConflictDoNothing()
    .returning({ userId: platinumTeamMembers.userId });
  return rows.length > 0;
}

/** Removes a PT member; false when not one. */
export async function deleteTeamMember(db: Executor, campaignId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(platinumTeamMembers)
    .where(and(eq(platinumTeamMembers.campaignId, campaignId), eq(platinumTeamMembers.userId, userId)))
    .returning({ userId: platinumTeamMembers.userId });
  return rows.length > 0;
}

/** An active member of staff who can sit on a PT, or null. */
export async function findActiveStaffMember(db: Executor, userId: string) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.isActive, true),
        inArray(
          users.id,
          db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'staff')),
        ),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Active members of staff whose name, kana or login contains the text (for choosing PT members). */
export async function searchStaff(db: Executor, text: string, limit: number) {
  const pattern = `%${escapeLike(text)}%`;
  return db
    .select({ id: users.id, displayName: users.displayName, orgUnitName: orgUnits.name })
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(users.isActive, true),
        inArray(
          users.id,
          db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'staff')),
        ),
        or(
          ilike(users.displayName, pattern),
          ilike(users.displayNameKana, pattern),
          ilike(users.login, pattern),
        ),
      ),
    )
    .orderBy(asc(users.displayNameKana), asc(users.login))
    .limit(limit);
}

/** An org unit and every unit above it, the unit itself first (for "acts for this bureau" checks). */
export async function orgUnitAncestry(db: Executor, orgUnitId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive ancestry(id, parent_id, depth) as (
      select ${orgUnits.id}, ${orgUnits.parentId}, 0 from ${orgUnits} where ${orgUnits.id} = ${orgUnitId}
      union all
      select o.id, o.parent_id, a.depth + 1 from org_units o join ancestry a on o.id = a.parent_id where a.depth < 20
    )
    select id from ancestry order by depth`);
  return result.rows.map((row) => row.id);
}

/** The top-level unit (局・区・室) of each org unit, for counting bureaus. */
export async function topLevelUnitOf(db: Executor): Promise<Map<string, { id: string; name: string }>> {
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
    .from(orgUnits);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const result = new Map<string, { id: string; name: string }>();
  for (const row of rows) {
    let top = row;
    for (let depth = 0; depth < 20 && top.parentId && byId.has(top.parentId); depth++)
      top = byId.get(top.parentId)!;
    result.set(row.id, { id: top.id, name: top.name });
  }
  return result;
}

/** An org unit's id and name, or null. */
export async function findOrgUnitName(db: Executor, id: string) {
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The org units and every unit below them. */
export async function orgUnitDescendants(db: Executor, orgUnitIds: readonly string[]): Promise<string[]> {
  if (orgUnitIds.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    with recursive tree(id, depth) as (
      select ${orgUnits.id}, 0 from ${orgUnits} where ${inArray(orgUnits.id, [...orgUnitIds])}
      union all
      select o.id, t.depth + 1 from org_units o join tree t on o.parent_id = t.id where t.depth < 20
    )
    select distinct id from tree`);
  return result.rows.map((row) => row.id);
}
