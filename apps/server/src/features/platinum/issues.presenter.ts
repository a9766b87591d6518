import { z } from '@hono/zod-openapi';
import {
  ASSIGNMENT_DECISIONS,
  DATE_PRECISIONS,
  ISSUE_STATUSES,
  isAssignmentOverdue,
  PLATINUM_THEMES,
  type PreciseDate,
  preciseDateLabel,
  RESPONSE_STATUSES,
  type ScoreSummary,
} from '@totonoe/domain';
import type { SignatureRow } from './co-announce.ts';
import { ideaSummarySchema } from './ideas.presenter.ts';
import type { AssignmentRow, IssueListRow, ResponseRow } from './issues.queries.ts';

const preciseDateOut = z.object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() });

const assignmentSummarySchema = z.object({
  orgUnit: z.object({ id: z.string().uuid(), name: z.string() }),
  dueOn: z.string().nullable(),
  isOverdue: z.boolean(),
  assignedAt: z.string(),
  /** The decision, shown to everyone once the response is announced, earlier to the PT, the bureau, the reform office and executives. */
  decision: z.enum(ASSIGNMENT_DECISIONS).nullable(),
});

const scoreSummarySchema = z.object({
  scoredCount: z.number().int(),
  reviewerCount: z.number().int(),
  progressLabel: z.string(),
  isComplete: z.boolean(),
  averages: z.object({ impact: z.number(), feasibility: z.number(), breadth: z.number() }).nullable(),
  overall: z.number().nullable(),
});

