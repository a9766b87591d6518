import {
  type AnalysisDirectionKind,
  type AnalysisStage,
  analysisStageMoveRefusalMessage,
  checkAnalysisStageMove,
  isAnalysisReportingStage,
  isoDateOf,
  reviewStatusAfterStageMove,
} from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { insertTransition, latestVersion, updateAnalysisRow, updateVersion } from './analyses.queries.ts';
import { lockOpenAnalysis, meetingOfYear } from './analysis-guards.ts';

/**
 * Moves an analysis to its next stage as the domain's state machine allows. A report stage
 * consumes the accepted submission, which becomes the version reported at the X meeting.
 */
export async function moveAnalysisStage(
  tx: Transaction,
  options: {
    analysisId: string;
    expectedVersion: number;
    to: AnalysisStage;
    meetingId: string | null;
    reportedOn: string | null;
    directionKind: AnalysisDirectionKind | null;
    note: string;
    access: AnalysisAccess;
    actor: Actor;
    now?: Date;
  },
) {
  authorize(analysisPolicy.canMoveStage(options.access, options.to));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  const latest = await latestVersion(tx, analysis.id);
  const acceptedReport =
    latest?.status === 'accepted' && isAnalysisReportingStage(latest.report) ? latest.report : null;
  const decision = checkAnalysisStageMove({
    from: analysis.stage,
    to: options.to,
    reviewStatus: analysis.reviewStatus,
    acceptedReport,
    hasMeeting: options.meetingId !== null,
    directionKind: options.directionKind,
  });
  if (!decision.ok) {
    throw new AppError('invalid_transition', { messages: analysisStageMoveRefusalMessage(decision.reason) });
  }
  const meeting = options.meetingId ? await meetingOfYear(tx, options.meetingId, analysis.fiscalYear) : null;
  const isReport = isAnalysisReportingStage(options.to);
  const reportedOn =
    options.reportedOn ?? meeting?.actualDate ?? (isReport ? isoDateOf(options.now ?? new Date()) : null);
  const transitionId = await insertTransition(tx, {
    analysisId: analysis.id,
    fromStage: analysis.stage,
    toStage: options.to,
    meetingId: meeting?.id ?? null,
    reportedOn,
    directionKind: options.directionKind,
    versionId: isReport && latest ? latest.id : null,
    note: options.note,
    actorId: options.actor.userId,
  });
  if (isReport && latest) await updateVersion(tx, latest.id, { status: 'reported', transitionId });
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version, {
    stage: options.to,
    reviewStatus: reviewStatusAfterStageMove(options.to, analysis.reviewStatus),
  });
  await recordAudit(tx, options.actor, {
    action: 'analysis.stage.move',
    entityType: 'analysis',
    entityId: analysis.id,
    before: { stage: analysis.stage, reviewStatus: analysis.reviewStatus },
    after: {
      stage: updated.stage,
      reviewStatus: updated.reviewStatus,
      transitionId,
      meetingId: meeting?.id ?? null,
      reportedOn,
      directionKind: options.directionKind,
      versionNumber: isReport ? (latest?.number ?? null) : null,
    },
  });
  return { analysis: updated, transitionId };
}
