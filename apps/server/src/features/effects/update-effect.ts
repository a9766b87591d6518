import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { type EffectInput, resolveEffect } from './effect-fields.ts';
import { lockEffect, updateEffectRow } from './effects.queries.ts';

/** Changes a ledger line; the result is checked as a whole, as if it were booked anew. */
export async function updateEffect(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    changes: Partial<EffectInput>;
    tree: OrgUnitTree;
    actor: Actor;
  },
) {
  const before = await lockEffect(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const values = await resolveEffect(
    tx,
    {
      targetId: before.targetId,
      title: before.title,
      fiscalYear: before.fiscalYear,
      endFiscalYear: before.endFiscalYear,
      category: before.category,
      recurrence: before.recurrence,
      stage: before.stage,
      amount: before.amount,
      basis: before.basis,
      sourceKind: before.sourceKind,
      sourceId: before.sourceId,
      orgUnitId: before.orgUnitId,
      clusterId: before.clusterId,
      ...options.changes,
    },
    options.tree,
  );
  const after = await updateEffectRow(tx, before, values);
  await recordAudit(tx, options.actor, {
    action: 'effect.update',
    entityType: 'effect',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
