import {
  type AnalysisReportingStage,
  type AnalysisReviewAction,
  analysisReviewActionLabel,
  analysisReviewStatusLabel,
  nextAnalysisReviewStatus,
  submittableReports,
} from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import {
  insertComment,
  insertVersion,
  latestVersion,
  updateAnalysisRow,
  updateVersion,
} from './analyses.queries.ts';
import { lockOpenAnalysis } from './analysis-guards.ts';
import { currentVersionContent } from './version-snapshot.ts';

/**
 * One step of the review of a report: the department submits (freezing a version) or withdraws,
 * the bureau head approves or returns, the reform office accepts or returns. A return carries a
 * comment, kept on the returned version.
 */
export async function reviewAnalysis(
  tx: Transaction,
  options: {
    analysisId: string;
    expectedVersion: number;
    action: AnalysisReviewAction;
    report?: AnalysisReportingStage;
    comment?: string;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  authorize(analysisPolicy.canReview(options.access, options.action, analysis.reviewStatus));
  const nextStatus = nextAnalysisReviewStatus(analysis.reviewStatus, options.action);
  if (nextStatus === null) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: `「${analysisReviewStatusLabel(analysis.reviewStatus)}」の報告書は「${analysisReviewActionLabel(options.action)}」できません。`,
        en: `A report that is ${analysisReviewStatusLabel(analysis.reviewStatus, 'en').toLowerCase()} cannot be given “${analysisReviewActionLabel(options.action, 'en')}”.`,
      },
    });
  }
  const now = new Date();
  const userId = options.actor.userId;
  const latest = await latestVersion(tx, analysis.id);
  let versionNumber: number;

  if (options.action === 'submit') {
    const allowed = submittableReports(analysis.stage);
    const report = options.report ?? allowed[0];
    if (report === undefined || !allowed.includes(report)) {
      throw new AppError('invalid_transition', {
        messages: {
          ja: 'この段階では、その報告は提出できません（実施予定の分析は、まず着手してください）。',
          en: 'That report cannot be submitted at this stage (a planned analysis must be started first).',
        },
      });
    }
    const content = await currentVersionContent(tx, analysis.id);
    const created = await insertVersion(tx, {
      analysisId: analysis.id,
      number: (latest?.number ?? 0) + 1,
      report,
      status: 'submitted',
      content,
      submittedBy: userId,
      submittedAt: now,
    });
    versionNumber = created.number;
  } else {
    // Every other action works on the submission the status refers to: the newest version.
    if (!latest) throw new AppError('invalid_transition');
    versionNumber = latest.number;
    const changes: Parameters<typeof updateVersion>[2] =
      options.action === 'withdraw'
        ? { status: 'withdrawn' }
        : options.action === 'approve'
          ? { status: 'approved', approvedBy: userId, approvedAt: now }
          : options.action === 'accept'
            ? { status: 'accepted', reviewedBy: userId, reviewedAt: now }
            : { status: 'returned', reviewedBy: userId, reviewedAt: now };
    await updateVersion(tx, latest.id, changes);
  }
  if (options.action === 'return') {
    const body = options.comment?.trim() ?? '';
    if (!body) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            path: 'comment',
            messages: { ja: '差戻しの理由を入力してください。', en: 'Say why the report is returned.' },
          },
        ],
      });
    }
    await insertComment(tx, {
      analysisId: analysis.id,
      versionNumber,
      section: null,
      body,
      authorId: userId,
    });
  } else if (options.comment?.trim()) {
    await insertComment(tx, {
      analysisId: analysis.id,
      versionNumber,
      section: null,
      body: options.comment.trim(),
      authorId: userId,
    });
  }
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version, { reviewStatus: nextStatus });
  await recordAudit(tx, options.actor, {
    action: `analysis.review.${options.action}`,
    entityType: 'analysis',
    entityId: analysis.id,
    before: { reviewStatus: analysis.reviewStatus, latestVersion: latest?.number ?? null },
    after: { reviewStatus: nextStatus, versionNumber, comment: options.comment?.trim() || undefined },
  });
  return { analysis: updated, versionNumber };
}
