import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
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
 * Splits a cluster into new ones from a fiscal year on (分割): the cluster leaves the register that
 * year; each part starts then, owned as given or, by default, as the cluster was.
 */
export async function splitCluster(
  tx: Transaction,
  options: {
    clusterId: string;
    fiscalYear: number;
    expectedVersion: number;
    parts: NewClusterInput[];
    note: string;
    actor: Actor;
  },
) {
  const [cluster] = await lockClusters(tx, [options.clusterId]);
  if (!cluster) throw notFound();
  assertVersion(options.expectedVersion, cluster.version);
  assertKinds(options.parts, (index) => `parts.${index}`);
  const [before] = await revisionsInEffect(tx, [cluster.id], options.fiscalYear);
  const defaultOwners = (await ownersOf(tx, [cluster.id])).map((owner) => owner.id);
  const parts = options.parts.map((part) => ({
    ...part,
    owningOrgUnitIds: part.owningOrgUnitIds ?? defaultOwners,
  }));
  await assertOrgUnits(
    tx,
    parts.flatMap((part) => part.owningOrgUnitIds),
  );
  await assertNoAnalysesFrom(tx, [cluster.id], options.fiscalYear);
  await closeFrom(tx, cluster.id, options.fiscalYear);
  await assertNumbersFree(
    tx,
    options.fiscalYear,
    parts.map((part) => part.number),
    [cluster.id],
    parts.map((_, index) => `parts.${index}.number`),
  );
  const partIds: string[] = [];
  for (const part of parts)
    partIds.push(await addCluster(tx, part, options.fiscalYear, 'split', options.note));
  await insertEvent(tx, {
    clusterId: cluster.id,
    fiscalYear: options.fiscalYear,
    kind: 'split',
    relatedClusterIds: partIds,
    before: before ?? null,
    note: options.note,
    actorId: options.actor.userId,
  });
  for (const [index, partId] of partIds.entries()) {
    await insertEvent(tx, {
      clusterId: partId,
      fiscalYear: options.fiscalYear,
      kind: 'created',
      relatedClusterIds: [cluster.id],
      after: parts[index],
      note: options.note,
      actorId: options.actor.userId,
    });
  }
  await bumpClusterVersion(tx, cluster.id, cluster.version);
  await recordAudit(tx, options.actor, {
    action: 'cluster.split',
    entityType: 'cluster',
    entityId: cluster.id,
    before,
    after: { fiscalYear: options.fiscalYear, parts, partIds },
  });
  return partIds;
}
