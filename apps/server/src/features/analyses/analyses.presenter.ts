import { z } from '@hono/zod-openapi';
import {
  ANALYSIS_DIRECTION_KINDS,
  ANALYSIS_REPORT_SECTIONS,
  ANALYSIS_REPORTING_STAGES,
  ANALYSIS_REVIEW_ACTIONS,
  ANALYSIS_REVIEW_STATUSES,
  ANALYSIS_STAGES,
  type AnalysisReport,
  analysisReportSchema,
  BENCHMARK_DIRECTIONS,
  CLUSTER_GROUPS,
  CLUSTER_KINDS,
  fiscalYearLabel,
  preciseDateLabel,
  rankOwnCity,
} from '@totonoe/domain';
import type {
  AnalysisListRow,
  CommentListRow,
  MeetingRefRow,
  TransitionListRow,
  VersionSummaryRow,
} from './analyses.queries.ts';
import type { EffectRow, IndicatorWithValues } from './analysis-figures.queries.ts';

export const VERSION_STATUSES = [
  'submitted',
  'approved',
  'returned',
  'accepted',
  'withdrawn',
  'reported',
] as const;

export const meetingRefSchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    plannedLabel: z.string(),
    actualDate: z.string().nullable(),
  })
  .openapi('MeetingRef');

const personSchema = z.object({ id: z.string().uuid(), displayName: z.string() });
const orgUnitRefSchema = z.object({ id: z.string().uuid(), name: z.string() });

const clusterRefSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  name: z.string(),
  group: z.object({ code: z.enum(CLUSTER_GROUPS), name: z.string() }),
  kind: z.object({ code: z.enum(CLUSTER_KINDS), name: z.string() }).nullable(),
});

const dueMeetingSchema = z.object({ stage: z.enum(ANALYSIS_STAGES), meeting: meetingRefSchema });

export const analysisSummarySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    fiscalYearLabel: z.string(),
    cluster: clusterRefSchema,
    stage: z.enum(ANALYSIS_STAGES),
    /** Null for those who may not see the review (the public and staff outside the owning bureau). */
    reviewStatus: z.enum(ANALYSIS_REVIEW_STATUSES).nullable(),
    leadOrgUnit: orgUnitRefSchema.nullable(),
    contact: personSchema.nullable(),
    dueMeetings: z.array(dueMeetingSchema),
    lastReport: z
      .object({
        stage: z.enum(ANALYSIS_STAGES),
        reportedOn: z.string().nullable(),
        meeting: meetingRefSchema.nullable(),
      })
      .nullable(),
    isPublished: z.boolean(),
    isClosed: z.boolean(),
    version: z.number().int(),
  })
  .openapi('AnalysisSummary');

