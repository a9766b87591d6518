import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertEvent, lockClusters, ownersOf, replaceOwners } from './cluster-history.queries.ts';
import { bumpClusterVersion } from './clusters.queries.ts';
import { assertOrgUnits } from './register-changes.ts';

/** Assigns the org units that own a cluster (所管組織), noting the change in its history from a fiscal year. */
export async function setClusterOwners(
  tx: Transaction,
  options: {
    clusterId: string;
    fiscalYear: number;
    expectedVersion: number;
    orgUnitIds: string[];
    note?: string;
    actor: Actor;
  },
) {
  const [cluster] = await lockClusters(tx, [options.clusterId]);
  if (!cluster) throw notFound();
  assertVersion(options.expectedVersion, cluster.version);
  await assertOrgUnits(tx, options.orgUnitIds);
  const before = (await ownersOf(tx, [cluster.id])).map((owner) => ({ id: owner.id, name: owner.name }));
  await replaceOwners(tx, cluster.id, options.orgUnitIds);
  const after = (await ownersOf(tx, [cluster.id])).map((owner) => ({ id: owner.id, name: owner.name }));
  await insertEvent(tx, {
    clusterId: cluster.id,
    fiscalYear: options.fiscalYear,
    kind: 'owners_changed',
    before,
    after,
    note: options.note ?? '',
    actorId: options.actor.userId,
  });
  await bumpClusterVersion(tx, cluster.id, cluster.version);
  await recordAudit(tx, options.actor, {
    action: 'cluster.owners',
    entityType: 'cluster',
    entityId: cluster.id,
    before,
    after,
  });
}
