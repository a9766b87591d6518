import { readStoredAnalysisReport } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { presentEffectLine, snapshotIndicator, type VersionContent } from './analyses.presenter.ts';
import { findReport } from './analyses.queries.ts';
import { listEffects, listIndicators } from './analysis-figures.queries.ts';

/** What a submission freezes now: the working copy's sections, the effect lines and the indicators. */
export async function currentVersionContent(db: Executor, analysisId: string): Promise<VersionContent> {
  // One after another: inside a transaction the queries share one connection.
  const report = await findReport(db, analysisId);
  const effects = await listEffects(db, analysisId);
  const indicators = await listIndicators(db, analysisId);
  return {
    sections: readStoredAnalysisReport(report?.content) ?? readStoredAnalysisReport({})!,
    effects: effects.map(presentEffectLine),
    benchmarks: indicators.map(snapshotIndicator),
  };
}
