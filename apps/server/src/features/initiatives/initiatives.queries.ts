import type { InitiativeHealth, InitiativeSourceKind, InitiativeStatus } from '@totonoe/domain';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  bureauPolicies,
  bureauPolicyVersions,
  clusterRevisions,
  initiativeClusters,
  initiativeKpis,
  initiativeKpiYears,
  initiativeMilestones,
  initiatives,
  initiativeUpdates,
  users,
} from '../../db/schema/index.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;
export type MilestoneRow = typeof initiativeMilestones.$inferSelect;
export type UpdateRow = typeof initiativeUpdates.$inferSelect;
export type KpiRow = typeof initiativeKpis.$inferSelect;
export type KpiYearRow = typeof initiativeKpiYears.$inferSelect;

export type InitiativeFilter = {
  fiscalYear: number;
  ownerOrgUnitIds?: string[];
  sourceKind?: InitiativeSourceKind;
  sourceId?: string;
  status?: InitiativeStatus;
  health?: InitiativeHealth;
  clusterId?: string;
  q?: string;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function conditionsOf(filter: InitiativeFilter): SQL | undefined {
  const conditions: SQL[] = [eq(initiatives.fiscalYear, filter.fiscalYear)];
  if (filter.ownerOrgUnitIds) conditions.push(inArray(initiatives.ownerOrgUnitId, filter.ownerOrgUnitIds));
  if (filter.sourceKind) conditions.push(eq(initiatives.sourceKind, filter.sourceKind));
  if (filter.sourceId) conditions.push(eq(initiatives.sourceId, filter.sourceId));
  if (filter.status) conditions.push(eq(initiatives.status, filter.status));
  if (filter.health) conditions.push(eq(initiatives.health, filter.health));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(initiatives.title, pattern), ilike(initiatives.summary, pattern))!);
  }
  if (filter.clusterId) {
    conditions.push(
      sql`exists (select 1 from ${initiativeClusters} where ${initiativeClusters.initiativeId} = ${initiatives.id} and ${initiativeClusters.clusterId} = ${filter.clusterId})`,
    );
  }
  return and(...conditions);
}

