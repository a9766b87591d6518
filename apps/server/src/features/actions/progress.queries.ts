import { type ActionStatus, actionDueState } from '@totonoe/domain';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { meetingActions, meetings, orgUnits } from '../../db/schema/index.ts';

/**
 * The instructions (指示事項) given at the X meetings of a fiscal year, optionally of some owning
 * units, each with its due state on a day (overdue once its due date has passed and it is not closed).
 */
export async function listActionsOfYear(
  db: Executor,
  options: { fiscalYear: number; ownerOrgUnitIds?: string[]; today: string },
) {
  if (options.ownerOrgUnitIds && options.ownerOrgUnitIds.length === 0) return [];
  const conditions: SQL[] = [eq(meetings.fiscalYear, options.fiscalYear)];
  if (options.ownerOrgUnitIds)
    conditions.push(inArray(meetingActions.ownerOrgUnitId, options.ownerOrgUnitIds));
  const rows = await db
    .select({
      id: meetingActions.id,
      meetingId: meetingActions.meetingId,
      meetingTitle: meetings.title,
      body: meetingActions.body,
      ownerOrgUnitName: orgUnits.name,
      dueDate: meetingActions.dueDate,
      status: meetingActions.status,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(orgUnits, eq(orgUnits.id, meetingActions.ownerOrgUnitId))
    .where(and(...conditions))
    .orderBy(asc(meetings.sequence), asc(meetingActions.dueDate), asc(meetingActions.createdAt));
  return rows.map((row) => ({
    ...row,
    status: row.status as ActionStatus,
    dueState: actionDueState(row.status, row.dueDate, options.today),
  }));
}
