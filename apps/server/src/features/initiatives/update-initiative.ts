import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { assertOwnerAndClusters, assertSource, type InitiativeFields } from './initiative-fields.ts';
import { clustersOf, lockInitiative, replaceClusters, updateInitiativeRow } from './initiatives.queries.ts';

/** Changes an initiative's fields (title, source, owner, clusters, cadence, status, health). */
export async function updateInitiative(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    changes: Partial<InitiativeFields>;
    tree: OrgUnitTree;
    actor: Actor;
  },
) {
  const before = await lockInitiative(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const { clusterIds, ...fields } = options.changes;
  const sourceKind = fields.sourceKind ?? before.sourceKind;
  const sourceId = fields.sourceId !== undefined ? fields.sourceId : before.sourceId;
  if (fields.sourceKind !== undefined || fields.sourceId !== undefined)
    await assertSource(tx, sourceKind, sourceId);
  const beforeClusters = (await clustersOf(tx, [before.id])).get(before.id) ?? [];
  const clusters = await assertOwnerAndClusters(
    tx,
    options.tree,
    fields.ownerOrgUnitId ?? before.ownerOrgUnitId,
    clusterIds ?? beforeClusters,
  );
  const after = await updateInitiativeRow(tx, before, { ...fields, sourceKind, sourceId });
  if (clusterIds) await replaceClusters(tx, before.id, clusters);
  await recordAudit(tx, options.actor, {
    action: 'initiative.update',
    entityType: 'initiative',
    entityId: before.id,
    before: { ...before, clusterIds: beforeClusters },
    after: { ...after, clusterIds: clusters },
  });
  return after;
}