/** The initiatives matching a filter, newest fiscal year's order: by owner, then title. */
export function listInitiatives(db: Executor, filter: InitiativeFilter): Promise<InitiativeRow[]> {
  if (filter.ownerOrgUnitIds?.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(initiatives)
    .where(conditionsOf(filter))
    .orderBy(asc(initiatives.ownerOrgUnitId), asc(initiatives.title), asc(initiatives.id));
}

/** One initiative, or null. */
export async function findInitiative(db: Executor, id: string): Promise<InitiativeRow | null> {
  const rows = await db.select().from(initiatives).where(eq(initiatives.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One initiative locked for update, or null. */
export async function lockInitiative(db: Executor, id: string): Promise<InitiativeRow | null> {
  const rows = await db.select().from(initiatives).where(eq(initiatives.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** The cluster ids of initiatives. */
export async function clustersOf(db: Executor, initiativeIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (initiativeIds.length === 0) return map;
  const rows = await db
    .select()
    .from(initiativeClusters)
    .where(inArray(initiativeClusters.initiativeId, initiativeIds));
  for (const row of rows) map.set(row.initiativeId, [...(map.get(row.initiativeId) ?? []), row.clusterId]);
  return map;
}

/** Cluster numbers and names as they stood in a fiscal year. */
export async function clusterLabels(db: Executor, ids: string[], fiscalYear: number) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { id: string; number: number; name: string }>();
  const rows = await db
    .select({ id: clusterRevisions.clusterId, number: clusterRevisions.number, name: clusterRevisions.name })
    .from(clusterRevisions)
    .where(
      and(
        inArray(clusterRevisions.clusterId, unique),
        lte(clusterRevisions.validFromFiscalYear, fiscalYear),
        or(isNull(clusterRevisions.validToFiscalYear), gte(clusterRevisions.validToFiscalYear, fiscalYear)),
      ),
    );
  return new Map(rows.map((row) => [row.id, row]));
}

/** How many of the ids are clusters. */
export async function countClusters(db: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ count: sql<number>`count(distinct ${clusterRevisions.clusterId})::int` })
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, ids));
  return rows[0]?.count ?? 0;
}

/** Milestones of initiatives in 工程表 order. */
export function listMilestones(db: Executor, initiativeIds: string[]): Promise<MilestoneRow[]> {
  if (initiativeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(initiativeMilestones)
    .where(inArray(initiativeMilestones.initiativeId, initiativeIds))
    .orderBy(asc(initiativeMilestones.initiativeId), asc(initiativeMilestones.position));
}

/** The latest progress report on or before a day, per initiative: what staleness is judged on. */
export async function lastUpdatesAsOf(
  db: Executor,
  initiativeIds: string[],
  asOf: string,
): Promise<Map<string, string>> {
  if (initiativeIds.length === 0) return new Map();
  const rows = await db
    .select({
      initiativeId: initiativeUpdates.initiativeId,
      last: sql<string>`max(${initiativeUpdates.reportedOn})::text`,
    })
    .from(initiativeUpdates)
    .where(
      and(inArray(initiativeUpdates.initiativeId, initiativeIds), lte(initiativeUpdates.reportedOn, asOf)),
    )
    .groupBy(initiativeUpdates.initiativeId);
  return new Map(rows.map((row) => [row.initiativeId, row.last]));
}

/** Progress updates of an initiative, newest first, with their authors' names. */
export function listUpdates(db: Executor, initiativeId: string) {
  return db
    .select({ update: initiativeUpdates, authorName: users.displayName })
    .from(initiativeUpdates)
    .leftJoin(users, eq(users.id, initiativeUpdates.authorId))
    .where(eq(initiativeUpdates.initiativeId, initiativeId))
    .orderBy(desc(initiativeUpdates.reportedOn), desc(initiativeUpdates.createdAt));
}

/** KPIs of an initiative with their figures by year. */
export async function listKpis(db: Executor, initiativeId: string) {
  const kpis = await db
    .select()
    .from(initiativeKpis)
    .where(eq(initiativeKpis.initiativeId, initiativeId))
    .orderBy(asc(initiativeKpis.position));
  const years = kpis.length
    ? await db
        .select()
        .from(initiativeKpiYears)
        .where(
          inArray(
            initiativeKpiYears.kpiId,
            kpis.map((kpi) => kpi.id),
          ),
        )
        .orderBy(asc(initiativeKpiYears.fiscalYear))
    : [];
  return kpis.map((kpi) => ({ kpi, years: years.filter((year) => year.kpiId === kpi.id) }));
}

/** Inserts an initiative. */
export async function insertInitiative(
  db: Executor,
  values: typeof initiatives.$inferInsert,
): Promise<InitiativeRow> {
  const rows = await db.insert(initiatives).values(values).returning();
  return rows[0]!;
}

/** Changes an initiative and bumps its version. */
export async function updateInitiativeRow(
  db: Executor,
  row: InitiativeRow,
  values: Partial<typeof initiatives.$inferInsert>,
  now: Date = new Date(),
): Promise<InitiativeRow> {
  const rows = await db
    .update(initiatives)
    .set({ ...values, version: row.version + 1, updatedAt: now })
    .where(eq(initiatives.id, row.id))
    .returning();
  return rows[0]!;
}

/** Replaces the clusters of an initiative. */
export async function replaceClusters(db: Executor, initiativeId: string, clusterIds: string[]) {
  await db.delete(initiativeClusters).where(eq(initiativeClusters.initiativeId, initiativeId));
  if (clusterIds.length)
    await db.insert(initiativeClusters).values(clusterIds.map((clusterId) => ({ initiativeId, clusterId })));
}

/** Replaces the milestones of an initiative. */
export async function replaceMilestones(
  db: Executor,
  initiativeId: string,
  milestones: Omit<typeof initiativeMilestones.$inferInsert, 'initiativeId' | 'position'>[],
) {
  await db.delete(initiativeMilestones).where(eq(initiativeMilestones.initiativeId, initiativeId));
  if (milestones.length) {
    await db
      .insert(initiativeMilestones)
      .values(milestones.map((milestone, position) => ({ ...milestone, initiativeId, position })));
  }
}

/** Appends a progress update. */
export async function insertUpdate(
  db: Executor,
  values: typeof initiativeUpdates.$inferInsert,
): Promise<UpdateRow> {
  const rows = await db.insert(initiativeUpdates).values(values).returning();
  return rows[0]!;
}

/** Inserts or changes a KPI definition. */
export async function saveKpi(
  db: Executor,
  values: typeof initiativeKpis.$inferInsert & { id?: string },
): Promise<string> {
  if (values.id) {
    const { id, ...rest } = values;
    await db.update(initiativeKpis).set(rest).where(eq(initiativeKpis.id, id));
    return id;
  }
  const rows = await db.insert(initiativeKpis).values(values).returning({ id: initiativeKpis.id });
  return rows[0]!.id;
}

/** Removes KPIs (their yearly figures go with them). */
export async function deleteKpis(db: Executor, ids: string[]) {
  if (ids.length) await db.delete(initiativeKpis).where(inArray(initiativeKpis.id, ids));
}

/** Sets a KPI's target in a year, keeping its actual. */
export async function upsertKpiTarget(
  db: Executor,
  kpiId: string,
  fiscalYear: number,
  target: string | null,
) {
  await db
    .insert(initiativeKpiYears)
    .values({ kpiId, fiscalYear, target })
    .onConflictDoUpdate({
      target: [initiativeKpiYears.kpiId, initiativeKpiYears.fiscalYear],
      set: { target },
    });
}

/** Removes the year rows of a KPI that hold neither a target nor an actual. */
export async function pruneEmptyKpiYears(db: Executor, kpiId: string) {
  await db
    .delete(initiativeKpiYears)
    .where(
      and(
        eq(initiativeKpiYears.kpiId, kpiId),
        isNull(initiativeKpiYears.target),
        isNull(initiativeKpiYears.actual),
      ),
    );
}

/** Records a KPI's actual in a year. */
export async function setKpiActual(
  db: Executor,
  kpiId: string,
  fiscalYear: number,
  actual: string,
  note: string | null,
) {
  await db
    .update(initiativeKpiYears)
    .set({ actual, actualNote: note })
    .where(and(eq(initiativeKpiYears.kpiId, kpiId), eq(initiativeKpiYears.fiscalYear, fiscalYear)));
}

/** True when a bureau policy exists. */
export async function isBureauPolicy(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: bureauPolicies.id })
    .from(bureauPolicies)
    .where(eq(bureauPolicies.id, id))
    .limit(1);
  return rows.length > 0;
}

/** True when an analysis exists. */
export async function isAnalysis(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: analyses.id }).from(analyses).where(eq(analyses.id, id)).limit(1);
  return rows.length > 0;
}

