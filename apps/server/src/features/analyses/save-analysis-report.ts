import { type AnalysisReportPatch, readStoredAnalysisReport } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { existingNeedIds, findReport, updateAnalysisRow, upsertReport } from './analyses.queries.ts';
import { deleteReportDrafts } from './analysis-drafts.queries.ts';
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
  await assertCitedNeedsExist(tx, options.sections);
  const stored = await findReport(tx, analysis.id);
  const before = readStoredAnalysisReport(stored?.content) ?? readStoredAnalysisReport({})!;
  const after = { ...before };
  for (const [section, value] of Object.entries(options.sections)) {
    if (value !== undefined) (after as Record<string, unknown>)[section] = value;
  }
  await upsertReport(tx, analysis.id, after, options.actor.userId);
  // A section saved to the working copy is no longer a draft.
  await deleteReportDrafts(tx, analysis.id, Object.keys(options.sections));
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

/** 422 when the ニーズ・課題 section cites a need that does not exist (nothing is written). */
async function assertCitedNeedsExist(tx: Transaction, sections: AnalysisReportPatch): Promise<void> {
  const cited = sections.needs?.needIds ?? [];
  if (cited.length === 0) return;
  const found = await existingNeedIds(tx, cited);
  const missing = cited.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '引用したニーズ・課題が見つかりません。一覧から選び直してください。',
        en: 'A cited need does not exist. Choose it again from the list.',
      },
      fieldErrors: missing
        .map(() => ({
          path: 'sections.needs.needIds',
          messages: {
            ja: '引用したニーズ・課題が見つかりません。',
            en: 'A cited need does not exist.',
          },
        }))
        .slice(0, 1),
    });
  }
}