export const issueSummarySchema = z
  .object({
    id: z.string().uuid(),
    campaignId: z.string().uuid(),
    number: z.number().int(),
    theme: z.enum(PLATINUM_THEMES),
    title: z.string(),
    summary: z.string(),
    status: z.enum(ISSUE_STATUSES),
    statusReason: z.string().nullable(),
    ideaCount: z.number().int(),
    supporterCount: z.number().int(),
    /** 「2/3」 scored; only for the PT, the reform office and executives. */
    scoreProgress: z.string().nullable(),
    assignment: assignmentSummarySchema.nullable(),
    announcedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('PlatinumIssueSummary');

export const assignmentDetailSchema = assignmentSummarySchema
  .extend({
    options: z.array(z.object({ title: z.string(), summary: z.string() })),
    decisionReason: z.string().nullable(),
    implementationDate: preciseDateOut.nullable(),
    implementationDateLabel: z.object({ ja: z.string(), en: z.string() }).nullable(),
    decidedAt: z.string().nullable(),
    implementationStartedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('PlatinumAssignment');

export const responseBureauSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    isAssigned: z.boolean(),
    hasSigned: z.boolean(),
    signedAt: z.string().nullable(),
  })
  .openapi('PlatinumResponseBureau');

export const responseSchema = z
  .object({
    body: z.string(),
    status: z.enum(RESPONSE_STATUSES),
    announcedBy: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    /** 連名公表: every bureau announcing the response, whether and when its head agreed. */
    bureaus: z.array(responseBureauSchema),
    /** Approved by the reform office; while still awaiting approval in status, it waits for bureau heads to agree. */
    isApproved: z.boolean(),
    returnReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('PlatinumResponse');

export const reviewSchema = z.object({
  reviewerName: z.string(),
  isMine: z.boolean(),
  isTeamMember: z.boolean(),
  impact: z.number().int(),
  feasibility: z.number().int(),
  breadth: z.number().int(),
  comment: z.string(),
  updatedAt: z.string(),
});

export const issueDetailSchema = issueSummarySchema
  .extend({
    ideas: z.array(ideaSummarySchema),
    scores: z.object({ summary: scoreSummarySchema, reviews: z.array(reviewSchema) }).nullable(),
    assignment: assignmentDetailSchema.nullable(),
    response: responseSchema.nullable(),
    viewer: z.object({
      canTriage: z.boolean(),
      canScore: z.boolean(),
      canDecide: z.boolean(),
      canWriteResponse: z.boolean(),
      canApproveResponse: z.boolean(),
      /** The waiting bureaus this reader heads and may sign for (連名で公表に同意). */
      signableOrgUnitIds: z.array(z.string().uuid()),
    }),
  })
  .openapi('PlatinumIssue');

/** What a reader may see of an issue beyond its public face. */
export type IssueVisibility = { canSeeScores: boolean; canSeeUnannounced: boolean; today: string };

function isAnnounced(status: IssueListRow['issue']['status']) {
  return status === 'announced' || status === 'implemented';
}

function implementationDateOf(assignment: AssignmentRow): PreciseDate | null {
  if (!assignment.implementationPrecision || !assignment.implementationStart || !assignment.implementationEnd)
    return null;
  return {
    precision: assignment.implementationPrecision,
    start: assignment.implementationStart,
    end: assignment.implementationEnd,
  };
}

function presentAssignmentSummary(row: IssueListRow, visibility: IssueVisibility) {
  const { assignment } = row;
  if (!assignment) return null;
  const isDecisionVisible = isAnnounced(row.issue.status) || visibility.canSeeUnannounced;
  return {
    orgUnit: { id: assignment.orgUnitId, name: row.assignedOrgUnitName ?? '' },
    dueOn: assignment.dueOn,
    isOverdue: isAssignmentOverdue(row.issue.status, assignment.dueOn, visibility.today),
    assignedAt: assignment.assignedAt.toISOString(),
    decision: isDecisionVisible ? assignment.decision : null,
  };
}

/** Shapes an issue for lists and the board. */
export function presentIssueSummary(
  row: IssueListRow,
  visibility: IssueVisibility,
  reviewerCount: number,
): z.infer<typeof issueSummarySchema> {
  const { issue } = row;
  return {
    id: issue.id,
    campaignId: issue.campaignId,
    number: issue.number,
    theme: issue.theme,
    title: issue.title,
    summary: issue.summary,
    status: issue.status,
    statusReason: issue.status === 'on_hold' || issue.status === 'declined' ? issue.statusReason : null,
    ideaCount: row.ideaCount,
    supporterCount: row.supporterCount,
    scoreProgress: visibility.canSeeScores ? `${row.scoreCount}/${reviewerCount}` : null,
    assignment: presentAssignmentSummary(row, visibility),
    announcedAt: issue.announcedAt?.toISOString() ?? null,
    version: issue.version,
  };
}

/** Shapes the response when the reader may see it: published, or before that to those who work on it. */
export function presentResponse(
  response: ResponseRow | null,
  announcedByName: string | null,
  canSeeUnannounced: boolean,
  signatures: readonly SignatureRow[] = [],
): z.infer<typeof responseSchema> | null {
  if (!response) return null;
  if (response.status !== 'published' && !canSeeUnannounced) return null;
  return {
    bureaus: presentResponseBureaus(response, announcedByName, signatures),
    isApproved: response.approvedById !== null,
    body: response.body,
    status: response.status,
    announcedBy:
      response.announcedByOrgUnitId && announcedByName
        ? { id: response.announcedByOrgUnitId, name: announcedByName }
        : null,
    returnReason: canSeeUnannounced ? response.returnReason : null,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    publishedAt: response.publishedAt?.toISOString() ?? null,
    version: response.version,
  };
}

/**
 * The bureaus announcing a response: its signature rows, or — for a response written before
 * responses were announced together — the one assigned bureau, signed when it was sent for approval.
 */
export function presentResponseBureaus(
  response: Pick<ResponseRow, 'announcedByOrgUnitId' | 'submittedAt' | 'status'>,
  announcedByName: string | null,
  signatures: readonly SignatureRow[],
): z.infer<typeof responseBureauSchema>[] {
  if (signatures.length > 0) {
    return [...signatures]
      .sort(
        (a, b) =>
          Number(b.orgUnitId === response.announcedByOrgUnitId) -
          Number(a.orgUnitId === response.announcedByOrgUnitId),
      )
      .map((row) => ({
        id: row.orgUnitId,
        name: row.orgUnitName,
        isAssigned: row.orgUnitId === response.announcedByOrgUnitId,
        hasSigned: row.signedAt !== null,
        signedAt: row.signedAt?.toISOString() ?? null,
      }));
  }
  if (!response.announcedByOrgUnitId || !announcedByName) return [];
  const signedAt = response.status === 'draft' ? null : response.submittedAt;
  return [
    {
      id: response.announcedByOrgUnitId,
      name: announcedByName,
      isAssigned: true,
      hasSigned: signedAt !== null,
      signedAt: signedAt?.toISOString() ?? null,
    },
  ];
}

/** Shapes an issue for its page. */
export function presentIssueDetail(
  row: IssueListRow,
  visibility: IssueVisibility,
  extra: {
    reviewerCount: number;
    ideas: z.infer<typeof ideaSummarySchema>[];
    scores: { summary: ScoreSummary; reviews: z.infer<typeof reviewSchema>[] } | null;
    viewer: z.infer<typeof issueDetailSchema>['viewer'];
    signatures?: readonly SignatureRow[];
  },
): z.infer<typeof issueDetailSchema> {
  const summary = presentIssueSummary(row, visibility, extra.reviewerCount);
  const { assignment } = row;
  const isDecisionVisible = isAnnounced(row.issue.status) || visibility.canSeeUnannounced;
  const implementationDate = assignment ? implementationDateOf(assignment) : null;
  return {
    ...summary,
    ideas: extra.ideas,
    scores: visibility.canSeeScores ? extra.scores : null,
    assignment:
      assignment && summary.assignment
        ? {
            ...summary.assignment,
            options: isDecisionVisible ? assignment.options : [],
            decisionReason: isDecisionVisible ? assignment.decisionReason : null,
            implementationDate: isDecisionVisible ? implementationDate : null,
            implementationDateLabel:
              isDecisionVisible && implementationDate
                ? {
                    ja: preciseDateLabel(implementationDate, { locale: 'ja', withYear: true }),
                    en: preciseDateLabel(implementationDate, { locale: 'en', withYear: true }),
                  }
                : null,
            decidedAt: isDecisionVisible ? (assignment.decidedAt?.toISOString() ?? null) : null,
            implementationStartedOn: assignment.implementationStartedOn,
            version: assignment.version,
          }
        : null,
    response: presentResponse(
      row.response,
      row.assignedOrgUnitName,
      visibility.canSeeUnannounced,
      extra.signatures,
    ),
    viewer: extra.viewer,
  };
}
