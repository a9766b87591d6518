/** 局区X方針 as the API sends them (see the server's bureau-policies presenter). */

export type LocalizedText = { ja: string; en: string };

export const APPROVAL_STATUSES = [
  'draft',
  'consulting',
  'awaiting_approval',
  'returned',
  'approved',
  'published',
  'superseded',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export type OrgUnitRef = { id: string; code: string; name: string };
export type Person = { id: string; name: string };
export type PolicyTheme = { title: string; description: string };
export type PolicyKpi = {
  name: string;
  unit: string;
  baseline: string | null;
  target: string | null;
  targetFiscalYear: number | null;
};

export type PolicyVersion = {
  versionNumber: number;
  status: ApprovalStatus;
  statusLabel: LocalizedText;
  title: string;
  vision: string;
  priorityThemes: PolicyTheme[];
  clusters: { id: string; number: number; name: string }[];
  kpis: PolicyKpi[];
  revisionNote: string | null;
  drafter: Person | null;
  submittedAt: string | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  publishedAt: string | null;
};

export type PolicySummary = {
  id: string;
  fiscalYear: number;
  orgUnit: OrgUnitRef;
  title: string;
  status: ApprovalStatus;
  statusLabel: LocalizedText;
  latestVersionNumber: number;
  publishedVersionNumber: number | null;
  pendingConsultations: number;
  updatedAt: string;
};

export type PolicyStep = {
  action: string;
  actor: Person | null;
  orgUnit: OrgUnitRef | null;
  fromStatus: ApprovalStatus | null;
  toStatus: ApprovalStatus;
  comment: string | null;
  occurredAt: string;
};

export type Policy = {
  id: string;
  fiscalYear: number;
  orgUnit: OrgUnitRef;
  version: number;
  latestVersionNumber: number;
  publishedVersionNumber: number | null;
  canReadDrafts: boolean;
  current: PolicyVersion;
  published: PolicyVersion | null;
  versions: { versionNumber: number; status: ApprovalStatus; title: string; publishedAt: string | null }[];
  consultations: {
    orgUnit: OrgUnitRef;
    decision: 'pending' | 'concurred' | 'returned';
    decidedBy: Person | null;
    decidedAt: string | null;
    comment: string | null;
  }[];
  steps: PolicyStep[];
  permissions: {
    canEdit: boolean;
    canSubmit: boolean;
    canWithdraw: boolean;
    canApprove: boolean;
    canReturnAsApprover: boolean;
    canPublish: boolean;
    canRevise: boolean;
    consultAs: string[];
  };
};

export type InboxTask = 'consult' | 'approve' | 'publish' | 'redraft' | 'submit';
export type InboxItem = {
  policyId: string;
  fiscalYear: number;
  orgUnit: OrgUnitRef;
  title: string;
  versionNumber: number;
  status: ApprovalStatus;
  statusLabel: LocalizedText;
  task: InboxTask;
  consultAs: OrgUnitRef | null;
  updatedAt: string;
};

export type PublicPolicySummary = {
  id: string;
  fiscalYear: number;
  orgUnit: { code: string; name: string };
  title: string;
  versionNumber: number;
  publishedAt: string | null;
};

export type PublicPolicy = {
  id: string;
  fiscalYear: number;
  orgUnit: { code: string; name: string };
  versionNumber: number;
  title: string;
  vision: string;
  priorityThemes: PolicyTheme[];
  clusters: { number: number; name: string }[];
  kpis: PolicyKpi[];
  publishedAt: string | null;
};

/** What the editor sends. */
export type PolicyContentInput = {
  title: string;
  vision: string;
  priorityThemes: PolicyTheme[];
  clusterIds: string[];
  kpis: PolicyKpi[];
  revisionNote?: string | null;
};

export type TransitionInput =
  | { action: 'submit'; consultOrgUnitIds: string[]; comment?: string | null }
  | { action: 'withdraw'; comment?: string | null }
  | { action: 'concur'; orgUnitId: string; comment?: string | null }
  | { action: 'return'; orgUnitId?: string; comment: string }
  | { action: 'approve'; comment?: string | null }
  | { action: 'publish'; comment?: string | null };

/** An org unit and a cluster as the pickers need them. */
export type OrgUnitOption = {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
};
export type ClusterOption = { id: string; number: number; name: string };
