import { and, asc, eq, gt, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  clusterEvents,
  clusterGroups,
  clusterKinds,
  clusterOwners,
  clusterRevisions,
  clusters,
  orgUnits,
  users,
} from '../../db/schema/index.ts';
import { revisionInEffect } from './clusters.queries.ts';

export type ClusterEventRow = typeof clusterEvents.$inferSelect;

/** Cluster identity rows locked for update, in id order (so two merges cannot deadlock). */
export async function lockClusters(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(clusters).where(inArray(clusters.id, ids)).orderBy(asc(clusters.id)).for('update');
}

/** Every revision of a cluster, oldest first, with group and kind names. */
export function listRevisions(db: Executor, clusterId: string) {
  return db
    .select({
      revision: clusterRevisions,
      groupName: clusterGroups.name,
      kindName: clusterKinds.name,
    })
    .from(clusterRevisions)
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .where(eq(clusterRevisions.clusterId, clusterId))
    .orderBy(asc(clusterRevisions.validFromFiscalYear));
}

/** The revisions of clusters in effect in a fiscal year. */
export function revisionsInEffect(db: Executor, clusterIds: string[], fiscalYear: number) {
  if (clusterIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(clusterRevisions)
    .where(and(inArray(clusterRevisions.clusterId, clusterIds), revisionInEffect(fiscalYear)));
}

/** True when a cluster has a revision that starts after the fiscal year (a change already planned). */
export async function hasLaterRevision(db: Executor, clusterId: string, fiscalYear: number) {
  const rows = await db
    .select({ id: clusterRevisions.id })
    .from(clusterRevisions)
    .where(
      and(eq(clusterRevisions.clusterId, clusterId), gt(clusterRevisions.validFromFiscalYear, fiscalYear)),
    )
    .limit(1);
  return rows.length > 0;
}

/** The numbers among those given that clusters other than the excepted ones use in a fiscal year. */
export async function takenNumbers(
  db: Executor,
  fiscalYear: number,
  numbers: number[],
  exceptClusterIds: string[],
) {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ number: clusterRevisions.number, clusterId: clusterRevisions.clusterId })
    .from(clusterRevisions)
    .where(and(revisionInEffect(fiscalYear), inArray(clusterRevisions.number, numbers)));
  return rows.filter((row) => !exceptClusterIds.includes(row.clusterId)).map((row) => row.number);
}

/** Analyses of the clusters in the fiscal year or later. */
export function analysesFrom(db: Executor, clusterIds: string[], fiscalYear: number) {
  if (clusterIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: analyses.id, clusterId: analyses.clusterId, fiscalYear: analyses.fiscalYear })
    .from(analyses)
    .where(and(inArray(analyses.clusterId, clusterIds), gte(analyses.fiscalYear, fiscalYear)));
}

/** The analyses of a cluster, by fiscal year. */
export function analysesOfCluster(db: Executor, clusterId: string, options: { onlyPublished: boolean }) {
  const byCluster = eq(analyses.clusterId, clusterId);
  return db
    .select({
      id: analyses.id,
      fiscalYear: analyses.fiscalYear,
      stage: analyses.stage,
      isPublished: analyses.isPublished,
      closedAt: analyses.closedAt,
    })
    .from(analyses)
    .where(options.onlyPublished ? and(byCluster, eq(analyses.isPublished, true)) : byCluster)
    .orderBy(asc(analyses.fiscalYear));
}

/** Makes a new cluster identity and returns its id. */
export async function insertCluster(db: Executor): Promise<string> {
  const rows = await db.insert(clusters).values({}).returning({ id: clusters.id });
  return rows[0]!.id;
}

/** The owning org units of a cluster. */
export async function ownersOf(db: Executor, clusterIds: string[]) {
  if (clusterIds.length === 0) return [];
  return db
    .select({ clusterId: clusterOwners.clusterId, id: orgUnits.id, name: orgUnits.name })
    .from(clusterOwners)
    .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
    .where(inArray(clusterOwners.clusterId, clusterIds))
    .orderBy(asc(orgUnits.sortOrder));
}

/** Replaces the owning org units of a cluster. */
export async function replaceOwners(db: Executor, clusterId: string, orgUnitIds: string[]) {
  await db.delete(clusterOwners).where(eq(clusterOwners.clusterId, clusterId));
  if (orgUnitIds.length > 0) {
    await db
      .insert(clusterOwners)
      .values([...new Set(orgUnitIds)].map((orgUnitId) => ({ clusterId, orgUnitId })));
  }
}

/** The ids among those given that are org units. */
export async function existingOrgUnits(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  return rows.map((row) => row.id);
}

/** Records a change of the register. */
export async function insertEvent(db: Executor, values: typeof clusterEvents.$inferInsert) {
  await db.insert(clusterEvents).values(values);
}

/** The recorded changes of a cluster by fiscal year, oldest first (one change's lines in kind order), with who made them. */
export function listEvents(db: Executor, clusterId: string) {
  return db
    .select({ event: clusterEvents, actorName: users.displayName })
    .from(clusterEvents)
    .leftJoin(users, eq(users.id, clusterEvents.actorId))
    .where(eq(clusterEvents.clusterId, clusterId))
    .orderBy(asc(clusterEvents.fiscalYear), asc(clusterEvents.createdAt), asc(clusterEvents.kind));
}

/** Number and name of clusters as each stood in a year (the latest revision starting by then, or the first). */
export async function clusterLabels(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { number: number; name: string }>();
  const rows = await db
    .select({
      clusterId: clusterRevisions.clusterId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      validFrom: clusterRevisions.validFromFiscalYear,
    })
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, ids))
    .orderBy(asc(clusterRevisions.validFromFiscalYear), sql`${clusterRevisions.createdAt}`);
  const labels = new Map<string, { number: number; name: string }>();
  // The newest revision wins: a related cluster is named as it was last called.
  for (const row of rows) labels.set(row.clusterId, { number: row.number, name: row.name });
  return labels;
}

/** A cluster's version (its ETag), or null. */
export async function clusterVersion(db: Executor, clusterId: string): Promise<number | null> {
  const rows = await db
    .select({ version: clusters.version })
    .from(clusters)
    .where(eq(clusters.id, clusterId))
    .limit(1);
  return rows[0]?.version ?? null;
}
