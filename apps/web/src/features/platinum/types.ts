/** The Platinum resources as the API sends them (see the server's platinum presenters). */

export type LocalizedText = { ja: string; en: string };

export const THEMES = ['workstyle', 'office', 'rules'] as const;
export type Theme = (typeof THEMES)[number];

export const PHASES = [
  'submission',
  'pt_formation',
  'issue_identification',
  'solution_decision',
  'response_announcement',
  'trial',
] as const;
export type Phase = (typeof PHASES)[number];

export const IDEA_PROGRESS = [
  'submitted',
  'grouped',
  'on_hold',
  'declined',
  'sent_on',
  'decided',
  'announced',
  'implemented',
  'merged',
  'withdrawn',
  'hidden',
] as const;
export type IdeaProgress = (typeof IDEA_PROGRESS)[number];

export const ISSUE_STATUSES = [
  'open',
  'on_hold',
  'declined',
  'sent_on',
  'decided',
  'announced',
  'implemented',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const DECISIONS = ['adopted', 'partly_adopted', 'continue_study', 'not_adopted'] as const;
export type Decision = (typeof DECISIONS)[number];

export const FUNNEL_STAGES = [
  'submitted',
  'grouped',
  'sent_on',
  'decided',
  'announced',
  'implemented',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const SCORE_CRITERIA = ['impact', 'feasibility', 'breadth'] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

export const IDEA_SORTS = ['newest', 'oldest', 'supports'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export type PreciseDate = { precision: string; start: string; end: string };

export type Campaign = {
  id: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  description: string;
  themes: Theme[];
  phases: {
    phase: Phase;
    span: { from: PreciseDate; to: PreciseDate };
    label: LocalizedText;
    timing: 'upcoming' | 'current' | 'past';
  }[];
  isSubmissionOpen: boolean;
  ideaCount: number;
  version: number;
  viewer: { isTeamMember: boolean; canManage: boolean; canSubmit: boolean; canTriage: boolean };
};

export type IdeaSummary = {
  id: string;
  campaignId: string;
  number: number;
  theme: Theme;
  title: string;
  excerpt: string;
  status: string;
  progress: IdeaProgress;
  isAnonymous: boolean;
  author: { displayName: string; orgUnitName: string | null } | null;
  authorLabel: LocalizedText;
  isMine: boolean;
  supportCount: number;
  commentCount: number;
  isSupportedByViewer: boolean;
  issue: { id: string; number: number; title: string; status: IssueStatus } | null;
  mergedInto: { id: string; number: number; title: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type IdeaDetail = IdeaSummary & {
  problem: string;
  proposal: string;
  expectedEffect: string;
  statusReason: string | null;
  mergedIdeas: { id: string; number: number; title: string }[];
  version: number;
  viewer: {
    canEdit: boolean;
    canWithdraw: boolean;
    canSupport: boolean;
    canComment: boolean;
    canModerate: boolean;
    canTriage: boolean;
  };
};

export type SimilarIdea = {
  id: string;
  number: number;
  theme: Theme;
  title: string;
  excerpt: string;
  progress: IdeaProgress;
  supportCount: number;
  isSupportedByViewer: boolean;
  isMine: boolean;
  similarity: number;
};

export type IdeaComment = {
  id: string;
  body: string;
  author: { displayName: string; orgUnitName: string | null } | null;
  authorLabel: LocalizedText;
  isByIdeaAuthor: boolean;
  isMine: boolean;
  isHidden: boolean;
  createdAt: string;
};

export type IdeaInput = {
  theme: Theme;
  title: string;
  problem: string;
  proposal: string;
  expectedEffect: string;
};

export type SupportResult = {
  ideaId: string;
  supportCount: number;
  isSupportedByViewer: boolean;
  isAlreadySupported: boolean;
};

export type AssignmentSummary = {
  orgUnit: { id: string; name: string };
  dueOn: string | null;
  isOverdue: boolean;
  assignedAt: string;
  decision: Decision | null;
};

export type IssueSummary = {
  id: string;
  campaignId: string;
  number: number;
  theme: Theme;
  title: string;
  summary: string;
  status: IssueStatus;
  statusReason: string | null;
  ideaCount: number;
  supporterCount: number;
  scoreProgress: string | null;
  assignment: AssignmentSummary | null;
  announcedAt: string | null;
  version: number;
};

export type Review = {
  reviewerName: string;
  isMine: boolean;
  isTeamMember: boolean;
  impact: number;
  feasibility: number;
  breadth: number;
  comment: string;
  updatedAt: string;
};

export type IssueDetail = Omit<IssueSummary, 'assignment'> & {
  ideas: IdeaSummary[];
  scores: {
    summary: {
      scoredCount: number;
      reviewerCount: number;
      progressLabel: string;
      isComplete: boolean;
      averages: Record<ScoreCriterion, number> | null;
      overall: number | null;
    };
    reviews: Review[];
  } | null;
  assignment:
    | (AssignmentSummary & {
        options: { title: string; summary: string }[];
        decisionReason: string | null;
        implementationDate: PreciseDate | null;
        implementationDateLabel: LocalizedText | null;
        decidedAt: string | null;
        implementationStartedOn: string | null;
        version: number;
      })
    | null;
  response: {
    body: string;
    status: 'draft' | 'pending_approval' | 'published';
    announcedBy: { id: string; name: string } | null;
    /** 連名公表: every bureau announcing it, whether and when its head agreed. */
    bureaus: ResponseBureau[];
    /** Approved by the reform office (while pending, it waits for bureau heads to agree). */
    isApproved: boolean;
    returnReason: string | null;
    submittedAt: string | null;
    publishedAt: string | null;
    version: number;
  } | null;
  viewer: {
    canTriage: boolean;
    canScore: boolean;
    canDecide: boolean;
    canWriteResponse: boolean;
    canApproveResponse: boolean;
    /** The waiting bureaus this reader heads and may sign for. */
    signableOrgUnitIds: string[];
  };
};

/** A bureau announcing a response together (連名公表). */
export type ResponseBureau = {
  id: string;
  name: string;
  isAssigned: boolean;
  hasSigned: boolean;
  signedAt: string | null;
};

export type BoardItem = IssueSummary & {
  ideas: { id: string; number: number; title: string; supportCount: number }[];
  decision: Decision | null;
  decisionReason: string | null;
  implementationDateLabel: LocalizedText | null;
  response: { body: string; publishedAt: string | null; announcedBy: string | null } | null;
};

export type Board = {
  totals: {
    ideaCount: number;
    supporterCount: number;
    submitterBureauCount: number;
    assignedBureauCount: number;
    issueCount: number;
    announcedCount: number;
  };
  items: BoardItem[];
};

export type StageCount = { stage: FunnelStage; count: number };

export type Funnel = {
  stages: StageCount[];
  byTheme: { theme: Theme; stages: StageCount[] }[];
  byBureau: { orgUnit: { id: string; name: string } | null; stages: StageCount[] }[];
  stepDurations: { step: string; averageDays: number | null; passed: number }[];
  overdue: {
    issueId: string;
    number: number;
    title: string;
    orgUnit: { id: string; name: string };
    dueOn: string | null;
    daysOverdue: number;
  }[];
};

export type TeamMember = { userId: string; displayName: string; orgUnitName: string | null; addedAt: string };

export type OrgUnitOption = { id: string; name: string; level: string; parentId: string | null };

/** A response as `GET /api/v1/public/platinum-responses` sends it: the published answer, never who proposed it. */
export type PublicResponse = {
  issueId: string;
  campaignTitle: string;
  number: number;
  theme: Theme;
  themeLabel: LocalizedText;
  title: string;
  status: IssueStatus;
  statusLabel: LocalizedText;
  decision: Decision | null;
  decisionLabel: LocalizedText | null;
  implementationDateLabel: LocalizedText | null;
  orgUnitName: string | null;
  /** The bureaus that announced it together (names and days, never who signed). */
  announcingBureaus: { name: string; signedOn: string }[];
  body: string;
  publishedAt: string | null;
  publishedOn: string | null;
};

export type PublicResponses = { fiscalYear: number; fiscalYearLabel: string; items: PublicResponse[] };
