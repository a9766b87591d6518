import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { deleteEffectRow, lockEffect } from './effects.queries.ts';

/** Removes a ledger line booked in error; the audit trail keeps what it was. */
export async function deleteEffect(
  tx: Transaction,
  options: { id: string; expectedVersion: number; actor: Actor },
) {
  const before = await lockEffect(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  await deleteEffectRow(tx, before.id);
  await recordAudit(tx, options.actor, {
    action: 'effect.delete',
    entityType: 'effect',
    entityId: before.id,
    before,
  });
}
