import type { AnalysisReviewAction, AnalysisReviewStatus, AnalysisStage } from '@totonoe/domain';
import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/**
 * What a person is to one analysis. The owning department and bureau head are those whose scoped
 * role covers (is, or is above in the tree) the analysis's lead org unit or an owner of its cluster.
 */
export type AnalysisAccess = {
  user: CurrentUser | null;
  isReformOffice: boolean;
  isExecutive: boolean;
  isOwningDepartment: boolean;
  isOwningBureauHead: boolean;
};

type Published = { isPublished: boolean };

/**
 * Who may do what with analyses. Deny by default:
 * - the public reads published analyses' plan and reported versions, nothing else;
 * - every signed-in person reads the plan, stages and reported versions of every analysis;
 * - the working copy, submissions under review, comments and attachments are read by the reform
 *   office, executives and the owning department and bureau head;
 * - drafts of sections being typed are read by the owning department and the reform office only;
 * - the owning department writes the report and submits it; the owning bureau head approves or
 *   returns; the reform office keeps the plan, accepts or returns, records stage moves, publishes.
 */
export const analysisPolicy = {
  canList: (_user: CurrentUser | null) => true,
  canReadPlan: (access: AnalysisAccess, analysis: Published) => access.user !== null || analysis.isPublished,
  canReadWorkingCopy: (access: AnalysisAccess) =>
    access.isReformOffice || access.isExecutive || access.isOwningDepartment || access.isOwningBureauHead,
  canSeeReviewStatusInLists: (user: CurrentUser | null) =>
    hasRole(user, 'reform_office') || hasRole(user, 'executive'),
  canPlan: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canEditReport: (access: AnalysisAccess) => access.isOwningDepartment,
  /** Drafts (text not yet saved to the working copy) are the department's and the reform office's only. */
  canReadDraft: (access: AnalysisAccess) => access.isReformOffice || access.isOwningDepartment,
  canWriteDraft: (access: AnalysisAccess) => access.isOwningDepartment,
  canReview: (access: AnalysisAccess, action: AnalysisReviewAction, status: AnalysisReviewStatus) => {
    switch (action) {
      case 'submit':
      case 'withdraw':
        return access.isOwningDepartment;
      case 'approve':
        return access.isOwningBureauHead;
      case 'return':
        // Before the bureau head has approved, the return is theirs; afterwards the reform office's.
        return status === 'submitted' ? access.isOwningBureauHead : access.isReformOffice;
      case 'accept':
        return access.isReformOffice;
      default:
        return false;
    }
  },
  canMoveStage: (access: AnalysisAccess, to: AnalysisStage) =>
    to === 'started' ? access.isReformOffice || access.isOwningDepartment : access.isReformOffice,
  canComment: (access: AnalysisAccess) =>
    access.isReformOffice || access.isOwningDepartment || access.isOwningBureauHead,
  canUploadAttachment: (access: AnalysisAccess) => access.isReformOffice || access.isOwningDepartment,
  canPublish: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canOpenFiscalYear: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
};
