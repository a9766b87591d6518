import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { type AnalysisListRow, clusterOwnersOf, findAnalysisWithCluster } from './analyses.queries.ts';
import { accessFor, coveredOrgUnits } from './analysis-ownership.ts';

export type AnalysisContext = {
  row: AnalysisListRow;
  owners: { id: string; name: string }[];
  access: AnalysisAccess;
};

/**
 * Loads an analysis with what the user is to it; 404 when it does not exist or the user may not
 * even know of it (an unpublished analysis asked for without a session).
 */
export async function loadAnalysisContext(
  db: Executor,
  user: CurrentUser | null,
  analysisId: string,
): Promise<AnalysisContext> {
  const row = await findAnalysisWithCluster(db, analysisId);
  if (!row) throw notFound();
  const [ownersByCluster, covered] = await Promise.all([
    clusterOwnersOf(db, [row.analysis.clusterId]),
    coveredOrgUnits(db, user),
  ]);
  const owners = ownersByCluster.get(row.analysis.clusterId) ?? [];
  const owningOrgUnitIds = [row.analysis.leadOrgUnitId, ...owners.map((owner) => owner.id)].filter(
    (id): id is string => id !== null,
  );
  const access = accessFor(user, covered, owningOrgUnitIds);
  if (!analysisPolicy.canReadPlan(access, row.analysis)) throw notFound();
  return { row, owners, access };
}

/** Loads an analysis whose working copy the user must be allowed to read; 404 otherwise, so guessing ids reveals nothing. */
export async function loadWorkingCopyContext(
  db: Executor,
  user: CurrentUser | null,
  analysisId: string,
): Promise<AnalysisContext> {
  const context = await loadAnalysisContext(db, user, analysisId);
  if (!analysisPolicy.canReadWorkingCopy(context.access)) throw notFound();
  return context;
}
