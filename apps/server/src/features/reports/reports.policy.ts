import { hasAnyRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/**
 * Who may export what. The progress report and the lists carry the programme's internal state
 * (stages of unpublished analyses, draft counts): every signed-in employee, as the dashboard.
 * An export job is its requester's alone. A single analysis report as PDF follows the analysis:
 * the office, the executives and the owning units always, others once it is published.
 */
export const reportPolicy = {
  canExport: (user: CurrentUser | null) => user !== null,
  canUseJob: (user: CurrentUser | null, job: { requestedBy: string }) =>
    user !== null && user.id === job.requestedBy,
  canPrintAnalysis: (user: CurrentUser | null, analysis: { isPublished: boolean; isOwnUnit: boolean }) =>
    user !== null &&
    (analysis.isPublished || analysis.isOwnUnit || hasAnyRole(user, ['reform_office', 'executive'])),
  /** The working copy (drafts not yet reported) prints for the owning units, the office and the executives. */
  canPrintAnalysisDraft: (user: CurrentUser | null, analysis: { isOwnUnit: boolean }) =>
    user !== null && (analysis.isOwnUnit || hasAnyRole(user, ['reform_office', 'executive'])),
  canPrintAgenda: (user: CurrentUser | null) => user !== null,
};
