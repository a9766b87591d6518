import type { z } from '@hono/zod-openapi';
import {
  ANALYSIS_DIRECTION_KINDS,
  analysisReviewActionsFrom,
  checkAnalysisStageMove,
  isAnalysisDraftEditable,
  isAnalysisReportingStage,
  nextAnalysisStages,
  readStoredAnalysisReport,
  submittableReports,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { analysisPolicy } from './analyses.policy.ts';
import {
  type analysisDetailSchema,
  type analysisPermissionsSchema,
  presentAnalysisSummary,
  presentTransition,
} from './analyses.presenter.ts';
import {
  type AnalysisRow,
  dueMeetingsOf,
  findReport,
  latestVersion,
  listTransitions,
  meetingsOfRows,
  type VersionSummaryRow,
} from './analyses.queries.ts';
import type { AnalysisContext } from './analysis-context.ts';

/** What the person may do with the analysis now, so screens show only the actions that will work. */
export function permissionsFor(
  context: AnalysisContext,
  analysis: AnalysisRow,
  latest: VersionSummaryRow | null,
): z.infer<typeof analysisPermissionsSchema> {
  const { access } = context;
  const isOpen = analysis.closedAt === null;
  const status = analysis.reviewStatus;
  const reviewActions = isOpen
    ? analysisReviewActionsFrom(status).filter(
        (action) =>
          analysisPolicy.canReview(access, action, status) &&
          (action !== 'submit' || submittableReports(analysis.stage).length > 0),
      )
    : [];
  const acceptedReport =
    latest?.status === 'accepted' && isAnalysisReportingStage(latest.report) ? latest.report : null;
  const stageMoves = isOpen
    ? nextAnalysisStages(analysis.stage).filter(
        (to) =>
          analysisPolicy.canMoveStage(access, to) &&
          checkAnalysisStageMove({
            from: analysis.stage,
            to,
            reviewStatus: status,
            acceptedReport,
            hasMeeting: true,
            directionKind: to === 'direction_reported' ? ANALYSIS_DIRECTION_KINDS[0] : null,
          }).ok,
      )
    : [];
  return {
    canEditPlan: isOpen && analysisPolicy.canPlan(access.user),
    canEditReport: isOpen && analysisPolicy.canEditReport(access) && isAnalysisDraftEditable(status),
    reviewActions,
    submittableReports: reviewActions.includes('submit') ? [...submittableReports(analysis.stage)] : [],
    stageMoves,
    canComment: analysisPolicy.canComment(access),
    canUploadAttachment: isOpen && analysisPolicy.canUploadAttachment(access),
    canPublish: analysisPolicy.canPublish(access.user),
    canReadWorkingCopy: analysisPolicy.canReadWorkingCopy(access),
  };
}

/** Builds the full view of one analysis for the person asking: the working copy only for those who may read it. */
export async function getAnalysisDetail(
  db: Executor,
  context: AnalysisContext,
): Promise<z.infer<typeof analysisDetailSchema>> {
  const { row, access } = context;
  const analysis = row.analysis;
  const canReadWorkingCopy = analysisPolicy.canReadWorkingCopy(access);
  const [dueByAnalysis, transitions, report, latest] = await Promise.all([
    dueMeetingsOf(db, [analysis.id]),
    listTransitions(db, analysis.id),
    canReadWorkingCopy ? findReport(db, analysis.id) : Promise.resolve(null),
    latestVersion(db, analysis.id),
  ]);
  const meetingsById = meetingsOfRows(transitions);
  const last = transitions.at(-1)?.transition ?? null;
  const isSignedIn = access.user !== null;
  const summary = presentAnalysisSummary(row, {
    dueMeetings: dueByAnalysis.get(analysis.id) ?? [],
    lastTransition: last,
    meetingsById,
    isReviewVisible: canReadWorkingCopy,
    isSignedIn,
  });
  return {
    ...summary,
    cluster: { ...summary.cluster, owningOrgUnits: context.owners },
    closedReason: isSignedIn ? analysis.closedReason : null,
    rolledOverFromId: analysis.rolledOverFromId,
    transitions: transitions.map((transition) => presentTransition(transition, meetingsById, isSignedIn)),
    report: canReadWorkingCopy
      ? (readStoredAnalysisReport(report?.content) ?? readStoredAnalysisReport({}))
      : null,
    reportUpdatedAt: canReadWorkingCopy ? (report?.updatedAt.toISOString() ?? null) : null,
    reportUpdatedBy:
      canReadWorkingCopy && report?.updatedByName ? { displayName: report.updatedByName } : null,
    latestVersion:
      canReadWorkingCopy && latest
        ? { number: latest.number, report: latest.report, status: latest.status }
        : null,
    permissions: permissionsFor(context, analysis, latest),
  };
}
