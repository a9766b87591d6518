import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { clusterGroups, clusterKinds } from '../db/schema/index.ts';
import { CLUSTER_GROUP_DATA, CLUSTER_KIND_DATA } from './reference-data.ts';

/** Makes sure the cluster groups and kinds exist; keeps texts the reform office edited. */
export async function loadReferenceData(db: Executor): Promise<void> {
  await db.insert(clusterGroups).values(CLUSTER_GROUP_DATA).onConflictDoNothing();
  await db.insert(clusterKinds).values(CLUSTER_KIND_DATA).onConflictDoNothing();
  await db.execute(sql`select 1`);
}
