import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/**
 * 経営分析の段階: an analysis moves through these stages, each reported at an X meeting.
 * 方向性報告 may be made more than once (R7予算関連 in autumn, 制度関係 later), and the
 * 経過報告 is an interim report an analysis may skip.
 */
export const ANALYSIS_STAGES = [
  'planned',
  'started',
  'progress_reported',
  'direction_reported',
  'final_reported',
  'follow_up',
] as const;

export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/** The stages that are reports made at an X meeting; each needs an accepted submission. */
export const ANALYSIS_REPORTING_STAGES = [
  'progress_reported',
  'direction_reported',
  'final_reported',
] as const;

export type AnalysisReportingStage = (typeof ANALYSIS_REPORTING_STAGES)[number];

/** Kinds of reform direction: tied to the next budget, or to rules and systems (制度). */
export const ANALYSIS_DIRECTION_KINDS = ['budget', 'institutional'] as const;

export type AnalysisDirectionKind = (typeof ANALYSIS_DIRECTION_KINDS)[number];

/** Zod schema for a stage identifier. */
export const analysisStageSchema = z.enum(ANALYSIS_STAGES);
/** Zod schema for a reporting stage identifier. */
export const analysisReportingStageSchema = z.enum(ANALYSIS_REPORTING_STAGES);
/** Zod schema for a direction kind identifier. */
export const analysisDirectionKindSchema = z.enum(ANALYSIS_DIRECTION_KINDS);

const STAGE_LABELS: Readonly<Record<AnalysisStage, LocalizedText>> = {
  planned: { ja: '実施予定', en: 'Planned' },
  started: { ja: '着手', en: 'Started' },
  progress_reported: { ja: '経過報告', en: 'Progress reported' },
  direction_reported: { ja: '方向性報告', en: 'Direction reported' },
  final_reported: { ja: '最終報告', en: 'Final report' },
  follow_up: { ja: 'フォローアップ', en: 'Follow-up' },
};

const DIRECTION_KIND_LABELS: Readonly<Record<AnalysisDirectionKind, LocalizedText>> = {
  budget: { ja: '予算関連', en: 'Budget-related' },
  institutional: { ja: '制度関係', en: 'Institutional' },
};

/**
 * The stage moves the programme allows. Moves only go forward; the one loop is a further
 * 方向性報告 at a later meeting.
 */
const STAGE_MOVES: Readonly<Record<AnalysisStage, readonly AnalysisStage[]>> = {
  planned: ['started'],
  started: ['progress_reported', 'direction_reported'],
  progress_reported: ['direction_reported'],
  direction_reported: ['direction_reported', 'final_reported'],
  final_reported: ['follow_up'],
  follow_up: [],
};

// Returns the display name of a stage (着手, 経過報告 …).
export function analysisStageLabel(stage: AnalysisStage, locale: Locale = 'ja'): string {
  const label = STAGE_LABELS[stage];
  if (label === undefined) throw new RangeError(`Unknown analysis stage: ${JSON.stringify(stage)}`);
  return label[locale];
}

// Returns the display name of a direction kind (予算関連, 制度関係).
export function analysisDirectionKindLabel(kind: AnalysisDirectionKind, locale: Locale = 'ja'): string {
  const label = DIRECTION_KIND_LABELS[kind];
  if (label === undefined) throw new RangeError(`Unknown direction kind: ${JSON.stringify(kind)}`);
  return label[locale];
}

// Tells whether an unknown value is a stage identifier.
export function isAnalysisStage(value: unknown): value is AnalysisStage {
  return typeof value === 'string' && (ANALYSIS_STAGES as readonly string[]).includes(value);
}

// Tells whether a stage is a report made at an X meeting.
export function isAnalysisReportingStage(stage: AnalysisStage): stage is AnalysisReportingStage {
  return (ANALYSIS_REPORTING_STAGES as readonly string[]).includes(stage);
}

// Returns the position of a stage in the sequence (planned = 0 … follow_up = 5), for sorting and progress bars.
export function analysisStageIndex(stage: AnalysisStage): number {
  const index = ANALYSIS_STAGES.indexOf(stage);
  if (index < 0) throw new RangeError(`Unknown analysis stage: ${JSON.stringify(stage)}`);
  return index;
}

