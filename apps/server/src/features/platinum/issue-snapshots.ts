import type { AssignmentRow, IssueRow, ResponseRow } from './issues.queries.ts';

/** What audit events keep of an issue. */
export function auditSnapshotOfIssue(issue: IssueRow) {
  return {
    id: issue.id,
    campaignId: issue.campaignId,
    number: issue.number,
    theme: issue.theme,
    title: issue.title,
    summary: issue.summary,
    status: issue.status,
    statusReason: issue.statusReason,
    version: issue.version,
  };
}

/** What audit events keep of an assignment. */
export function auditSnapshotOfAssignment(assignment: AssignmentRow | null) {
  if (!assignment) return null;
  return {
    orgUnitId: assignment.orgUnitId,
    dueOn: assignment.dueOn,
    options: assignment.options,
    decision: assignment.decision,
    decisionReason: assignment.decisionReason,
    implementation: assignment.implementationPrecision
      ? {
          precision: assignment.implementationPrecision,
          start: assignment.implementationStart,
          end: assignment.implementationEnd,
        }
      : null,
    implementationStartedOn: assignment.implementationStartedOn,
    version: assignment.version,
  };
}

/** What audit events keep of a response. */
export function auditSnapshotOfResponse(response: ResponseRow | null) {
  if (!response) return null;
  return {
    body: response.body,
    status: response.status,
    returnReason: response.returnReason,
    version: response.version,
  };
}

/** The app path of an issue's page, used in notifications. */
export function issueLink(issueId: string): string {
  return `/platinum/issues/${issueId}`;
}
