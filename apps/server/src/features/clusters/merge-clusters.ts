import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertEvent, lockClusters, ownersOf, revisionsInEffect } from './cluster-history.queries.ts';
import { bumpClusterVersion } from './clusters.queries.ts';
import {
  addCluster,
  assertKinds,
  assertNoAnalysesFrom,
  assertNumbersFree,
  assertOrgUnits,
  closeFrom,
  type NewClusterInput,
} from './register-changes.ts';

/**
 * Merges clusters into one new cluster from a fiscal year on (統合): the sources leave the register
 * that year, the new cluster takes their place and, unless told otherwise, their owners.
 */
export async function mergeClusters(
  tx: Transaction,
  options: {
    fiscalYear: number;
    sources: { id: string; version: number }[];
    into: NewClusterInput;
    note: string;
    actor: Actor;
  },
) {
  const ids = options.sources.map((source) => source.id);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('validation_failed', {
      messages: { ja: '同じ事業クラスターが重複しています。', en: 'A cluster is listed twice.' },
    });
  }
  const locked = await lockClusters(tx, ids);
  if (locked.length !== ids.length) throw new AppError('not_found');
  for (const source of options.sources) {
    assertVersion(source.version, locked.find((cluster) => cluster.id === source.id)!.version);
  }
  assertKinds([options.into], () => 'into');
  const before = await revisionsInEffect(tx, ids, options.fiscalYear);
  const owningOrgUnitIds =
    options.into.owningOrgUnitIds ?? (await ownersOf(tx, ids)).map((owner) => owner.id);
  await assertOrgUnits(tx, owningOrgUnitIds);
  await assertNoAnalysesFrom(tx, ids, options.fiscalYear);
  for (const id of ids) await closeFrom(tx, id, options.fiscalYear);
  await assertNumbersFree(tx, options.fiscalYear, [options.into.number], ids, ['into.number']);
  const mergedId = await addCluster(
    tx,
    { ...options.into, owningOrgUnitIds },
    options.fiscalYear,
    'merged',
    options.note,
  );
  for (const cluster of locked) {
    await insertEvent(tx, {
      clusterId: cluster.id,
      fiscalYear: options.fiscalYear,
      kind: 'merged',
      relatedClusterIds: [mergedId],
      before: before.find((revision) => revision.clusterId === cluster.id) ?? null,
      note: options.note,
      actorId: options.actor.userId,
    });
    await bumpClusterVersion(tx, cluster.id, cluster.version);
  }
  await insertEvent(tx, {
    clusterId: mergedId,
    fiscalYear: options.fiscalYear,
    kind: 'created',
    relatedClusterIds: ids,
    after: { ...options.into, owningOrgUnitIds },
    note: options.note,
    actorId: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'cluster.merge',
    entityType: 'cluster',
    entityId: mergedId,
    before,
    after: { ...options.into, owningOrgUnitIds, fiscalYear: options.fiscalYear, sources: ids },
  });
  return mergedId;
}
