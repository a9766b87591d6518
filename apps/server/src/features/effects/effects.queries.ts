import type { EffectCategory, EffectSourceKind, EffectStage } from '@totonoe/domain';
import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisVersions,
  clusterGroups,
  clusterOwners,
  clusterRevisions,
  effects,
  effectTargets,
  initiativeClusters,
  initiatives,
} from '../../db/schema/index.ts';

export type EffectRow = typeof effects.$inferSelect;
export type TargetRow = typeof effectTargets.$inferSelect;

export type EffectFilter = {
  targetId?: string;
  fiscalYear?: number;
  sourceKind?: EffectSourceKind;
  sourceId?: string;
  orgUnitIds?: string[];
  stage?: EffectStage;
  category?: EffectCategory;
};

/** The ledger lines matching a filter, by year then title. */
export function listEffects(db: Executor, filter: EffectFilter): Promise<EffectRow[]> {
  if (filter.orgUnitIds?.length === 0) return Promise.resolve([]);
  const conditions: SQL[] = [];
  if (filter.targetId) conditions.push(eq(effects.targetId, filter.targetId));
  if (filter.fiscalYear) conditions.push(eq(effects.fiscalYear, filter.fiscalYear));
  if (filter.sourceKind) conditions.push(eq(effects.sourceKind, filter.sourceKind));
  if (filter.sourceId) conditions.push(eq(effects.sourceId, filter.sourceId));
  if (filter.orgUnitIds) conditions.push(inArray(effects.orgUnitId, filter.orgUnitIds));
  if (filter.stage) conditions.push(eq(effects.stage, filter.stage));
  if (filter.category) conditions.push(eq(effects.category, filter.category));
  return db
    .select()
    .from(effects)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(effects.fiscalYear), asc(effects.title), asc(effects.id));
}

