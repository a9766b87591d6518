import { and, asc, count, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisVersions,
  clusterGroups,
  clusterKinds,
  clusterOwners,
  clusterRevisions,
  effects,
  initiatives,
  meetings,
  needs,
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

/** The cluster groups in display order. */
export function listGroups(db: Executor) {
  return db.select().from(clusterGroups).orderBy(asc(clusterGroups.sortOrder));
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

/** Needs of a year (and org units) counted by side and status in one grouped query. */
export async function countNeedsBySideAndStatus(
  db: Executor,
  options: { fiscalYear: number; orgUnitIds?: string[] },
) {
  if (options.orgUnitIds && options.orgUnitIds.length === 0) return [];
  const conditions = [eq(needs.fiscalYear, options.fiscalYear)];
  if (options.orgUnitIds) conditions.push(inArray(needs.orgUnitId, options.orgUnitIds));
  return db
    .select({ side: needs.side, status: needs.status, total: sql<number>`count(*)::int` })
    .from(needs)
    .where(and(...conditions))
    .groupBy(needs.side, needs.status);
}

/** The ledger's own lines of a year (and org units) summed by stage. */
export async function sumEffectsByStage(
  db: Executor,
  options: { fiscalYear: number; orgUnitIds?: string[] },
) {
  if (options.orgUnitIds && options.orgUnitIds.length === 0) return [];
  const conditions = [eq(effects.fiscalYear, options.fiscalYear)];
  if (options.orgUnitIds) conditions.push(inArray(effects.orgUnitId, options.orgUnitIds));
  const rows = await db
    .select({ stage: effects.stage, total: sql<string>`sum(${effects.amount})::text` })
    .from(effects)
    .where(and(...conditions))
    .groupBy(effects.stage);
  return rows.map((row) => ({ stage: row.stage, total: BigInt(row.total) }));
}

/**
 * What the ledger's total against a target is made of, read for that target's span only: its own
 * lines (amounts and how they recur, nothing else), the 効果額 lines of the newest accepted or
 * reported version of each analysis whose fiscal year falls in the span (the lines only, never the
 * rest of the report), and which of those analyses the ledger books itself.
 */
export async function loadLedgerTotalsInputs(
  db: Executor,
  target: { id: string; startFiscalYear: number; endFiscalYear: number },
) {
  const [booked, versions] = await Promise.all([
    db
      .select({
        fiscalYear: effects.fiscalYear,
        endFiscalYear: effects.endFiscalYear,
        category: effects.category,
        recurrence: effects.recurrence,
        stage: effects.stage,
        amount: effects.amount,
      })
      .from(effects)
      .where(eq(effects.targetId, target.id)),
    db.execute<{ analysis_id: string; fiscal_year: number; effects: unknown; is_booked: boolean }>(sql`
      select newest.analysis_id, newest.fiscal_year, newest.effects,
        exists (
          select 1 from ${effects} e
          where (e.source_kind = 'analysis' and e.source_id = newest.analysis_id)
            or (e.source_kind = 'initiative' and e.source_id in (
              select i.id from ${initiatives} i
              where i.source_kind = 'analysis_direction' and i.source_id = newest.analysis_id))
        ) as is_booked
      from (
        select distinct on (v.analysis_id) v.analysis_id, a.fiscal_year, v.content->'effects' as effects
        from ${analyses} a
        join ${analysisVersions} v on v.analysis_id = a.id
        where a.fiscal_year between ${target.startFiscalYear} and ${target.endFiscalYear}
          and v.status in ('accepted', 'reported')
        order by v.analysis_id, v.number desc
      ) newest`),
  ]);
  return {
    booked,
    versions: versions.rows.map((row) => ({
      analysisId: row.analysis_id,
      fiscalYear: Number(row.fiscal_year),
      effects: row.effects,
      isBooked: row.is_booked,
    })),
  };
}
