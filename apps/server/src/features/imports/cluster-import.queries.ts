import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clusterOwners, clusterRevisions, clusters, orgUnits } from '../../db/schema/index.ts';

/** Org unit ids and codes. */
export function listUnitCodes(db: Executor) {
  return db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
}

/** Creates a cluster with its first revision (from a fiscal year, open-ended) and returns its id. */
export async function insertImportedCluster(
  db: Executor,
  values: { fiscalYear: number; number: number; name: string; groupCode: string; kindCode: string | null },
): Promise<string> {
  const rows = await db.insert(clusters).values({}).returning({ id: clusters.id });
  const id = rows[0]!.id;
  await db.insert(clusterRevisions).values({
    clusterId: id,
    validFromFiscalYear: values.fiscalYear,
    number: values.number,
    name: values.name,
    groupCode: values.groupCode as (typeof clusterRevisions.$inferInsert)['groupCode'],
    kindCode: values.kindCode as (typeof clusterRevisions.$inferInsert)['kindCode'],
    changeKind: 'created',
  });
  return id;
}

/** Replaces the org units that own a cluster. */
export async function replaceClusterOwners(db: Executor, clusterId: string, orgUnitIds: string[]) {
  await db.delete(clusterOwners).where(inArray(clusterOwners.clusterId, [clusterId]));
  if (orgUnitIds.length)
    await db.insert(clusterOwners).values(orgUnitIds.map((orgUnitId) => ({ clusterId, orgUnitId })));
}
