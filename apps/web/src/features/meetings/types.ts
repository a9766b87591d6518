/** How exactly a planned date is known: a day, a third of a month (上旬/中旬/下旬), a month… */
export type DatePrecision = 'day' | 'early' | 'mid' | 'late' | 'month' | 'quarter' | 'half' | 'year';

/** A date known as precisely as it was announced: the inclusive span its precision implies. */
export type PlannedDate = { precision: DatePrecision; start: string; end: string };

/** An X会議 as `GET /api/v1/meetings` lists it. */
export type Meeting = {
  id: string;
  sequence: number;
  title: string;
  planned: PlannedDate;
  /** The planned date in Japanese as the reform office wrote it (10月上旬). */
  plannedLabel: string;
  actualDate: string | null;
  fiscalYear?: number;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  isPublic?: boolean;
};

export type AgendaItemKind =
  | 'analysis_report'
  | 'bureau_policy'
  | 'platinum'
  | 'instruction_review'
  | 'other';
export type AnalysisStage =
  | 'planned'
  | 'started'
  | 'progress_reported'
  | 'direction_reported'
  | 'final_reported'
  | 'follow_up';
export type ActionStatus = 'open' | 'in_progress' | 'reported' | 'closed';
export type DueState = 'overdue' | 'due_soon' | 'not_due' | 'done';
export type MinutesStatus = 'draft' | 'approved' | 'published';

export type AgendaLink = {
  type: 'analysis' | 'action' | 'cluster' | 'platinum_issue';
  id: string;
  label: string;
  analysisStage: AnalysisStage | null;
  analysisStageLabel: string | null;
};

/** 資料n of a meeting, as a signed-in employee sees it. */
export type Material = {
  id: string;
  agendaItemId: string;
  number: number;
  label: string;
  title: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  isRedactionRequired: boolean;
  hasRedactedFile: boolean;
  redactedFileName: string | null;
  isPublished: boolean;
  publishedAt: string | null;
  canReadOriginal: boolean;
  downloadUrl: string | null;
  redactedDownloadUrl: string | null;
  version: number;
};

export type Decision = { id: string; agendaItemId: string; body: string; version: number };

/** A tracked action (指示事項) as lists show it. */
export type Action = {
  id: string;
  meeting: { id: string; title: string; sequence: number; fiscalYear: number };
  agendaItem: { id: string; title: string };
  body: string;
  owner: { id: string; name: string };
  dueDate: string;
  dueState: DueState;
  status: ActionStatus;
  statusLabel: string;
  closedAtMeeting: { id: string; title: string } | null;
  closedAt: string | null;
  version: number;
};

export type AgendaItem = {
  id: string;
  number: number;
  kind: AgendaItemKind;
  kindLabel: string;
  title: string;
  presenter: { id: string; name: string } | null;
  note: string | null;
  links: AgendaLink[];
  materials: Material[];
  decisions: Decision[];
  instructions: Action[];
  canAddMaterial: boolean;
  version: number;
};

export type Agenda = { meetingId: string; agendaVersion: number; items: AgendaItem[] };

export type Minutes = {
  status: MinutesStatus;
  statusLabel: string;
  body: string;
  approvedAt: string | null;
  publishedAt: string | null;
  version: number;
};

/** The whole record of a meeting for a signed-in employee. */
export type MeetingDetail = Required<Meeting> & {
  fiscalYear: number;
  videoUrl: string | null;
  isAgendaPublished: boolean;
  isVideoPublished: boolean;
  version: number;
  agendaVersion: number;
  agenda: AgendaItem[];
  minutes: Minutes | null;
  hasHiddenMinutes: boolean;
  canManage: boolean;
};

/** An item Totonoe proposes for the agenda, with why. */
export type AgendaProposal = {
  kind: AgendaItemKind;
  title: string;
  presenterOrgUnitId: string | null;
  presenterName: string | null;
  links: { type: AgendaLink['type']; id: string; analysisStage?: string | null }[];
  reason: { ja: string; en: string };
};

export type PublicMaterial = {
  number: number;
  label: string;
  title: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  isRedacted: boolean;
  downloadUrl: string;
};

/** Exactly the published parts of a public meeting. */
export type PublicMeeting = {
  id: string;
  fiscalYear: number;
  sequence: number;
  title: string;
  planned: PlannedDate;
  plannedLabel: string;
  actualDate: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  videoUrl: string | null;
  agenda:
    | {
        number: number;
        kind: AgendaItemKind;
        kindLabel: string;
        title: string;
        presenterName: string | null;
        materials: PublicMaterial[];
      }[]
    | null;
  minutes: { body: string; publishedAt: string | null } | null;
};

export type OrgUnitOption = { id: string; name: string; code: string };
