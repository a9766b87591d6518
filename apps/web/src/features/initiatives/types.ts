/** 取組 as the API sends them (see the server's initiatives presenter). */

export type LocalizedText = { ja: string; en: string };

export const SOURCE_KINDS = [
  'bureau_policy',
  'voluntary_reform',
  'analysis_direction',
  'platinum_response',
  'meeting_instruction',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const STATUSES = ['not_started', 'in_progress', 'done', 'stopped'] as const;
export type InitiativeStatus = (typeof STATUSES)[number];

export const HEALTHS = ['on_track', 'at_risk', 'delayed'] as const;
export type InitiativeHealth = (typeof HEALTHS)[number];

export const CADENCES = ['monthly', 'quarterly', 'half_yearly'] as const;
export type UpdateCadence = (typeof CADENCES)[number];

export type QuarterRef = { fiscalYear: number; quarter: number };

export type InitiativeItem = {
  id: string;
  fiscalYear: number;
  title: string;
  sourceKind: SourceKind;
  sourceKindLabel: LocalizedText;
  sourceId: string | null;
  sourceLabel: string | null;
  ownerOrgUnit: { id: string; code: string; name: string };
  status: InitiativeStatus;
  statusLabel: LocalizedText;
  health: InitiativeHealth;
  healthLabel: LocalizedText;
  updateCadence: UpdateCadence;
  lastUpdateOn: string | null;
  isUpdateDue: boolean;
  /** The last day of the period whose report is owed next; null when nothing more is owed this year. */
  reportDueOn: string | null;
  /** A reporting period of the year ended without a report. */
  isReportOverdue: boolean;
  clusters: { id: string; number: number; name: string }[];
  version: number;
};

export type Milestone = {
  id: string;
  title: string;
  from: QuarterRef;
  to: QuarterRef;
  label: string;
  isDone: boolean;
};

export type Kpi = {
  id: string;
  name: string;
  unit: string;
  baseline: string | null;
  baselineFiscalYear: number | null;
  years: {
    fiscalYear: number;
    target: string | null;
    actual: string | null;
    actualNote: string | null;
    achievementRatePercent: number | null;
    achievementProblem: 'target_missing' | 'actual_missing' | null;
  }[];
};

export type Initiative = InitiativeItem & {
  summary: string;
  asOf: string;
  milestones: Milestone[];
  updates: {
    id: string;
    reportedOn: string;
    body: string;
    status: InitiativeStatus;
    health: InitiativeHealth;
    author: { id: string; name: string } | null;
    createdAt: string;
  }[];
  kpis: Kpi[];
  permissions: { canManage: boolean; canReport: boolean };
};

export type InitiativeCounts = {
  fiscalYear: number;
  asOf: string;
  total: number;
  updateDue: number;
  reportOverdue: number;
  byStatus: Record<InitiativeStatus, number>;
  byHealth: Record<InitiativeHealth, number>;
  bySourceKind: Record<SourceKind, number>;
};

export type Roadmap = {
  fiscalYear: number;
  asOf: string;
  quarters: (QuarterRef & { label: string })[];
  items: (InitiativeItem & { milestones: Milestone[] })[];
};

export type InitiativeFilter = {
  fy?: number | undefined;
  status?: InitiativeStatus | undefined;
  health?: InitiativeHealth | undefined;
  sourceKind?: SourceKind | undefined;
  ownerOrgUnitId?: string | undefined;
  updateDue?: boolean | undefined;
  overdue?: boolean | undefined;
  mine?: boolean | undefined;
};

export type EffectLine = {
  id: string;
  title: string;
  fiscalYear: number;
  categoryLabel: LocalizedText;
  recurrenceLabel: LocalizedText;
  stageLabel: LocalizedText;
  amount: string;
};
