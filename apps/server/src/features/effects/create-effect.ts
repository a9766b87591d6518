import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { type EffectInput, resolveEffect } from './effect-fields.ts';
import { insertEffect } from './effects.queries.ts';

/** Books a line in the effect ledger. */
export async function createEffect(
  tx: Transaction,
  options: { input: EffectInput; tree: OrgUnitTree; actor: Actor },
) {
  const values = await resolveEffect(tx, options.input, options.tree);
  const row = await insertEffect(tx, { ...values, createdBy: options.actor.userId });
  await recordAudit(tx, options.actor, {
    action: 'effect.create',
    entityType: 'effect',
    entityId: row.id,
    after: row,
  });
  return row;
}
