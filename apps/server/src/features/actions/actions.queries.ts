import type { ActionStatus } from '@totonoe/domain';
import { and, asc, count, desc, eq, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  agendaItems,
  meetingActions,
  meetingActionUpdates,
  meetings,
  orgUnits,
  users,
} from '../../db/schema/index.ts';

/** The org unit and every unit above it (itself first); empty when it does not exist. */
export async function orgUnitAncestry(db: Executor, orgUnitId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive chain(id, parent_id, depth) as (
      select ${orgUnits.id}, ${orgUnits.parentId}, 0 from ${orgUnits} where ${orgUnits.id} = ${orgUnitId}
      union all
      select o.id, o.parent_id, chain.depth + 1 from ${orgUnits} o join chain on o.id = chain.parent_id
      where chain.depth < 20
    )
    select id from chain order by depth`);
  return result.rows.map((row) => row.id);
}

/** The given org units and every unit below them. */
export async function orgUnitSubtree(db: Executor, rootIds: string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const result = await db.execute<{ id: string }>(sql`
    with recursive tree(id, depth) as (
      select ${orgUnits.id}, 0 from ${orgUnits} where ${inArray(orgUnits.id, rootIds)}
      union
      select o.id, tree.depth + 1 from ${orgUnits} o join tree on o.parent_id = tree.id where tree.depth < 20
    )
    select distinct id from tree`);
  return result.rows.map((row) => row.id);
}

const closedAtMeetings = alias(meetings, 'closed_at_meetings');

const actionColumns = {
  id: meetingActions.id,
  meetingId: meetingActions.meetingId,
  meetingTitle: meetings.title,
  meetingSequence: meetings.sequence,
  fiscalYear: meetings.fiscalYear,
  agendaItemId: meetingActions.agendaItemId,
  agendaItemTitle: agendaItems.title,
  body: meetingActions.body,
  ownerOrgUnitId: meetingActions.ownerOrgUnitId,
  ownerOrgUnitName: orgUnits.name,
  dueDate: meetingActions.dueDate,
  status: meetingActions.status,
  closedAtMeetingId: meetingActions.closedAtMeetingId,
  closedAtMeetingTitle: closedAtMeetings.title,
  closedAt: meetingActions.closedAt,
  version: meetingActions.version,
  createdAt: meetingActions.createdAt,
  updatedAt: meetingActions.updatedAt,
};

function selectActions(db: Executor) {
  return db
    .select(actionColumns)
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(agendaItems, eq(agendaItems.id, meetingActions.agendaItemId))
    .innerJoin(orgUnits, eq(orgUnits.id, meetingActions.ownerOrgUnitId))
    .leftJoin(closedAtMeetings, eq(closedAtMeetings.id, meetingActions.closedAtMeetingId));
}

export type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

export type ActionFilter = {
  ownerOrgUnitIds?: string[];
  statuses?: ActionStatus[];
  isOverdue?: boolean;
  today: string;
  meetingId?: string;
  fiscalYear?: number;
};

function filterConditions(filter: ActionFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.ownerOrgUnitIds) conditions.push(inArray(meetingActions.ownerOrgUnitId, filter.ownerOrgUnitIds));
  if (filter.statuses?.length) conditions.push(inArray(meetingActions.status, filter.statuses));
  if (filter.isOverdue === true) {
    conditions.push(and(ne(meetingActions.status, 'closed'), lt(meetingActions.dueDate, filter.today))!);
  }
  if (filter.isOverdue === false) {
    conditions.push(
      or(eq(meetingActions.status, 'closed'), sql`${meetingActions.dueDate} >= ${filter.today}`)!,
    );
  }
  if (filter.meetingId) conditions.push(eq(meetingActions.meetingId, filter.meetingId));
  if (filter.fiscalYear !== undefined) conditions.push(eq(meetings.fiscalYear, filter.fiscalYear));
  return conditions.length ? and(...conditions) : undefined;
}

/** A page of actions, soonest due first (closed ones last). */
export async function listActions(db: Executor, filter: ActionFilter, page: number, pageSize: number) {
  if (filter.ownerOrgUnitIds && filter.ownerOrgUnitIds.length === 0) return { items: [], total: 0 };
  const where = filterConditions(filter);
  const [items, totals] = await Promise.all([
    selectActions(db)
      .where(where)
      .orderBy(
        sql`case when ${meetingActions.status} = 'closed' then 1 else 0 end`,
        asc(meetingActions.dueDate),
        asc(meetings.fiscalYear),
        asc(meetings.sequence),
        asc(meetingActions.createdAt),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: count() })
      .from(meetingActions)
      .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
      .where(where),
  ]);
  return { items, total: Number(totals[0]?.total ?? 0) };
}

/** One action with its meeting, item and owner names, or null. */
export async function findAction(db: Executor, id: string) {
  const rows = await selectActions(db).where(eq(meetingActions.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The action row, locked for update. */
export async function lockAction(db: Executor, id: string) {
  const rows = await db.select().from(meetingActions).where(eq(meetingActions.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Every action given at one meeting, in the order they were recorded. */
export function listActionsOfMeeting(db: Executor, meetingId: string) {
  return selectActions(db)
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(asc(meetingActions.createdAt));
}

/** Actions not yet closed that were given at meetings before the one at (fiscalYear, sequence). */
export function listOpenActionsBefore(db: Executor, meeting: { fiscalYear: number; sequence: number }) {
  return selectActions(db)
    .where(
      and(
        ne(meetingActions.status, 'closed'),
        or(
          lt(meetings.fiscalYear, meeting.fiscalYear),
          and(eq(meetings.fiscalYear, meeting.fiscalYear), lt(meetings.sequence, meeting.sequence)),
        ),
      ),
    )
    .orderBy(
      asc(orgUnits.sortOrder),
      asc(meetings.fiscalYear),
      asc(meetings.sequence),
      asc(meetingActions.createdAt),
    );
}

/** The progress notes of an action, newest first. */
export function listActionUpdates(db: Executor, actionId: string) {
  const reviewedAt = alias(meetings, 'reviewed_at_meetings');
  return db
    .select({
      id: meetingActionUpdates.id,
      body: meetingActionUpdates.body,
      fromStatus: meetingActionUpdates.fromStatus,
      toStatus: meetingActionUpdates.toStatus,
      reviewedAtMeetingId: meetingActionUpdates.reviewedAtMeetingId,
      reviewedAtMeetingTitle: reviewedAt.title,
      authorName: users.displayName,
      createdAt: meetingActionUpdates.createdAt,
    })
    .from(meetingActionUpdates)
    .leftJoin(users, eq(users.id, meetingActionUpdates.authorId))
    .leftJoin(reviewedAt, eq(reviewedAt.id, meetingActionUpdates.reviewedAtMeetingId))
    .where(eq(meetingActionUpdates.actionId, actionId))
    .orderBy(desc(meetingActionUpdates.createdAt), desc(meetingActionUpdates.id));
}

/** The agenda item of a meeting, with the meeting's fiscal year, or null when it is not on that meeting. */
export async function findAgendaItemOfMeeting(db: Executor, meetingId: string, agendaItemId: string) {
  const rows = await db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, fiscalYear: meetings.fiscalYear })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  return rows[0] ?? null;
}

/** A meeting's identity and place in the series, or null. */
export async function findMeetingForAction(db: Executor, meetingId: string) {
  const rows = await db
    .select({ id: meetings.id, fiscalYear: meetings.fiscalYear, sequence: meetings.sequence })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .limit(1);
  return rows[0] ?? null;
}

/** True when the org unit exists. */
export async function orgUnitExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows.length > 0;
}

/** Inserts an action and returns its id. */
export async function insertAction(
  db: Executor,
  values: typeof meetingActions.$inferInsert,
): Promise<string> {
  const rows = await db.insert(meetingActions).values(values).returning({ id: meetingActions.id });
  return rows[0]!.id;
}

/** Changes an action and bumps its version. */
export async function updateActionRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof meetingActions.$inferInsert>,
) {
  await db
    .update(meetingActions)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(meetingActions.id, id));
}

/** Adds a progress note. */
export async function insertActionUpdate(db: Executor, values: typeof meetingActionUpdates.$inferInsert) {
  await db.insert(meetingActionUpdates).values(values);
}