/** One ledger line, or null. */
export async function findEffect(db: Executor, id: string): Promise<EffectRow | null> {
  const rows = await db.select().from(effects).where(eq(effects.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One ledger line locked for update, or null. */
export async function lockEffect(db: Executor, id: string): Promise<EffectRow | null> {
  const rows = await db.select().from(effects).where(eq(effects.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Inserts a ledger line. */
export async function insertEffect(db: Executor, values: typeof effects.$inferInsert): Promise<EffectRow> {
  const rows = await db.insert(effects).values(values).returning();
  return rows[0]!;
}

/** Changes a ledger line and bumps its version. */
export async function updateEffectRow(
  db: Executor,
  row: EffectRow,
  values: Partial<typeof effects.$inferInsert>,
) {
  const rows = await db
    .update(effects)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(eq(effects.id, row.id))
    .returning();
  return rows[0]!;
}

/** Removes a ledger line. */
export async function deleteEffectRow(db: Executor, id: string) {
  await db.delete(effects).where(eq(effects.id, id));
}

/** Every programme target, newest span first. */
export function listTargets(db: Executor): Promise<TargetRow[]> {
  return db.select().from(effectTargets).orderBy(asc(effectTargets.startFiscalYear), asc(effectTargets.name));
}

/** One target, or null. */
export async function findTarget(db: Executor, id: string): Promise<TargetRow | null> {
  const rows = await db.select().from(effectTargets).where(eq(effectTargets.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One target locked for update, or null. */
export async function lockTarget(db: Executor, id: string): Promise<TargetRow | null> {
  const rows = await db.select().from(effectTargets).where(eq(effectTargets.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Inserts a target. */
export async function insertTarget(
  db: Executor,
  values: typeof effectTargets.$inferInsert,
): Promise<TargetRow> {
  const rows = await db.insert(effectTargets).values(values).returning();
  return rows[0]!;
}

/** Changes a target and bumps its version. */
export async function updateTargetRow(
  db: Executor,
  row: TargetRow,
  values: Partial<typeof effectTargets.$inferInsert>,
) {
  const rows = await db
    .update(effectTargets)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(eq(effectTargets.id, row.id))
    .returning();
  return rows[0]!;
}

/** The fiscal years of a target's lines, for checking a new span against them. */
export async function effectYearsOfTarget(db: Executor, targetId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: effects.fiscalYear })
    .from(effects)
    .where(eq(effects.targetId, targetId));
  return rows.map((row) => row.year);
}

/** An analysis's cluster and lead unit, or null. */
export async function findAnalysisBasics(db: Executor, id: string) {
  const rows = await db
    .select({
      id: analyses.id,
      clusterId: analyses.clusterId,
      leadOrgUnitId: analyses.leadOrgUnitId,
      fiscalYear: analyses.fiscalYear,
    })
    .from(analyses)
    .where(eq(analyses.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** The clusters of an initiative. */
export async function clustersOfInitiative(db: Executor, initiativeId: string): Promise<string[]> {
  const rows = await db
    .select({ clusterId: initiativeClusters.clusterId })
    .from(initiativeClusters)
    .where(eq(initiativeClusters.initiativeId, initiativeId));
  return rows.map((row) => row.clusterId);
}

/** True when a cluster exists. */
export async function isCluster(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: clusterRevisions.clusterId })
    .from(clusterRevisions)
    .where(eq(clusterRevisions.clusterId, id))
    .limit(1);
  return rows.length > 0;
}

/** Cluster number, name and group as they stood in each asked-for year. */
export async function clusterFacts(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select({
      clusterId: clusterRevisions.clusterId,
      number: clusterRevisions.number,
      name: clusterRevisions.name,
      group: clusterRevisions.groupCode,
      from: clusterRevisions.validFromFiscalYear,
      to: clusterRevisions.validToFiscalYear,
    })
    .from(clusterRevisions)
    .where(inArray(clusterRevisions.clusterId, unique));
}

/** The cluster groups with their names. */
export function listClusterGroups(db: Executor) {
  return db
    .select({ code: clusterGroups.code, name: clusterGroups.name, nameEn: clusterGroups.nameEn })
    .from(clusterGroups)
    .orderBy(asc(clusterGroups.sortOrder));
}

/**
 * The newest version of each analysis that the reform office accepted (受理) or that was reported
 * at an X meeting, with the content it froze (its 効果額 lines among it): the analysis figures the
 * ledger counts. Working copies never count (they are drafts, and not every ledger reader may read them).
 */
export function listAcceptedAnalysisVersions(db: Executor) {
  return db
    .selectDistinctOn([analysisVersions.analysisId], {
      analysisId: analysisVersions.analysisId,
      versionNumber: analysisVersions.number,
      content: analysisVersions.content,
      fiscalYear: analyses.fiscalYear,
      clusterId: analyses.clusterId,
      leadOrgUnitId: analyses.leadOrgUnitId,
    })
    .from(analysisVersions)
    .innerJoin(analyses, eq(analyses.id, analysisVersions.analysisId))
    .where(inArray(analysisVersions.status, ['accepted', 'reported']))
    .orderBy(asc(analysisVersions.analysisId), desc(analysisVersions.number));
}

/** The first owning unit of each cluster (for an analysis without a lead unit). */
export async function firstClusterOwners(db: Executor, clusterIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(clusterIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ clusterId: clusterOwners.clusterId, orgUnitId: clusterOwners.orgUnitId })
    .from(clusterOwners)
    .where(inArray(clusterOwners.clusterId, unique))
    .orderBy(asc(clusterOwners.clusterId), asc(clusterOwners.orgUnitId));
  const owners = new Map<string, string>();
  for (const row of rows) if (!owners.has(row.clusterId)) owners.set(row.clusterId, row.orgUnitId);
  return owners;
}

/**
 * Analyses whose effects the ledger books itself: lines booked against the analysis, or against an
 * initiative that carries out its direction (取組 from 経営分析の改革の方向性).
 */
export async function analysesBookedInLedger(db: Executor): Promise<Set<string>> {
  const direct = await db
    .selectDistinct({ id: effects.sourceId })
    .from(effects)
    .where(eq(effects.sourceKind, 'analysis'));
  const throughInitiatives = await db
    .selectDistinct({ id: initiatives.sourceId })
    .from(effects)
    .innerJoin(initiatives, and(eq(effects.sourceKind, 'initiative'), eq(initiatives.id, effects.sourceId)))
    .where(and(eq(initiatives.sourceKind, 'analysis_direction'), isNotNull(initiatives.sourceId)));
  return new Set(
    [...direct, ...throughInitiatives].map((row) => row.id).filter((id): id is string => id !== null),
  );
}