/** Human labels for the sources this feature can name: bureau policies (latest title) and analyses (cluster). */
export async function sourceLabels(
  db: Executor,
  rows: Pick<InitiativeRow, 'sourceKind' | 'sourceId' | 'fiscalYear'>[],
) {
  const labels = new Map<string, string>();
  const policyIds = [
    ...new Set(
      rows.filter((row) => row.sourceKind === 'bureau_policy' && row.sourceId).map((row) => row.sourceId!),
    ),
  ];
  if (policyIds.length) {
    const policies = await db
      .select({ id: bureauPolicies.id, title: bureauPolicyVersions.title })
      .from(bureauPolicies)
      .innerJoin(
        bureauPolicyVersions,
        and(
          eq(bureauPolicyVersions.policyId, bureauPolicies.id),
          // The published text when there is one, otherwise the first version.
          eq(bureauPolicyVersions.versionNumber, sql`coalesce(${bureauPolicies.publishedVersionNumber}, 1)`),
        ),
      )
      .where(inArray(bureauPolicies.id, policyIds));
    for (const policy of policies) labels.set(policy.id, policy.title);
  }
  const analysisIds = [
    ...new Set(
      rows
        .filter((row) => row.sourceKind === 'analysis_direction' && row.sourceId)
        .map((row) => row.sourceId!),
    ),
  ];
  if (analysisIds.length) {
    const found = await db
      .select({
        id: analyses.id,
        number: clusterRevisions.number,
        name: clusterRevisions.name,
        fiscalYear: analyses.fiscalYear,
      })
      .from(analyses)
      .innerJoin(
        clusterRevisions,
        and(
          eq(clusterRevisions.clusterId, analyses.clusterId),
          lte(clusterRevisions.validFromFiscalYear, analyses.fiscalYear),
          or(
            isNull(clusterRevisions.validToFiscalYear),
            gte(clusterRevisions.validToFiscalYear, analyses.fiscalYear),
          ),
        ),
      )
      .where(inArray(analyses.id, analysisIds));
    for (const analysis of found)
      labels.set(analysis.id, `経営分析 ${analysis.number} ${analysis.name}（${analysis.fiscalYear}年度）`);
  }
  return labels;
}
