import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  analyses,
  analysisBenchmarkIndicators,
  analysisBenchmarkValues,
  bureauPolicies,
  clusterOwners,
  clusterRevisions,
  effects,
  effectTargets,
  initiativeClusters,
  initiatives,
} from '../../db/schema/index.ts';

/**
 * Lookups the imports of initiatives, effects and benchmark values check rows against: cluster
 * numbers by fiscal year, analyses, bureau policies, and the existing records in the import's terms.
 */

/** Every revision's cluster number with the fiscal years it holds for. */
export function listClusterNumbers(db: Executor) {
  return db
    .select({
      clusterId: clusterRevisions.clusterId,
      number: clusterRevisions.number,
      validFrom: clusterRevisions.validFromFiscalYear,
      validTo: clusterRevisions.validToFiscalYear,
    })
    .from(clusterRevisions);
}

export type ClusterNumberRow = Awaited<ReturnType<typeof listClusterNumbers>>[number];

/** Cluster numbers in a fiscal year, both ways. */
export type ClusterNumbers = {
  idOf(fiscalYear: number, number: number): string | null;
  numberOf(clusterId: string, fiscalYear: number): number | null;
};

/** Builds the number lookups from the revisions (the latest revision when none holds in the year). */
export function clusterNumbersOf(rows: ClusterNumberRow[]): ClusterNumbers {
  const holds = (row: ClusterNumberRow, year: number) =>
    row.validFrom <= year && (row.validTo === null || row.validTo >= year);
  return {
    idOf: (fiscalYear, number) =>
      rows.find((row) => row.number === number && holds(row, fiscalYear))?.clusterId ?? null,
    numberOf: (clusterId, fiscalYear) => {
      const revisions = rows.filter((row) => row.clusterId === clusterId);
      const inYear = revisions.find((row) => holds(row, fiscalYear));
      const latest = revisions.sort((a, b) => b.validFrom - a.validFrom)[0];
      return (inYear ?? latest)?.number ?? null;
    },
  };
}

/** Every analysis with what an import checks: its year, cluster, owners' lead unit and review state. */
export function listAnalysisKeys(db: Executor) {
  return db
    .select({
      id: analyses.id,
      clusterId: analyses.clusterId,
      fiscalYear: analyses.fiscalYear,
      leadOrgUnitId: analyses.leadOrgUnitId,
      reviewStatus: analyses.reviewStatus,
      closedAt: analyses.closedAt,
    })
    .from(analyses);
}

/** Owning org units (所管組織) of every cluster. */
export function listClusterOwnerPairs(db: Executor) {
  return db
    .select({ clusterId: clusterOwners.clusterId, orgUnitId: clusterOwners.orgUnitId })
    .from(clusterOwners);
}

/** Every bureau policy's unit and year. */
export function listBureauPolicyKeys(db: Executor) {
  return db
    .select({
      id: bureauPolicies.id,
      orgUnitId: bureauPolicies.orgUnitId,
      fiscalYear: bureauPolicies.fiscalYear,
    })
    .from(bureauPolicies);
}

/** Every initiative with its clusters, in a stable order. */
export async function listInitiativesForImport(db: Executor) {
  const rows = await db
    .select({
      id: initiatives.id,
      fiscalYear: initiatives.fiscalYear,
      title: initiatives.title,
      summary: initiatives.summary,
      sourceKind: initiatives.sourceKind,
      sourceId: initiatives.sourceId,
      ownerOrgUnitId: initiatives.ownerOrgUnitId,
      status: initiatives.status,
      health: initiatives.health,
      updateCadence: initiatives.updateCadence,
      version: initiatives.version,
    })
    .from(initiatives)
    .orderBy(asc(initiatives.fiscalYear), asc(initiatives.createdAt), asc(initiatives.id));
  const links = await db
    .select({ initiativeId: initiativeClusters.initiativeId, clusterId: initiativeClusters.clusterId })
    .from(initiativeClusters);
  const clustersByInitiative = new Map<string, string[]>();
  for (const link of links) {
    const list = clustersByInitiative.get(link.initiativeId) ?? [];
    list.push(link.clusterId);
    clustersByInitiative.set(link.initiativeId, list);
  }
  return rows.map((row) => ({ ...row, clusterIds: clustersByInitiative.get(row.id) ?? [] }));
}

export type InitiativeForImport = Awaited<ReturnType<typeof listInitiativesForImport>>[number];

/** Every line of the effect ledger, in a stable order. */
export function listEffectsForImport(db: Executor) {
  return db.select().from(effects).orderBy(asc(effects.fiscalYear), asc(effects.createdAt), asc(effects.id));
}

/** The programme targets by name. */
export function listTargetNames(db: Executor) {
  return db
    .select({
      id: effectTargets.id,
      name: effectTargets.name,
      startFiscalYear: effectTargets.startFiscalYear,
      endFiscalYear: effectTargets.endFiscalYear,
    })
    .from(effectTargets);
}

/** Every benchmark indicator's analysis and name. */
export function listIndicatorNames(db: Executor) {
  return db
    .select({
      id: analysisBenchmarkIndicators.id,
      analysisId: analysisBenchmarkIndicators.analysisId,
      name: analysisBenchmarkIndicators.name,
    })
    .from(analysisBenchmarkIndicators);
}

/** Every benchmark value with its indicator, in the order the analysis screen shows them. */
export function listBenchmarkValuesForImport(db: Executor) {
  return db
    .select({
      indicatorId: analysisBenchmarkValues.indicatorId,
      subject: analysisBenchmarkValues.subject,
      isOwnCity: analysisBenchmarkValues.isOwnCity,
      year: analysisBenchmarkValues.year,
      value: analysisBenchmarkValues.value,
    })
    .from(analysisBenchmarkValues)
    .innerJoin(
      analysisBenchmarkIndicators,
      eq(analysisBenchmarkIndicators.id, analysisBenchmarkValues.indicatorId),
    )
    .orderBy(
      asc(analysisBenchmarkIndicators.analysisId),
      asc(analysisBenchmarkIndicators.position),
      asc(analysisBenchmarkValues.year),
      desc(analysisBenchmarkValues.isOwnCity),
      asc(analysisBenchmarkValues.subject),
    );
}
