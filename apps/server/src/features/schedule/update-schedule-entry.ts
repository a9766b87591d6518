import type { ScheduleLane, ScheduleSpan } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { lockStoredEntry, updateEntry } from './schedule.queries.ts';
import { assertLink, assertSpan, type EntryLink } from './schedule-entry-rules.ts';

export type ScheduleEntryChanges = {
  lane?: ScheduleLane;
  label?: string;
  span?: ScheduleSpan;
  isSpanningYear?: boolean;
  link?: EntryLink | null;
};

/** Changes a hand-kept entry of the schedule (If-Match); meetings are changed on the meeting. */
export async function updateScheduleEntry(
  tx: Transaction,
  options: { entryId: string; expectedVersion: number; changes: ScheduleEntryChanges; actor: Actor },
) {
  const before = await lockStoredEntry(tx, options.entryId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const { changes } = options;
  const lane = changes.lane ?? before.lane;
  const span = changes.span ?? { precision: before.precision, start: before.startDate, end: before.endDate };
  const link =
    changes.link === undefined
      ? before.linkType && before.linkId
        ? ({ type: before.linkType, id: before.linkId } as EntryLink)
        : null
      : changes.link;
  if (changes.span) assertSpan(span, before.fiscalYear);
  if (changes.link !== undefined || changes.lane !== undefined) await assertLink(tx, lane, link);
  const after = await updateEntry(tx, before.id, before.version, {
    lane,
    label: changes.label ?? before.label,
    precision: span.precision,
    startDate: span.start,
    endDate: span.end,
    isSpanningYear: changes.isSpanningYear ?? before.isSpanningYear,
    linkType: link?.type ?? null,
    linkId: link?.id ?? null,
  });
  await recordAudit(tx, options.actor, {
    action: 'schedule_entry.update',
    entityType: 'schedule_item',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
