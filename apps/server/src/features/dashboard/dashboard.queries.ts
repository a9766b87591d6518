import { and, asc, count, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  clusterGroups,
  clusterKinds,
  clusterOwners,
  clusterRevisions,
  meetings,
  orgUnits,
  users,
} from '../../db/schema/index.ts';

function revisionInEffect(fiscalYear: number) {
  return and(
    lte(clusterRevisions.validFromFiscalYear, fiscalYear),
    or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
  );
}

/** Every cluster in effect in a fiscal year with its group, kind, owners and the year's analysis (if any). */
export async function listClustersWithAnalyses(db: Executor, fiscalYear: number) {
  const rows = await db
    .select({
      clusterId: clusterRevisions.clusterId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      groupCode: clusterRevisions.groupCode,
      groupName: clusterGroups.name,
      groupSubtitle: clusterGroups.subtitle,
      kindCode: clusterRevisions.kindCode,
      kindName: clusterKinds.name,
      analysisId: analyses.id,
      stage: analyses.stage,
      leadOrgUnitId: analyses.leadOrgUnitId,
      isPublished: analyses.isPublished,
    })
    .from(clusterRevisions)
    .innerJoin(clusterGroups, eq(clusterGroups.code, clusterRevisions.groupCode))
    .leftJoin(clusterKinds, eq(clusterKinds.code, clusterRevisions.kindCode))
    .leftJoin(
      analyses,
      and(eq(analyses.clusterId, clusterRevisions.clusterId), eq(analyses.fiscalYear, fiscalYear)),
    )
    .where(revisionInEffect(fiscalYear))
    .orderBy(asc(clusterRevisions.number));
  const owners = rows.length
    ? await db
        .select({
          clusterId: clusterOwners.clusterId,
          orgUnitId: clusterOwners.orgUnitId,
          name: orgUnits.name,
        })
        .from(clusterOwners)
        .innerJoin(orgUnits, eq(orgUnits.id, clusterOwners.orgUnitId))
        .where(
          inArray(
            clusterOwners.clusterId,
            rows.map((row) => row.clusterId),
          ),
        )
    : [];
  const ownersOf = new Map<string, { id: string; name: string }[]>();
  for (const owner of owners) {
    ownersOf.set(owner.clusterId, [
      ...(ownersOf.get(owner.clusterId) ?? []),
      { id: owner.orgUnitId, name: owner.name },
    ]);
  }
  return rows.map((row) => {
    const rowOwners = ownersOf.get(row.clusterId) ?? [];
    return {
      ...row,
      ownerOrgUnitIds: rowOwners.map((owner) => owner.id),
      ownerNames: rowOwners.map((owner) => owner.name),
    };
  });
}

export type ClusterWithAnalysis = Awaited<ReturnType<typeof listClustersWithAnalyses>>[number];

/** The groups and kinds in display order. */
export async function listGroupsAndKinds(db: Executor) {
  const [groups, kinds] = await Promise.all([
    db.select().from(clusterGroups).orderBy(asc(clusterGroups.sortOrder)),
    db.select().from(clusterKinds).orderBy(asc(clusterKinds.sortOrder)),
  ]);
  return { groups, kinds };
}

/** The X meetings of a fiscal year in sequence order. */
export function listMeetingsOfYear(db: Executor, fiscalYear: number) {
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.fiscalYear, fiscalYear))
    .orderBy(asc(meetings.sequence));
}

/** How many people can sign in. */
export async function countActiveUsers(db: Executor): Promise<number> {
  const rows = await db.select({ value: count() }).from(users).where(eq(users.isActive, true));
  return Number(rows[0]?.value ?? 0);
}
