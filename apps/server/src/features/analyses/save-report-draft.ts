import { type AnalysisReportSection, isAnalysisDraftEditable } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { findAnalysis } from './analyses.queries.ts';
import { insertReportDraft, lockReportDraft, updateReportDraft } from './analysis-drafts.queries.ts';

/**
 * Saves the draft of one report section as typed (autosave). It has its own version, so saving it
 * never makes a new version of the analysis or of the report; version 0 means "no draft yet".
 */
export async function saveReportDraft(
  tx: Transaction,
  options: {
    analysisId: string;
    section: AnalysisReportSection;
    expectedVersion: number;
    content: unknown;
    baseVersion: number;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canWriteDraft(options.access));
  const analysis = await findAnalysis(tx, options.analysisId);
  if (!analysis) throw notFound();
  if (analysis.closedAt !== null || !isAnalysisDraftEditable(analysis.reviewStatus)) {
    throw new AppError('conflict', {
      messages: {
        ja: '提出した報告書の審査中または終了した経営分析の下書きは保存できません。',
        en: 'The report is under review or the analysis is closed; no draft can be saved.',
      },
    });
  }
  const values = {
    content: options.content,
    baseVersion: options.baseVersion,
    updatedBy: options.actor.userId,
  };
  let saved: Awaited<ReturnType<typeof updateReportDraft>> | null;
  if (options.expectedVersion === 0) {
    saved = await insertReportDraft(tx, { analysisId: analysis.id, section: options.section, ...values });
    // Someone saved a first draft of this section in between.
    if (!saved) throw new AppError('precondition_failed');
  } else {
    const current = await lockReportDraft(tx, analysis.id, options.section);
    // Gone means it was saved to the working copy or discarded since: the base has moved.
    if (!current) throw new AppError('precondition_failed');
    assertVersion(options.expectedVersion, current.version);
    saved = await updateReportDraft(tx, current, values);
  }
  // The text itself stays out of the audit trail: autosave writes often; who and when is what matters.
  await recordAudit(tx, options.actor, {
    action: 'analysis.draft.save',
    entityType: 'analysis',
    entityId: analysis.id,
    after: { section: options.section, version: saved.version, baseVersion: options.baseVersion },
  });
  return saved;
}
