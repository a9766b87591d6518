import { type AnalysisReportPatch, readStoredAnalysisReport } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { findReport, updateAnalysisRow, upsertReport } from './analyses.queries.ts';
import { assertDraftEditable, lockOpenAnalysis } from './analysis-guards.ts';

/**
 * Saves sections of the working copy: each section sent replaces the stored one, the others stay,
 * so two people editing different sections lose nothing; the If-Match version still guards the whole.
 */
export async function saveAnalysisReport(
  tx: Transaction,
  options: {
    analysisId: string;
    expectedVersion: number;
    sections: AnalysisReportPatch;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canEditReport(options.access));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  assertDraftEditable(analysis);
  const stored = await findReport(tx, analysis.id);
  const before = readStoredAnalysisReport(stored?.content) ?? readStoredAnalysisReport({})!;
  const after = { ...before };
  for (const [section, value] of Object.entries(options.sections)) {
    if (value !== undefined) (after as Record<string, unknown>)[section] = value;
  }
  await upsertReport(tx, analysis.id, after, options.actor.userId);
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version);
  const changed = Object.keys(options.sections);
  await recordAudit(tx, options.actor, {
    action: 'analysis.report.update',
    entityType: 'analysis',
    entityId: analysis.id,
    before: Object.fromEntries(
      changed.map((section) => [section, (before as Record<string, unknown>)[section]]),
    ),
    after: Object.fromEntries(
      changed.map((section) => [section, (after as Record<string, unknown>)[section]]),
    ),
  });
  return { analysis: updated, report: after };
}
