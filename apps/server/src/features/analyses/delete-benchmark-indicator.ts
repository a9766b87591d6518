import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { notFound } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { snapshotIndicator } from './analyses.presenter.ts';
import { updateAnalysisRow } from './analyses.queries.ts';
import { deleteIndicator, listIndicators } from './analysis-figures.queries.ts';
import { assertDraftEditable, lockOpenAnalysis } from './analysis-guards.ts';

/** Removes a benchmark indicator with its values. */
export async function deleteBenchmarkIndicator(
  tx: Transaction,
  options: {
    analysisId: string;
    indicatorId: string;
    expectedVersion: number;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canEditReport(options.access));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  assertDraftEditable(analysis);
  const indicator = (await listIndicators(tx, analysis.id)).find((row) => row.id === options.indicatorId);
  if (!indicator) throw notFound();
  await deleteIndicator(tx, indicator.id);
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version);
  await recordAudit(tx, options.actor, {
    action: 'analysis.benchmark.delete',
    entityType: 'analysis',
    entityId: analysis.id,
    before: { indicatorId: indicator.id, ...snapshotIndicator(indicator) },
  });
  return updated;
}
