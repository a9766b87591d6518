/** The analyses API's shapes as the screens use them (see /api/v1/openapi.json). */

export const STAGES = [
  'planned',
  'started',
  'progress_reported',
  'direction_reported',
  'final_reported',
  'follow_up',
] as const;
export type Stage = (typeof STAGES)[number];

export const REPORTING_STAGES = ['progress_reported', 'direction_reported', 'final_reported'] as const;
export type ReportingStage = (typeof REPORTING_STAGES)[number];

export const REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'accepted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'accept'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const DIRECTION_KINDS = ['budget', 'institutional'] as const;
export type DirectionKind = (typeof DIRECTION_KINDS)[number];

export const VERSION_STATUSES = [
  'submitted',
  'approved',
  'returned',
  'accepted',
  'withdrawn',
  'reported',
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const SECTIONS = [
  'conclusion',
  'currentState',
  'needs',
  'comparison',
  'issues',
  'directions',
  'roadmap',
  'effects',
  'kpis',
] as const;
export type Section = (typeof SECTIONS)[number];

export const BENCHMARK_DIRECTIONS = ['lower_is_better', 'higher_is_better'] as const;
export type BenchmarkDirection = (typeof BENCHMARK_DIRECTIONS)[number];

export type MeetingRef = {
  id: string;
  fiscalYear: number;
  sequence: number;
  title: string;
  plannedLabel: string;
  actualDate: string | null;
};

export type AnalysisSummary = {
  id: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  cluster: {
    id: string;
    number: number;
    name: string;
    group: { code: string; name: string };
    kind: { code: string; name: string } | null;
  };
  stage: Stage;
  reviewStatus: ReviewStatus | null;
  leadOrgUnit: { id: string; name: string } | null;
  contact: { id: string; displayName: string } | null;
  dueMeetings: { stage: Stage; meeting: MeetingRef }[];
  lastReport: { stage: Stage; reportedOn: string | null; meeting: MeetingRef | null } | null;
  isPublished: boolean;
  isClosed: boolean;
  version: number;
};

export type Transition = {
  id: string;
  fromStage: Stage;
  toStage: Stage;
  meeting: MeetingRef | null;
  reportedOn: string | null;
  directionKind: DirectionKind | null;
  versionNumber: number | null;
  note: string;
  actor: { displayName: string } | null;
  createdAt: string;
};

export type Report = {
  conclusion: { text: string };
  currentState: {
    text: string;
    annualCost: string | null;
    staffCount: number | null;
    volumes: { label: string; value: number; unit: string }[];
    budgetLines: { name: string; amount: string; legalBasis: string; note: string }[];
  };
  needs: { text: string; needIds: string[] };
  comparison: { text: string };
  issues: { items: { title: string; detail: string }[] };
  directions: { items: { kind: DirectionKind; title: string; detail: string }[] };
  roadmap: { steps: { fiscalYear: number; quarter: number | null; title: string; detail: string }[] };
  effects: { text: string };
  kpis: {
    items: {
      name: string;
      unit: string;
      direction: BenchmarkDirection;
      baseline: { fiscalYear: number; value: number } | null;
      targets: { fiscalYear: number; value: number }[];
      actuals: { fiscalYear: number; value: number }[];
    }[];
  };
};

export type Permissions = {
  canEditPlan: boolean;
  canEditReport: boolean;
  reviewActions: ReviewAction[];
  /** The reports a submission may be for now (the first is the default). */
  submittableReports: ReportingStage[];
  stageMoves: Stage[];
  canComment: boolean;
  canUploadAttachment: boolean;
  canPublish: boolean;
  canReadWorkingCopy: boolean;
};

export type AnalysisDetail = Omit<AnalysisSummary, 'cluster'> & {
  cluster: AnalysisSummary['cluster'] & { owningOrgUnits: { id: string; name: string }[] };
  closedReason: string | null;
  rolledOverFromId: string | null;
  transitions: Transition[];
  report: Report | null;
  reportUpdatedAt: string | null;
  reportUpdatedBy: { displayName: string } | null;
  latestVersion: { number: number; report: Stage; status: VersionStatus } | null;
  permissions: Permissions;
};

export type Person = { id: string; displayName: string };

export type VersionSummary = {
  number: number;
  report: Stage;
  status: VersionStatus;
  submittedBy: Person | null;
  submittedAt: string;
  approvedBy: Person | null;
  approvedAt: string | null;
  reviewedBy: Person | null;
  reviewedAt: string | null;
};

export type TextDiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export type Comparison = {
  from: { number: number; report: Stage };
  to: { number: number | null; report: Stage | null };
  sections: {
    section: Section;
    isChanged: boolean;
    changes: {
      path: string;
      kind: 'added' | 'removed' | 'changed';
      before: string | number | boolean | null;
      after: string | number | boolean | null;
      textDiff?: TextDiffPart[];
    }[];
  }[];
};

export type Comment = {
  id: string;
  versionNumber: number | null;
  section: Section | null;
  parentId: string | null;
  body: string;
  author: Person | null;
  createdAt: string;
};

export const EFFECT_CATEGORIES = ['expenditure_cut', 'revenue_gain'] as const;
export const EFFECT_RECURRENCES = ['one_off', 'recurring'] as const;
export const EFFECT_STAGES = ['planned', 'actual'] as const;

export type EffectLine = {
  label: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  category: (typeof EFFECT_CATEGORIES)[number];
  recurrence: (typeof EFFECT_RECURRENCES)[number];
  stage: (typeof EFFECT_STAGES)[number];
  /** Whole yen as a decimal string. */
  amount: string;
  basis: string;
};

export type Effects = {
  items: EffectLine[];
  period: { startFiscalYear: number; endFiscalYear: number };
  version: number;
};

export type BenchmarkValue = { subject: string; isOwnCity: boolean; year: number; value: number };

export type Indicator = {
  id: string;
  name: string;
  unit: string;
  direction: BenchmarkDirection;
  source: string;
  note: string;
  values: BenchmarkValue[];
  ranks: { year: number; rank: number | null; of: number }[];
};

export type Benchmarks = { items: Indicator[]; version: number };

export type Attachment = {
  id: string;
  fileName: string;
  title: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  uploadedBy: Person | null;
  createdAt: string;
};
