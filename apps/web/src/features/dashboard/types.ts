import type { LocalizedText } from '@/types/api';

/** One bar of a breakdown: a category, its label and how many records are in it. */
export type Breakdown = { key: string; label: LocalizedText; count: number };

export type RecordLinkType =
  | 'cluster'
  | 'analysis'
  | 'meeting'
  | 'bureau_policy'
  | 'initiative'
  | 'effect'
  | 'platinum_issue'
  | 'platinum_idea'
  | 'need';

export type DashboardMetric =
  | 'analyses'
  | 'clusters'
  | 'meetings'
  | 'policies'
  | 'initiatives'
  | 'effects'
  | 'platinum'
  | 'needs';

export type Span = { precision: string; start: string; end: string };

export type MeetingFigure = {
  id: string;
  sequence: number;
  title: string;
  span: Span;
  spanLabel: LocalizedText;
  plannedLabel: LocalizedText;
  heldOn: string | null;
  isHeld: boolean;
  reports: { title: string; link: { type: RecordLinkType; id: string } | null }[];
  /** The analysis reports planned for this meeting (報告予定). */
  analysesDue: {
    analysisId: string;
    label: string;
    stage: string;
    stageLabel: LocalizedText;
    isReported: boolean;
  }[];
  decisionCount: number;
  openActionCount: number;
};

/** `GET /api/v1/dashboard`. Yen are decimal strings. */
export type Dashboard = {
  fiscalYear: number;
  today: string;
  orgUnit: { id: string; name: string } | null;
  analyses: {
    clusterCount: number;
    targetCount: number;
    byStage: Breakdown[];
    /** Effect amounts the year's analyses carry, in yen as decimal strings. */
    effects: { planned: string; actual: string; analysesWithEffects: number };
    byGroup: {
      key: string;
      label: LocalizedText;
      subtitle: string | null;
      clusterCount: number;
      targetCount: number;
      byStage: Breakdown[];
    }[];
  };
  meetings: {
    held: number;
    planned: number;
    next: MeetingFigure | null;
    items: MeetingFigure[];
    decisions: number;
    actions: { total: number; open: number; overdue: number; byStatus: Breakdown[] };
  };
  policies: {
    isAvailable: boolean;
    total: number;
    byStatus: Breakdown[];
    byBureau: {
      policyId: string;
      orgUnit: { id: string; name: string };
      title: string;
      versionNumber: number;
      status: string;
      statusLabel: LocalizedText;
      isPublished: boolean;
      /** False when the viewer may not read it yet (the title reads 「（公表前）」). */
      isTitleShown: boolean;
    }[];
  };
  initiatives: {
    isAvailable: boolean;
    total: number;
    byStatus: Breakdown[];
    byHealth: Breakdown[];
    stale: number;
  };
  effects: {
    isAvailable: boolean;
    target: { name: string; amount: string; startFiscalYear: number; endFiscalYear: number } | null;
    planned: string;
    actual: string;
    total: string;
    percentOfTarget: number | null;
  };
  platinum: {
    isAvailable: boolean;
    campaignTitle: string | null;
    campaignId: string | null;
    funnel: Breakdown[];
    byTheme: { key: string; label: LocalizedText; funnel: Breakdown[] }[];
    byBureau: { orgUnit: { id: string; name: string } | null; funnel: Breakdown[] }[];
    stepDurations: { step: string; label: LocalizedText; averageDays: number | null; passed: number }[];
    overdue: number;
  };
  needs: { isAvailable: boolean; total: number; bySide: Breakdown[]; byStatus: Breakdown[] };
};

export type RecordRef = {
  id: string;
  label: string;
  detail: string;
  link: { type: RecordLinkType; id: string };
};

/** `GET /api/v1/dashboard/records`. */
export type DashboardRecords = {
  metric: DashboardMetric;
  key: string;
  title: LocalizedText;
  isAvailable: boolean;
  items: RecordRef[];
  /** How many records the figure counts; more than `items` when the list stops at its limit. */
  total: number;
};

export type OverviewFigure = {
  label: LocalizedText;
  value: number;
  isAvailable: boolean;
  drill: { metric: DashboardMetric; key: string } | null;
};

export type OverviewBox = {
  id: string;
  role: 'bearer' | 'driver' | 'input' | 'stream';
  title: LocalizedText;
  description: LocalizedText;
  parts: LocalizedText[];
  figures: OverviewFigure[];
  screen: 'meetings' | 'policies' | 'clusters' | 'initiatives' | 'platinum' | 'needs' | 'dashboard';
};

/** `GET /api/v1/overview`. */
export type Overview = {
  fiscalYear: number;
  boxes: OverviewBox[];
  relations: { from: string; to: string; label: LocalizedText }[];
};

export type ReportKind = 'progress_pptx' | 'progress_pdf' | 'progress_xlsx' | 'csv';

/** `GET /api/v1/reports/jobs/:id`. */
export type ReportJob = {
  id: string;
  kind: ReportKind;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  fileName: string | null;
  byteSize: number | null;
  error: { code: string; messages: LocalizedText } | null;
  downloadUrl: string | null;
};

/** Search parameters of the dashboard pages. */
export type DashboardSearch = { fy?: number | undefined; orgUnit?: string | undefined };
export type RecordsSearch = DashboardSearch & {
  metric?: DashboardMetric | undefined;
  key?: string | undefined;
};
