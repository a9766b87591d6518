import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { assertOwnerAndClusters, assertSource, type InitiativeFields } from './initiative-fields.ts';
import { insertInitiative, replaceClusters } from './initiatives.queries.ts';

/** Registers an initiative with its source, owner and clusters. */
export async function createInitiative(
  tx: Transaction,
  options: { fiscalYear: number; fields: InitiativeFields; tree: OrgUnitTree; actor: Actor; now?: Date },
) {
  const { clusterIds, ...fields } = options.fields;
  await assertSource(tx, fields.sourceKind, fields.sourceId);
  const clusters = await assertOwnerAndClusters(tx, options.tree, fields.ownerOrgUnitId, clusterIds);
  const now = options.now ?? new Date();
  const row = await insertInitiative(tx, {
    ...fields,
    fiscalYear: options.fiscalYear,
    createdBy: options.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await replaceClusters(tx, row.id, clusters);
  await recordAudit(tx, options.actor, {
    action: 'initiative.create',
    entityType: 'initiative',
    entityId: row.id,
    after: { ...row, clusterIds: clusters },
  });
  return row;
}
