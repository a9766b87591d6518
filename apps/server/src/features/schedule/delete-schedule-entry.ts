import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { deleteEntry, lockStoredEntry } from './schedule.queries.ts';

/** Removes a hand-kept entry from the schedule (If-Match). */
export async function deleteScheduleEntry(
  tx: Transaction,
  options: { entryId: string; expectedVersion: number; actor: Actor },
) {
  const before = await lockStoredEntry(tx, options.entryId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  await deleteEntry(tx, before.id);
  await recordAudit(tx, options.actor, {
    action: 'schedule_entry.delete',
    entityType: 'schedule_item',
    entityId: before.id,
    before,
  });
}
