import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertEvent, lockClusters } from './cluster-history.queries.ts';
import { bumpClusterVersion } from './clusters.queries.ts';
import { assertNoAnalysesFrom, closeFrom } from './register-changes.ts';

/** Takes a cluster out of the register from a fiscal year on (廃止); earlier years keep it. */
export async function retireCluster(
  tx: Transaction,
  options: { clusterId: string; fiscalYear: number; expectedVersion: number; note: string; actor: Actor },
) {
  const [cluster] = await lockClusters(tx, [options.clusterId]);
  if (!cluster) throw notFound();
  assertVersion(options.expectedVersion, cluster.version);
  await assertNoAnalysesFrom(tx, [cluster.id], options.fiscalYear);
  await closeFrom(tx, cluster.id, options.fiscalYear);
  await insertEvent(tx, {
    clusterId: cluster.id,
    fiscalYear: options.fiscalYear,
    kind: 'retired',
    note: options.note,
    actorId: options.actor.userId,
  });
  await bumpClusterVersion(tx, cluster.id, cluster.version);
  await recordAudit(tx, options.actor, {
    action: 'cluster.retire',
    entityType: 'cluster',
    entityId: cluster.id,
    after: { fiscalYear: options.fiscalYear, note: options.note },
  });
}