// Returns the stages an analysis may move to from a stage.
export function nextAnalysisStages(stage: AnalysisStage): readonly AnalysisStage[] {
  const moves = STAGE_MOVES[stage];
  if (moves === undefined) throw new RangeError(`Unknown analysis stage: ${JSON.stringify(stage)}`);
  return moves;
}

// Returns the reports a department may submit from a stage: the reporting stages it may move to next.
export function submittableReports(stage: AnalysisStage): readonly AnalysisReportingStage[] {
  return nextAnalysisStages(stage).filter(isAnalysisReportingStage);
}

/** 審査状況: where the submission of the next report stands between department, bureau head and reform office. */
export const ANALYSIS_REVIEW_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'accepted'] as const;

export type AnalysisReviewStatus = (typeof ANALYSIS_REVIEW_STATUSES)[number];

/** What people do to a submission: 提出, 取下げ, 局長承認, 差戻し, 受理. */
export const ANALYSIS_REVIEW_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'accept'] as const;

export type AnalysisReviewAction = (typeof ANALYSIS_REVIEW_ACTIONS)[number];

/** Zod schema for a review action identifier. */
export const analysisReviewActionSchema = z.enum(ANALYSIS_REVIEW_ACTIONS);
/** Zod schema for a review status identifier. */
export const analysisReviewStatusSchema = z.enum(ANALYSIS_REVIEW_STATUSES);

const REVIEW_STATUS_LABELS: Readonly<Record<AnalysisReviewStatus, LocalizedText>> = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '局長承認待ち', en: 'Awaiting bureau head' },
  approved: { ja: '市政変革室確認中', en: 'With the reform office' },
  returned: { ja: '差戻し', en: 'Returned' },
  accepted: { ja: '受理済み', en: 'Accepted' },
};

const REVIEW_ACTION_LABELS: Readonly<Record<AnalysisReviewAction, LocalizedText>> = {
  submit: { ja: '提出', en: 'Submit' },
  withdraw: { ja: '取下げ', en: 'Withdraw' },
  approve: { ja: '局長承認', en: 'Approve' },
  return: { ja: '差戻し', en: 'Return' },
  accept: { ja: '受理', en: 'Accept' },
};

/**
 * The review moves: the department submits, the bureau head approves (or returns), the reform
 * office accepts (or returns, also after accepting while the report is not yet made).
 */
const REVIEW_MOVES: Readonly<
  Record<AnalysisReviewStatus, Partial<Record<AnalysisReviewAction, AnalysisReviewStatus>>>
> = {
  draft: { submit: 'submitted' },
  returned: { submit: 'submitted' },
  submitted: { withdraw: 'draft', approve: 'approved', return: 'returned' },
  approved: { return: 'returned', accept: 'accepted' },
  accepted: { return: 'returned' },
};

// Returns the display name of a review status (作成中, 局長承認待ち …).
export function analysisReviewStatusLabel(status: AnalysisReviewStatus, locale: Locale = 'ja'): string {
  const label = REVIEW_STATUS_LABELS[status];
  if (label === undefined) throw new RangeError(`Unknown review status: ${JSON.stringify(status)}`);
  return label[locale];
}

// Returns the display name of a review action (提出, 局長承認 …).
export function analysisReviewActionLabel(action: AnalysisReviewAction, locale: Locale = 'ja'): string {
  const label = REVIEW_ACTION_LABELS[action];
  if (label === undefined) throw new RangeError(`Unknown review action: ${JSON.stringify(action)}`);
  return label[locale];
}

// Returns the status a review action leads to, or null when the action is not allowed from the status.
export function nextAnalysisReviewStatus(
  status: AnalysisReviewStatus,
  action: AnalysisReviewAction,
): AnalysisReviewStatus | null {
  const moves = REVIEW_MOVES[status];
  if (moves === undefined) throw new RangeError(`Unknown review status: ${JSON.stringify(status)}`);
  if (!(ANALYSIS_REVIEW_ACTIONS as readonly string[]).includes(action)) {
    throw new RangeError(`Unknown review action: ${JSON.stringify(action)}`);
  }
  return moves[action] ?? null;
}

// Returns the review actions allowed from a status.
export function analysisReviewActionsFrom(status: AnalysisReviewStatus): AnalysisReviewAction[] {
  return ANALYSIS_REVIEW_ACTIONS.filter((action) => nextAnalysisReviewStatus(status, action) !== null);
}

