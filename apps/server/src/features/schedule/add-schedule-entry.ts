import type { ScheduleLane, ScheduleSpan } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { insertEntry, lastSortOrder } from './schedule.queries.ts';
import { assertLink, assertSpan, type EntryLink } from './schedule-entry-rules.ts';

/** Adds an entry the reform office keeps by hand to a year's schedule. */
export async function addScheduleEntry(
  tx: Transaction,
  options: {
    fiscalYear: number;
    lane: ScheduleLane;
    label: string;
    span: ScheduleSpan;
    isSpanningYear: boolean;
    link: EntryLink | null;
    actor: Actor;
  },
) {
  assertSpan(options.span, options.fiscalYear);
  await assertLink(tx, options.lane, options.link);
  const row = await insertEntry(tx, {
    fiscalYear: options.fiscalYear,
    lane: options.lane,
    label: options.label,
    precision: options.span.precision,
    startDate: options.span.start,
    endDate: options.span.end,
    isSpanningYear: options.isSpanningYear,
    linkType: options.link?.type ?? null,
    linkId: options.link?.id ?? null,
    sortOrder: (await lastSortOrder(tx, options.fiscalYear, options.lane)) + 1,
    createdBy: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'schedule_entry.create',
    entityType: 'schedule_item',
    entityId: row.id,
    after: row,
  });
  return row;
}