export const transitionSchema = z
  .object({
    id: z.string().uuid(),
    fromStage: z.enum(ANALYSIS_STAGES),
    toStage: z.enum(ANALYSIS_STAGES),
    meeting: meetingRefSchema.nullable(),
    reportedOn: z.string().nullable(),
    directionKind: z.enum(ANALYSIS_DIRECTION_KINDS).nullable(),
    versionNumber: z.number().int().nullable(),
    note: z.string(),
    actor: z.object({ displayName: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('AnalysisTransition');

export const analysisPermissionsSchema = z
  .object({
    canEditPlan: z.boolean(),
    canEditReport: z.boolean(),
    reviewActions: z.array(z.enum(ANALYSIS_REVIEW_ACTIONS)),
    /** The reports a submission may be for now (the first is the default). */
    submittableReports: z.array(z.enum(ANALYSIS_REPORTING_STAGES)),
    stageMoves: z.array(z.enum(ANALYSIS_STAGES)),
    canComment: z.boolean(),
    canUploadAttachment: z.boolean(),
    canPublish: z.boolean(),
    canReadWorkingCopy: z.boolean(),
  })
  .openapi('AnalysisPermissions');

const versionRefSchema = z.object({
  number: z.number().int(),
  report: z.enum(ANALYSIS_STAGES),
  status: z.enum(VERSION_STATUSES),
});

export const analysisDetailSchema = analysisSummarySchema
  .extend({
    cluster: clusterRefSchema.extend({ owningOrgUnits: z.array(orgUnitRefSchema) }),
    closedReason: z.string().nullable(),
    rolledOverFromId: z.string().uuid().nullable(),
    transitions: z.array(transitionSchema),
    /** The working copy; null for those who may not read it. */
    report: analysisReportSchema.nullable(),
    reportUpdatedAt: z.string().nullable(),
    reportUpdatedBy: z.object({ displayName: z.string() }).nullable(),
    latestVersion: versionRefSchema.nullable(),
    permissions: analysisPermissionsSchema,
  })
  .openapi('AnalysisDetail');

export const versionSummarySchema = z
  .object({
    number: z.number().int(),
    report: z.enum(ANALYSIS_STAGES),
    status: z.enum(VERSION_STATUSES),
    submittedBy: personSchema.nullable(),
    submittedAt: z.string(),
    approvedBy: personSchema.nullable(),
    approvedAt: z.string().nullable(),
    reviewedBy: personSchema.nullable(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('AnalysisVersionSummary');

export const effectLineSchema = z
  .object({
    label: z.string(),
    fiscalYear: z.number().int(),
    endFiscalYear: z.number().int().nullable(),
    category: z.enum(['expenditure_cut', 'revenue_gain']),
    recurrence: z.enum(['one_off', 'recurring']),
    stage: z.enum(['planned', 'actual']),
    /** Whole yen as a decimal string. */
    amount: z.string(),
    basis: z.string(),
  })
  .openapi('AnalysisEffectLine');

const benchmarkValueSchema = z.object({
  subject: z.string(),
  isOwnCity: z.boolean(),
  year: z.number().int(),
  value: z.number(),
});

export const indicatorSnapshotSchema = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(BENCHMARK_DIRECTIONS),
  source: z.string(),
  note: z.string(),
  values: z.array(benchmarkValueSchema),
});

export const indicatorSchema = indicatorSnapshotSchema
  .extend({
    id: z.string().uuid(),
    /** This city's place among the values of each year (1 = best by the indicator's direction). */
    ranks: z.array(
      z.object({ year: z.number().int(), rank: z.number().int().nullable(), of: z.number().int() }),
    ),
  })
  .openapi('BenchmarkIndicator');

/** What a version freezes: the sections, the effect lines and the benchmark indicators at submission. */
export const versionContentSchema = z
  .object({
    sections: analysisReportSchema,
    effects: z.array(effectLineSchema),
    benchmarks: z.array(indicatorSnapshotSchema),
  })
  .openapi('AnalysisVersionContent');

export type VersionContent = z.infer<typeof versionContentSchema>;

export const versionDetailSchema = versionSummarySchema
  .extend({ content: versionContentSchema })
  .openapi('AnalysisVersion');

const leafSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const comparisonSchema = z
  .object({
    from: z.object({ number: z.number().int(), report: z.enum(ANALYSIS_STAGES) }),
    to: z.object({ number: z.number().int().nullable(), report: z.enum(ANALYSIS_STAGES).nullable() }),
    sections: z.array(
      z.object({
        section: z.enum(ANALYSIS_REPORT_SECTIONS),
        isChanged: z.boolean(),
        changes: z.array(
          z.object({
            path: z.string(),
            kind: z.enum(['added', 'removed', 'changed']),
            before: leafSchema,
            after: leafSchema,
            textDiff: z
              .array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() }))
              .optional(),
          }),
        ),
      }),
    ),
  })
  .openapi('AnalysisVersionComparison');

export const commentSchema = z
  .object({
    id: z.string().uuid(),
    versionNumber: z.number().int().nullable(),
    section: z.enum(ANALYSIS_REPORT_SECTIONS).nullable(),
    parentId: z.string().uuid().nullable(),
    body: z.string(),
    author: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('AnalysisComment');

/** Shapes a meeting reference with its planned date at its real precision. */
export function presentMeetingRef(row: MeetingRefRow): z.infer<typeof meetingRefSchema> {
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    sequence: row.sequence,
    title: row.title,
    plannedLabel: preciseDateLabel({
      precision: row.plannedPrecision,
      start: row.plannedStart,
      end: row.plannedEnd,
    }),
    actualDate: row.actualDate,
  };
}

function presentClusterRef(row: AnalysisListRow): z.infer<typeof clusterRefSchema> {
  return {
    id: row.analysis.clusterId,
    number: row.clusterNumber,
    name: row.clusterName,
    group: { code: row.groupCode, name: row.groupName },
    kind: row.kindCode && row.kindName ? { code: row.kindCode, name: row.kindName } : null,
  };
}

export type SummaryExtras = {
  dueMeetings: { stage: AnalysisListRow['analysis']['stage']; meeting: MeetingRefRow }[];
  lastTransition: {
    toStage: AnalysisListRow['analysis']['stage'];
    reportedOn: string | null;
    meetingId: string | null;
  } | null;
  meetingsById: Map<string, MeetingRefRow>;
  isReviewVisible: boolean;
  isSignedIn: boolean;
};

/** Shapes an analysis for the plan board and lists. */
export function presentAnalysisSummary(
  row: AnalysisListRow,
  extras: SummaryExtras,
): z.infer<typeof analysisSummarySchema> {
  const { analysis } = row;
  const lastMeeting = extras.lastTransition?.meetingId
    ? extras.meetingsById.get(extras.lastTransition.meetingId)
    : null;
  return {
    id: analysis.id,
    fiscalYear: analysis.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(analysis.fiscalYear),
    cluster: presentClusterRef(row),
    stage: analysis.stage,
    reviewStatus: extras.isReviewVisible ? analysis.reviewStatus : null,
    leadOrgUnit:
      analysis.leadOrgUnitId && row.leadOrgUnitName
        ? { id: analysis.leadOrgUnitId, name: row.leadOrgUnitName }
        : null,
    // The reform office's contact person is internal: the public sees the bureau, not the person.
    contact:
      extras.isSignedIn && analysis.contactUserId && row.contactUserName
        ? { id: analysis.contactUserId, displayName: row.contactUserName }
        : null,
    dueMeetings: extras.dueMeetings.map((due) => ({
      stage: due.stage,
      meeting: presentMeetingRef(due.meeting),
    })),
    lastReport: extras.lastTransition
      ? {
          stage: extras.lastTransition.toStage,
          reportedOn: extras.lastTransition.reportedOn,
          meeting: lastMeeting ? presentMeetingRef(lastMeeting) : null,
        }
      : null,
    isPublished: analysis.isPublished,
    isClosed: analysis.closedAt !== null,
    version: analysis.version,
  };
}

/** Shapes a stage move; who made it is shown to signed-in people only. */
export function presentTransition(
  row: TransitionListRow,
  meetingsById: Map<string, MeetingRefRow>,
  isSignedIn: boolean,
): z.infer<typeof transitionSchema> {
  const meeting = row.transition.meetingId ? meetingsById.get(row.transition.meetingId) : undefined;
  return {
    id: row.transition.id,
    fromStage: row.transition.fromStage,
    toStage: row.transition.toStage,
    meeting: meeting ? presentMeetingRef(meeting) : null,
    reportedOn: row.transition.reportedOn,
    directionKind: row.transition.directionKind,
    versionNumber: row.versionNumber,
    note: isSignedIn ? row.transition.note : '',
    actor: isSignedIn && row.actorName ? { displayName: row.actorName } : null,
    createdAt: row.transition.createdAt.toISOString(),
  };
}

/** Shapes a version without its contents. */
export function presentVersionSummary(
  row: VersionSummaryRow,
  names: Map<string, string>,
  isSignedIn: boolean,
): z.infer<typeof versionSummarySchema> {
  const person = (id: string | null) =>
    isSignedIn && id && names.has(id) ? { id, displayName: names.get(id)! } : null;
  return {
    number: row.number,
    report: row.report,
    status: row.status,
    submittedBy: person(row.submittedBy),
    submittedAt: row.submittedAt.toISOString(),
    approvedBy: person(row.approvedBy),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    reviewedBy: person(row.reviewedBy),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

/** Shapes an effect line, yen as a decimal string. */
export function presentEffectLine(row: EffectRow): z.infer<typeof effectLineSchema> {
  return {
    label: row.label,
    fiscalYear: row.fiscalYear,
    endFiscalYear: row.endFiscalYear,
    category: row.category,
    recurrence: row.recurrence,
    stage: row.stage,
    amount: row.amount.toString(),
    basis: row.basis,
  };
}

/** Shapes an indicator as a version freezes it. */
export function snapshotIndicator(row: IndicatorWithValues): z.infer<typeof indicatorSnapshotSchema> {
  return {
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    source: row.source,
    note: row.note,
    values: row.values.map((value) => ({
      subject: value.subject,
      isOwnCity: value.isOwnCity,
      year: value.year,
      value: value.value,
    })),
  };
}

/** Shapes an indicator with this city's rank in each year. */
export function presentIndicator(row: IndicatorWithValues): z.infer<typeof indicatorSchema> {
  const years = [...new Set(row.values.map((value) => value.year))].sort((a, b) => a - b);
  return {
    id: row.id,
    ...snapshotIndicator(row),
    ranks: years.map((year) => ({
      year,
      ...rankOwnCity(
        row.values.filter((value) => value.year === year),
        row.direction,
      ),
    })),
  };
}

/** Shapes a review comment. */
export function presentComment(row: CommentListRow): z.infer<typeof commentSchema> {
  const section = (ANALYSIS_REPORT_SECTIONS as readonly string[]).includes(row.comment.section ?? '')
    ? (row.comment.section as (typeof ANALYSIS_REPORT_SECTIONS)[number])
    : null;
  return {
    id: row.comment.id,
    versionNumber: row.comment.versionNumber,
    section,
    parentId: row.comment.parentId,
    body: row.comment.body,
    author:
      row.comment.authorId && row.authorName
        ? { id: row.comment.authorId, displayName: row.authorName }
        : null,
    createdAt: row.comment.createdAt.toISOString(),
  };
}

/** Reads a frozen version's contents (written by this feature, so a parse failure is a defect). */
export function readVersionContent(value: unknown): VersionContent {
  return versionContentSchema.parse(value);
}

/** The sections of a version as the comparison sees them: effect lines and indicators inside their sections. */
export function sectionsForComparison(content: {
  sections: AnalysisReport;
  effects: VersionContent['effects'];
  benchmarks: VersionContent['benchmarks'];
}) {
  return {
    ...content.sections,
    effects: { ...content.sections.effects, lines: content.effects },
    comparison: { ...content.sections.comparison, indicators: content.benchmarks },
  };
}
