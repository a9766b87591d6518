import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { insertEvent } from './cluster-history.queries.ts';
import {
  addCluster,
  assertKinds,
  assertNumbersFree,
  assertOrgUnits,
  type NewClusterInput,
} from './register-changes.ts';

/** Adds a new cluster to the register from a fiscal year on. */
export async function createCluster(
  tx: Transaction,
  options: { fiscalYear: number; cluster: NewClusterInput; note: string; actor: Actor },
) {
  assertKinds([options.cluster], () => 'cluster');
  await assertOrgUnits(tx, options.cluster.owningOrgUnitIds ?? []);
  await assertNumbersFree(tx, options.fiscalYear, [options.cluster.number], [], ['cluster.number']);
  const clusterId = await addCluster(tx, options.cluster, options.fiscalYear, 'created', options.note);
  await insertEvent(tx, {
    clusterId,
    fiscalYear: options.fiscalYear,
    kind: 'created',
    after: options.cluster,
    note: options.note,
    actorId: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'cluster.create',
    entityType: 'cluster',
    entityId: clusterId,
    after: { ...options.cluster, fiscalYear: options.fiscalYear },
  });
  return clusterId;
}
