import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { analyses, clusters, meetings, scheduleItems } from '../../db/schema/index.ts';

export type ScheduleItemRow = typeof scheduleItems.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/**
 * Stored entries of a fiscal year, in lane and display order, without the entries that mirror an X
 * meeting (the meetings feature keeps those in step; the schedule draws meetings from their records).
 */
export function listStoredEntries(db: Executor, fiscalYear: number) {
  return db
    .select()
    .from(scheduleItems)
    .where(
      and(
        eq(scheduleItems.fiscalYear, fiscalYear),
        or(
          ne(scheduleItems.lane, 'x_meeting'),
          isNull(scheduleItems.linkType),
          ne(scheduleItems.linkType, 'meeting'),
        ),
      ),
    )
    .orderBy(asc(scheduleItems.lane), asc(scheduleItems.sortOrder), asc(scheduleItems.startDate));
}

/** The X meetings of a fiscal year in sequence order. */
export function listMeetingsOfYear(db: Executor, fiscalYear: number) {
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.sequence));
}

/** One stored entry that is not a meeting mirror, locked for update, or null. */
export async function lockStoredEntry(db: Executor, id: string): Promise<ScheduleItemRow | null> {
  const rows = await db.select().from(scheduleItems).where(eq(scheduleItems.id, id)).for('update').limit(1);
  const row = rows[0];
  if (!row || (row.lane === 'x_meeting' && row.linkType === 'meeting')) return null;
  return row;
}

/** Adds an entry. */
export async function insertEntry(
  db: Executor,
  values: typeof scheduleItems.$inferInsert,
): Promise<ScheduleItemRow> {
  const rows = await db.insert(scheduleItems).values(values).returning();
  return rows[0]!;
}

/** Changes an entry and bumps its version. */
export async function updateEntry(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof scheduleItems.$inferInsert>,
): Promise<ScheduleItemRow> {
  const rows = await db
    .update(scheduleItems)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(scheduleItems.id, id))
    .returning();
  return rows[0]!;
}

/** Removes an entry. */
export async function deleteEntry(db: Executor, id: string): Promise<void> {
  await db.delete(scheduleItems).where(eq(scheduleItems.id, id));
}

/** The last display position used in a lane of a year. */
export async function lastSortOrder(
  db: Executor,
  fiscalYear: number,
  lane: ScheduleItemRow['lane'],
): Promise<number> {
  const rows = await db
    .select({ sortOrder: scheduleItems.sortOrder })
    .from(scheduleItems)
    .where(and(eq(scheduleItems.fiscalYear, fiscalYear), eq(scheduleItems.lane, lane)))
    .orderBy(asc(scheduleItems.sortOrder));
  return rows.at(-1)?.sortOrder ?? 0;
}

/** True when the record an entry links to exists (meetings, analyses and clusters are linkable). */
export async function linkTargetExists(db: Executor, type: 'meeting' | 'analysis' | 'cluster', id: string) {
  const table = type === 'meeting' ? meetings : type === 'analysis' ? analyses : clusters;
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
  return rows.length > 0;
}
