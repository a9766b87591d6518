import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { deleteAnalysisWithDependents, latestVersion, lockAnalysis } from './analyses.queries.ts';

/** Takes a cluster off a year's plan: only while the analysis is planned and nothing was submitted. */
export async function deleteAnalysis(
  tx: Transaction,
  options: { analysisId: string; expectedVersion: number; actor: Actor },
) {
  const analysis = await lockAnalysis(tx, options.analysisId);
  if (!analysis) throw notFound();
  assertVersion(options.expectedVersion, analysis.version);
  if (analysis.stage !== 'planned' || (await latestVersion(tx, analysis.id)) !== null) {
    throw new AppError('conflict', {
      messages: {
        ja: '着手済みまたは提出済みの経営分析は計画から外せません。',
        en: 'An analysis already started or submitted cannot be taken off the plan.',
      },
    });
  }
  await deleteAnalysisWithDependents(tx, analysis.id);
  await recordAudit(tx, options.actor, {
    action: 'analysis.plan.delete',
    entityType: 'analysis',
    entityId: analysis.id,
    before: analysis,
  });
}
