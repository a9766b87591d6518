import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import {
  type AnalysisListRow,
  clusterOwnersOfAnalysis,
  findAnalysisWithCluster,
} from './analyses.queries.ts';
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
  // One round: the analysis, its cluster's owners and the user's org units do not wait for each other.
  const [row, owners, covered] = await Promise.all([
    findAnalysisWithCluster(db, analysisId),
    clusterOwnersOfAnalysis(db, analysisId),
    coveredOrgUnits(db, user),
  ]);
  if (!row) throw notFound();
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