// Tells whether the draft may be edited in a review status: not while a submission waits for review.
export function isAnalysisDraftEditable(status: AnalysisReviewStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Why a stage move is refused. */
export const ANALYSIS_STAGE_MOVE_REFUSALS = [
  'not_a_next_stage',
  'report_not_accepted',
  'report_for_other_stage',
  'meeting_required',
  'direction_kind_required',
  'direction_kind_not_expected',
  'submission_pending',
] as const;

export type AnalysisStageMoveRefusal = (typeof ANALYSIS_STAGE_MOVE_REFUSALS)[number];

const REFUSAL_MESSAGES: Readonly<Record<AnalysisStageMoveRefusal, LocalizedText>> = {
  not_a_next_stage: {
    ja: 'この段階へは移行できません。段階は「実施予定 → 着手 → 経過報告 → 方向性報告 → 最終報告 → フォローアップ」の順に進みます。',
    en: 'The analysis cannot move to this stage: stages go planned → started → progress → direction → final → follow-up.',
  },
  report_not_accepted: {
    ja: '報告するには、市政変革室が受理した提出版が必要です。',
    en: 'A report needs a submission the reform office has accepted.',
  },
  report_for_other_stage: {
    ja: '受理された提出版は別の報告（段階）向けです。',
    en: 'The accepted submission is for another report.',
  },
  meeting_required: {
    ja: '報告した X会議を指定してください。',
    en: 'Name the X meeting the report was made at.',
  },
  direction_kind_required: {
    ja: '方向性報告には種別（予算関連・制度関係）が必要です。',
    en: 'A direction report needs its kind (budget-related or institutional).',
  },
  direction_kind_not_expected: {
    ja: '種別（予算関連・制度関係）は方向性報告にのみ指定できます。',
    en: 'Only a direction report takes a kind.',
  },
  submission_pending: {
    ja: '審査中の提出版があるため、この段階へは移行できません。',
    en: 'A submission is under review; the stage cannot change now.',
  },
};

/** Everything the stage machine needs to decide a move. */
export type AnalysisStageMove = {
  from: AnalysisStage;
  to: AnalysisStage;
  reviewStatus: AnalysisReviewStatus;
  /** The report stage the accepted submission was made for, when one is accepted. */
  acceptedReport: AnalysisReportingStage | null;
  hasMeeting: boolean;
  directionKind: AnalysisDirectionKind | null;
};

export type AnalysisStageMoveResult = { ok: true } | { ok: false; reason: AnalysisStageMoveRefusal };

/**
 * Decides a stage move. A report stage needs the reform office's accepted submission for that
 * report and the X meeting it was made at; a direction report also needs its kind. Other
 * moves (着手, フォローアップ) need no submission but must not overtake one under review.
 */
export function checkAnalysisStageMove(move: AnalysisStageMove): AnalysisStageMoveResult {
  if (!nextAnalysisStages(move.from).includes(move.to)) return { ok: false, reason: 'not_a_next_stage' };
  if (isAnalysisReportingStage(move.to)) {
    if (move.reviewStatus !== 'accepted' || move.acceptedReport === null) {
      return { ok: false, reason: 'report_not_accepted' };
    }
    if (move.acceptedReport !== move.to) return { ok: false, reason: 'report_for_other_stage' };
    if (!move.hasMeeting) return { ok: false, reason: 'meeting_required' };
    if (move.to === 'direction_reported' && move.directionKind === null) {
      return { ok: false, reason: 'direction_kind_required' };
    }
  } else if (move.reviewStatus !== 'draft' && move.reviewStatus !== 'returned') {
    return { ok: false, reason: 'submission_pending' };
  }
  if (move.to !== 'direction_reported' && move.directionKind !== null) {
    return { ok: false, reason: 'direction_kind_not_expected' };
  }
  return { ok: true };
}

// Returns the message that explains a refused stage move.
export function analysisStageMoveRefusalMessage(reason: AnalysisStageMoveRefusal): LocalizedText {
  const message = REFUSAL_MESSAGES[reason];
  if (message === undefined) throw new RangeError(`Unknown refusal: ${JSON.stringify(reason)}`);
  return message;
}

// Returns the review status after a stage move: a report consumes the accepted submission, other moves keep it.
export function reviewStatusAfterStageMove(
  to: AnalysisStage,
  reviewStatus: AnalysisReviewStatus,
): AnalysisReviewStatus {
  return isAnalysisReportingStage(to) ? 'draft' : reviewStatus;
}
