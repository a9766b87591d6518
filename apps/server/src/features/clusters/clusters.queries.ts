import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  clusterGroups,
  clusterKinds,
  clusterOwners,
  clusterRevisions,
  clusters,
  orgUnits,
} from '../../db/schema/index.ts';

export type ClusterRevisionRow = typeof clusterRevisions.$inferSelect;

/** The condition "this revision is in effect in the fiscal year". */
export function revisionInEffect(fiscalYear: number) {
  return and(
    lte(clusterRevisions.validFromFiscalYear, fiscalYear),
    or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
  );
}

/** The groups and kinds with their approach texts, in display order. */
export async function listGroupsAndKinds(db: Executor) {
  const [groups, kinds] = await Promise.all([
    db.select().from(clusterGroups).orderBy(asc(clusterGroups.sortOrder)),
    db.select().from(clusterKinds).orderBy(asc(clusterKinds.sortOrder)),
  ]);
  return { groups, kinds };
}

/** The cluster register as it stood in a fiscal year, with target marks and owners. */
export async function listClustersForYear(db: Executor, fiscalYear: number, clusterId?: string) {
  const rows = await db
    .select({
      id: clusters.id,
      version: clusters.version,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      groupCode: clusterRevisions.groupCode,
      kindCode: clusterRevisions.kindCode,
      groupName: clusterGroups.name,
      kindName: clusterKinds.name,
      analysisId: analyses.id,
      analysisStage: analyses.stage,
    })
    .from(clusterRevisions)
    .innerJoin(clusters, eq(clusters.id, clusterRevisions.clusterId))
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .leftJoin(analyses, and(eq(analyses.clusterId, clusters.id), eq(analyses.fiscalYear, fiscalYear)))
    .where(
      clusterId
        ? and(revisionInEffect(fiscalYear), eq(clusters.id, clusterId))
        : revisionInEffect(fiscalYear),
    )
    .orderBy(asc(clusterRevisions.number));
  const owners = rows.length
    ? await db
        .select({ clusterId: clusterOwners.clusterId, id: orgUnits.id, name: orgUnits.name })
        .from(clusterOwners)
        .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
        .where(
          inArray(
            clusterOwners.clusterId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(orgUnits.sortOrder))
    : [];
  const ownersByCluster = new Map<string, { id: string; name: string }[]>();
  for (const owner of owners) {
    const list = ownersByCluster.get(owner.clusterId) ?? [];
    list.push({ id: owner.id, name: owner.name });
    ownersByCluster.set(owner.clusterId, list);
  }
  return rows.map((row) => ({ ...row, owningOrgUnits: ownersByCluster.get(row.id) ?? [] }));
}

export type ClusterListRow = Awaited<ReturnType<typeof listClustersForYear>>[number];

/** The revision of a cluster in effect in a fiscal year, locked for update. */
export async function lockRevisionForYear(db: Executor, clusterId: string, fiscalYear: number) {
  const rows = await db
    .select()
    .from(clusterRevisions)
    .where(and(eq(clusterRevisions.clusterId, clusterId), revisionInEffect(fiscalYear)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** The cluster identity row, locked for update. */
export async function lockCluster(db: Executor, clusterId: string) {
  const rows = await db.select().from(clusters).where(eq(clusters.id, clusterId)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Changes a revision in place. */
export async function updateRevision(
  db: Executor,
  id: string,
  values: Partial<typeof clusterRevisions.$inferInsert>,
) {
  await db.update(clusterRevisions).set(values).where(eq(clusterRevisions.id, id));
}

/** Adds a revision. */
export async function insertRevision(db: Executor, values: typeof clusterRevisions.$inferInsert) {
  await db.insert(clusterRevisions).values(values);
}

/** Bumps a cluster's version. */
export async function bumpClusterVersion(db: Executor, clusterId: string, version: number) {
  await db
    .update(clusters)
    .set({ version: version + 1, updatedAt: new Date() })
    .where(eq(clusters.id, clusterId));
}

/** The analysis of a cluster in a year, or null. */
export async function findAnalysisFor(db: Executor, clusterId: string, fiscalYear: number) {
  const rows = await db
    .select()
    .from(analyses)
    .where(and(eq(analyses.clusterId, clusterId), eq(analyses.fiscalYear, fiscalYear)))
    .limit(1);
  return rows[0] ?? null;
}

/** Puts a cluster on the year's analysis plan. */
export async function insertPlannedAnalysis(db: Executor, clusterId: string, fiscalYear: number) {
  await db.insert(analyses).values({ clusterId, fiscalYear }).onConflictDoNothing();
}

/** Takes a cluster off the year's plan (only while nothing has started). */
export async function deletePlannedAnalysis(db: Executor, analysisId: string) {
  await db.delete(analyses).where(and(eq(analyses.id, analysisId), eq(analyses.stage, 'planned')));
}

/** True when another cluster in effect that year already has the number. */
export async function isNumberTaken(
  db: Executor,
  fiscalYear: number,
  number: number,
  exceptClusterId: string,
) {
  const rows = await db
    .select({ id: clusterRevisions.clusterId })
    .from(clusterRevisions)
    .where(
      and(
        revisionInEffect(fiscalYear),
        eq(clusterRevisions.number, number),
        sql`${clusterRevisions.clusterId} <> ${exceptClusterId}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Ids of the clusters owned by an org unit or by any unit below it in the tree. */
export async function clusterIdsOwnedWithin(db: Executor, orgUnitId: string): Promise<Set<string>> {
  const result = await db.execute<{ cluster_id: string }>(sql`
    with recursive tree(id) as (
      select id from org_units where id = ${orgUnitId}::uuid
      union
      select child.id from org_units child join tree on child.parent_id = tree.id
    )
    select distinct ${clusterOwners.clusterId} as cluster_id
    from ${clusterOwners} join tree on tree.id = ${clusterOwners.orgUnitId}`);
  return new Set(result.rows.map((row) => row.cluster_id));
}

/**
 * Ids of the clusters whose analysis of a fiscal year is at a stage; `onlyPublished` counts only
 * published analyses (for readers without a session, to whom an unpublished plan is unknown).
 */
export async function clusterIdsAtStage(
  db: Executor,
  fiscalYear: number,
  stage: (typeof analyses.$inferSelect)['stage'],
  onlyPublished: boolean,
): Promise<Set<string>> {
  const conditions = [eq(analyses.fiscalYear, fiscalYear), eq(analyses.stage, stage)];
  if (onlyPublished) conditions.push(eq(analyses.isPublished, true));
  const rows = await db
    .select({ clusterId: analyses.clusterId })
    .from(analyses)
    .where(and(...conditions));
  return new Set(rows.map((row) => row.clusterId));
}
