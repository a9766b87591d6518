import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';
import { type PreciseDate, preciseDateLabel, preciseDateSchema } from './precise-date';

/**
 * プラチナ市役所プロジェクト: front-line staff ideas on three themes, grouped by a project team (PT)
 * into issues (課題), decided by the bureau that owns the rule and answered with a 対応方針.
 * Every step the server takes is asked of the pure functions here first.
 */

// ---------------------------------------------------------------------------------------------
// Themes and phases of a campaign.

/** The three themes: 1 ワークスタイル, 2 オフィス, 3 ルール. */
export const PLATINUM_THEMES = ['workstyle', 'office', 'rules'] as const;

export type PlatinumTheme = (typeof PLATINUM_THEMES)[number];

const THEME_LABELS: Readonly<Record<PlatinumTheme, LocalizedText>> = {
  workstyle: { ja: 'ワークスタイル', en: 'Workstyle' },
  office: { ja: 'オフィス', en: 'Office' },
  rules: { ja: 'ルール', en: 'Rules' },
};

/** Zod schema for a theme identifier. */
export const platinumThemeSchema = z.enum(PLATINUM_THEMES);

// Returns the display name of a theme (ja ワークスタイル …, en Workstyle …).
export function platinumThemeLabel(theme: PlatinumTheme, locale: Locale = 'ja'): string {
  const label = THEME_LABELS[theme];
  if (label === undefined) throw new RangeError(`Unknown theme: ${JSON.stringify(theme)}`);
  return label[locale];
}

/** The yearly steps of a campaign, in order; the last one (試行・実施) may be left open. */
export const CAMPAIGN_PHASES = [
  'submission',
  'pt_formation',
  'issue_identification',
  'solution_decision',
  'response_announcement',
  'trial',
] as const;

export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

const PHASE_LABELS: Readonly<Record<CampaignPhase, LocalizedText>> = {
  submission: { ja: 'アイデア募集', en: 'Idea submission' },
  pt_formation: { ja: 'PTの人選・結成', en: 'Project team formed' },
  issue_identification: { ja: 'PTによる課題等の洗い出し', en: 'Issues identified by the project team' },
  solution_decision: {
    ja: '制度所管局で解決案の検討・決定',
    en: 'Solutions decided by the rule-owning bureau',
  },
  response_announcement: { ja: '関係局長による対応方針の表明', en: 'Response announced by the bureau heads' },
  trial: { ja: '試行・実施', en: 'Trial and implementation' },
};

// Returns the display name of a campaign phase.
export function campaignPhaseLabel(phase: CampaignPhase, locale: Locale = 'ja'): string {
  const label = PHASE_LABELS[phase];
  if (label === undefined) throw new RangeError(`Unknown phase: ${JSON.stringify(phase)}`);
  return label[locale];
}

/** A phase runs from the start of one precise date to the end of another: 6月〜7月, 7月, 6月10日〜7月31日. */
export type PhaseSpan = { from: PreciseDate; to: PreciseDate };

/** Zod schema for a phase span: two consistent precise dates, the second not before the first. */
export const phaseSpanSchema = z
  .strictObject({ from: preciseDateSchema, to: preciseDateSchema })
  .superRefine((value, context) => {
    if (value.to.start < value.from.start || value.to.end < value.from.end) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must not begin before from' });
    }
  });

/** The phases of a campaign: submission is required, the others are set when known. */
export type CampaignPhases = { submission: PhaseSpan } & Partial<
  Record<Exclude<CampaignPhase, 'submission'>, PhaseSpan | null>
>;

/** Zod schema for the phases of a campaign. */
export const campaignPhasesSchema = z.strictObject({
  submission: phaseSpanSchema,
  pt_formation: phaseSpanSchema.nullable().optional(),
  issue_identification: phaseSpanSchema.nullable().optional(),
  solution_decision: phaseSpanSchema.nullable().optional(),
  response_announcement: phaseSpanSchema.nullable().optional(),
  trial: phaseSpanSchema.nullable().optional(),
});

// Returns the first and last day (inclusive ISO dates) a phase covers.
export function phaseBounds(span: PhaseSpan): { start: string; end: string } {
  return { start: span.from.start, end: span.to.end };
}

// Returns the label of a phase span: 7月 when one date, 6月〜7月 (en Jun – Jul) when two.
export function phaseSpanLabel(span: PhaseSpan, locale: Locale = 'ja'): string {
  const isSingle =
    span.from.precision === span.to.precision &&
    span.from.start === span.to.start &&
    span.from.end === span.to.end;
  const yearOf = (date: PreciseDate) => date.start.slice(0, 4);
  const withYear = yearOf(span.from) !== yearOf(span.to);
  const from = preciseDateLabel(span.from, { locale, withYear });
  if (isSingle) return from;
  const to = preciseDateLabel(span.to, { locale, withYear });
  return locale === 'ja' ? `${from}〜${to}` : `${from} – ${to}`;
}

export type PhaseTiming = 'upcoming' | 'current' | 'past';

// Tells whether a day (ISO date) is before, inside or after a phase.
export function phaseTiming(span: PhaseSpan, isoDate: string): PhaseTiming {
  const { start, end } = phaseBounds(span);
  if (isoDate < start) return 'upcoming';
  if (isoDate > end) return 'past';
  return 'current';
}

// Tells whether ideas may be submitted or edited on a day: only inside the submission phase.
export function isSubmissionOpen(phases: Pick<CampaignPhases, 'submission'>, isoDate: string): boolean {
  return phaseTiming(phases.submission, isoDate) === 'current';
}

// ---------------------------------------------------------------------------------------------
// Texts: limits shared by the server's schemas and the web forms.

export const IDEA_TEXT_LIMITS = {
  title: 100,
  problem: 4000,
  proposal: 4000,
  expectedEffect: 2000,
  comment: 2000,
  reason: 1000,
  issueTitle: 120,
  issueSummary: 4000,
  responseBody: 8000,
  optionTitle: 200,
  optionSummary: 2000,
} as const;

/** How an anonymous author is shown to everyone but the reform office. */
export const ANONYMOUS_AUTHOR_LABEL: LocalizedText = { ja: '匿名の職員', en: 'Anonymous staff member' };

// ---------------------------------------------------------------------------------------------
// The idea pipeline.

/** 投稿済み, 課題化済み, 統合済み, 取下げ, 非表示 (by the reform office's moderation). */
export const IDEA_STATUSES = ['submitted', 'grouped', 'merged', 'withdrawn', 'hidden'] as const;

export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** What can happen to an idea, and by whom: the author edits and withdraws, the PT groups and merges, the reform office moderates. */
export const IDEA_ACTIONS = [
  'edit',
  'withdraw',
  'group',
  'ungroup',
  'merge',
  'unmerge',
  'hide',
  'restore',
] as const;

export type IdeaAction = (typeof IDEA_ACTIONS)[number];

const IDEA_TRANSITIONS: Readonly<Record<IdeaAction, { from: readonly IdeaStatus[]; to: IdeaStatus }>> = {
  edit: { from: ['submitted'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'withdrawn' },
  group: { from: ['submitted'], to: 'grouped' },
  ungroup: { from: ['grouped'], to: 'submitted' },
  // A merged idea leaves its issue; undoing the merge brings it back ungrouped.
  merge: { from: ['submitted', 'grouped'], to: 'merged' },
  unmerge: { from: ['merged'], to: 'submitted' },
  hide: { from: ['submitted'], to: 'hidden' },
  restore: { from: ['hidden'], to: 'submitted' },
};

// Returns the status an idea moves to under an action, or null when the action is not allowed from its status.
export function nextIdeaStatus(status: IdeaStatus, action: IdeaAction): IdeaStatus | null {
  const transition = IDEA_TRANSITIONS[action];
  if (transition === undefined) throw new RangeError(`Unknown idea action: ${JSON.stringify(action)}`);
  return transition.from.includes(status) ? transition.to : null;
}

// Tells whether an idea can be supported: only while it is live (submitted or grouped).
export function isIdeaSupportable(status: IdeaStatus): boolean {
  return status === 'submitted' || status === 'grouped';
}

// Tells whether peers (anyone but the author and the reform office) see an idea at all.
export function isIdeaVisibleToPeers(status: IdeaStatus): boolean {
  return status === 'submitted' || status === 'grouped' || status === 'merged';
}

export type MergeRefusal = 'same_idea' | 'other_campaign' | 'source_status' | 'target_status';

// Says why one idea cannot be merged into another, or null when it can: same campaign, both live, not itself.
export function mergeRefusal(
  source: { id: string; campaignId: string; status: IdeaStatus },
  target: { id: string; campaignId: string; status: IdeaStatus },
): MergeRefusal | null {
  if (source.id === target.id) return 'same_idea';
  if (source.campaignId !== target.campaignId) return 'other_campaign';
  if (nextIdeaStatus(source.status, 'merge') === null) return 'source_status';
  if (target.status !== 'submitted' && target.status !== 'grouped') return 'target_status';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Issues (課題): the PT's triage, the bureau's decision and the announcement.

/** 検討中, 保留, 見送り, 所管局へ送付, 所管局決定, 対応方針公表, 試行・実施中. */
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

const ISSUE_STATUS_LABELS: Readonly<Record<IssueStatus, LocalizedText>> = {
  open: { ja: 'PTで検討中', en: 'Under review by the team' },
  on_hold: { ja: '保留', en: 'On hold' },
  declined: { ja: '見送り', en: 'Declined' },
  sent_on: { ja: '所管局で検討中', en: 'With the rule-owning bureau' },
  decided: { ja: '所管局で決定', en: 'Decided by the bureau' },
  announced: { ja: '対応方針を公表', en: 'Response announced' },
  implemented: { ja: '試行・実施中', en: 'In trial or implemented' },
};

// Returns the display name of an issue status.
export function issueStatusLabel(status: IssueStatus, locale: Locale = 'ja'): string {
  const label = ISSUE_STATUS_LABELS[status];
  if (label === undefined) throw new RangeError(`Unknown issue status: ${JSON.stringify(status)}`);
  return label[locale];
}

/**
 * Steps of an issue: the PT holds, declines, reopens, sends on (to the rule-owning bureau) or
 * recalls; the bureau decides; approval of the response announces it; the bureau starts the trial.
 */
export const ISSUE_ACTIONS = [
  'hold',
  'decline',
  'reopen',
  'send_on',
  'recall',
  'decide',
  'announce',
  'implement',
] as const;

export type IssueAction = (typeof ISSUE_ACTIONS)[number];

const ISSUE_TRANSITIONS: Readonly<Record<IssueAction, { from: readonly IssueStatus[]; to: IssueStatus }>> = {
  hold: { from: ['open'], to: 'on_hold' },
  decline: { from: ['open', 'on_hold'], to: 'declined' },
  reopen: { from: ['on_hold', 'declined'], to: 'open' },
  send_on: { from: ['open', 'on_hold'], to: 'sent_on' },
  recall: { from: ['sent_on'], to: 'open' },
  // A decision may be revised until the response is announced.
  decide: { from: ['sent_on', 'decided'], to: 'decided' },
  announce: { from: ['decided'], to: 'announced' },
  implement: { from: ['announced'], to: 'implemented' },
};

/** Actions whose reason the submitters see, so it must be given. */
export const ISSUE_ACTIONS_NEEDING_REASON: readonly IssueAction[] = ['hold', 'decline'];

// Returns the status an issue moves to under an action, or null when the action is not allowed from its status.
export function nextIssueStatus(status: IssueStatus, action: IssueAction): IssueStatus | null {
  const transition = ISSUE_TRANSITIONS[action];
  if (transition === undefined) throw new RangeError(`Unknown issue action: ${JSON.stringify(action)}`);
  return transition.from.includes(status) ? transition.to : null;
}

// Tells whether the PT may still shape an issue (group, ungroup, merge into it, edit, score): before it is sent on.
export function isIssueInTriage(status: IssueStatus): boolean {
  return status === 'open' || status === 'on_hold';
}

// ---------------------------------------------------------------------------------------------
// The rule-owning bureau's decision.

/** 採用, 一部採用, 検討継続, 不採用. */
export const ASSIGNMENT_DECISIONS = ['adopted', 'partly_adopted', 'continue_study', 'not_adopted'] as const;

export type AssignmentDecision = (typeof ASSIGNMENT_DECISIONS)[number];

const DECISION_LABELS: Readonly<Record<AssignmentDecision, LocalizedText>> = {
  adopted: { ja: '採用', en: 'Adopted' },
  partly_adopted: { ja: '一部採用', en: 'Partly adopted' },
  continue_study: { ja: '検討継続', en: 'Further study' },
  not_adopted: { ja: '不採用', en: 'Not adopted' },
};

// Returns the display name of a decision.
export function assignmentDecisionLabel(decision: AssignmentDecision, locale: Locale = 'ja'): string {
  const label = DECISION_LABELS[decision];
  if (label === undefined) throw new RangeError(`Unknown decision: ${JSON.stringify(decision)}`);
  return label[locale];
}

// Tells whether a decision puts something into practice, so it needs an implementation or trial date.
export function isDecisionPutIntoPractice(decision: AssignmentDecision): boolean {
  return decision === 'adopted' || decision === 'partly_adopted';
}

export type DecisionRefusal =
  | 'issue_not_with_bureau'
  | 'reason_required'
  | 'implementation_date_required'
  | 'implementation_date_not_allowed';

/**
 * Says why a decision cannot be recorded, or null when it can: the issue must be with the bureau
 * (sent on, or decided and not yet announced); every decision has reasons; adopted and partly
 * adopted need the implementation or trial date; not adopted takes none (further study may give a
 * target date).
 */
export function decisionRefusal(options: {
  issueStatus: IssueStatus;
  decision: AssignmentDecision;
  reason: string;
  implementationDate: PreciseDate | null;
}): DecisionRefusal | null {
  if (nextIssueStatus(options.issueStatus, 'decide') === null) return 'issue_not_with_bureau';
  if (options.reason.trim().length === 0) return 'reason_required';
  if (isDecisionPutIntoPractice(options.decision) && options.implementationDate === null) {
    return 'implementation_date_required';
  }
  if (options.decision === 'not_adopted' && options.implementationDate !== null)
    return 'implementation_date_not_allowed';
  return null;
}

// Tells whether an issue's trial or implementation can be marked as started: announced and put into practice.
export function canStartImplementation(
  issueStatus: IssueStatus,
  decision: AssignmentDecision | null,
): boolean {
  return (
    nextIssueStatus(issueStatus, 'implement') !== null &&
    decision !== null &&
    isDecisionPutIntoPractice(decision)
  );
}

// Tells whether an assignment is past its due date without a decision (dates are ISO days).
export function isAssignmentOverdue(issueStatus: IssueStatus, dueOn: string | null, today: string): boolean {
  return issueStatus === 'sent_on' && dueOn !== null && dueOn < today;
}

// ---------------------------------------------------------------------------------------------
// The response (対応方針): drafted by the bureau head, approved by the reform office, then published.

/** 下書き, 承認待ち, 公表済み. */
export const RESPONSE_STATUSES = ['draft', 'pending_approval', 'published'] as const;

export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const RESPONSE_ACTIONS = ['save', 'submit', 'return', 'approve'] as const;

export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

const RESPONSE_TRANSITIONS: Readonly<
  Record<ResponseAction, { from: readonly (ResponseStatus | null)[]; to: ResponseStatus }>
> = {
  // Editing a response awaiting approval takes it back to a draft; a published one is never edited.
  save: { from: [null, 'draft', 'pending_approval'], to: 'draft' },
  submit: { from: ['draft'], to: 'pending_approval' },
  return: { from: ['pending_approval'], to: 'draft' },
  approve: { from: ['pending_approval'], to: 'published' },
};

// Returns the status a response moves to (null status: none written yet), or null when not allowed.
export function nextResponseStatus(
  status: ResponseStatus | null,
  action: ResponseAction,
): ResponseStatus | null {
  const transition = RESPONSE_TRANSITIONS[action];
  if (transition === undefined) throw new RangeError(`Unknown response action: ${JSON.stringify(action)}`);
  return transition.from.includes(status) ? transition.to : null;
}

// Tells whether the issue is at a step where its response may be written (with the bureau) or sent for approval (decided).
export function canWriteResponse(issueStatus: IssueStatus, action: 'save' | 'submit' | 'approve'): boolean {
  if (action === 'save') return issueStatus === 'sent_on' || issueStatus === 'decided';
  return issueStatus === 'decided';
}

// ---------------------------------------------------------------------------------------------
// Scoring by the PT.

/** The rubric: impact, feasibility, breadth (効果の大きさ, 実現可能性, 波及範囲), each 1–5. */
export const SCORE_CRITERIA = ['impact', 'feasibility', 'breadth'] as const;

export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

const CRITERION_LABELS: Readonly<Record<ScoreCriterion, LocalizedText>> = {
  impact: { ja: '効果の大きさ', en: 'Impact' },
  feasibility: { ja: '実現可能性', en: 'Feasibility' },
  breadth: { ja: '波及範囲', en: 'Breadth' },
};

// Returns the display name of a rubric criterion.
export function scoreCriterionLabel(criterion: ScoreCriterion, locale: Locale = 'ja'): string {
  const label = CRITERION_LABELS[criterion];
  if (label === undefined) throw new RangeError(`Unknown criterion: ${JSON.stringify(criterion)}`);
  return label[locale];
}

const scoreValue = z.number().int().min(SCORE_MIN).max(SCORE_MAX);

/** Zod schema for one reviewer's score: every criterion a whole number from 1 to 5, nothing else. */
export const issueScoreSchema = z.strictObject({
  impact: scoreValue,
  feasibility: scoreValue,
  breadth: scoreValue,
  comment: z.string().trim().max(IDEA_TEXT_LIMITS.comment).optional(),
});

export type IssueScore = Record<ScoreCriterion, number>;

export type ScoreSummary = {
  scoredCount: number;
  reviewerCount: number;
  /** 「2/3」: reviewers who scored, of the team. */
  progressLabel: string;
  isComplete: boolean;
  averages: Record<ScoreCriterion, number> | null;
  /** Mean of the three averages, rounded to two decimals; null before any score. */
  overall: number | null;
};

const round2 = (value: number) => Math.round(value * 100) / 100;

// Summarises the scores given by the current team: how many scored of how many, and the averages.
export function summarizeScores(scores: readonly IssueScore[], reviewerCount: number): ScoreSummary {
  const scoredCount = scores.length;
  if (scoredCount === 0) {
    return {
      scoredCount,
      reviewerCount,
      progressLabel: `0/${reviewerCount}`,
      isComplete: false,
      averages: null,
      overall: null,
    };
  }
  const averages = Object.fromEntries(
    SCORE_CRITERIA.map((criterion) => [
      criterion,
      round2(scores.reduce((sum, score) => sum + score[criterion], 0) / scoredCount),
    ]),
  ) as Record<ScoreCriterion, number>;
  const overall = round2(
    SCORE_CRITERIA.reduce((sum, criterion) => sum + averages[criterion], 0) / SCORE_CRITERIA.length,
  );
  return {
    scoredCount,
    reviewerCount,
    progressLabel: `${scoredCount}/${reviewerCount}`,
    isComplete: reviewerCount > 0 && scoredCount >= reviewerCount,
    averages,
    overall,
  };
}

// ---------------------------------------------------------------------------------------------
// Where an idea stands, for lists, filters and the funnel.

/** What a reader sees of an idea's progress: its own status joined with its issue's. */
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

const IDEA_PROGRESS_LABELS: Readonly<Record<IdeaProgress, LocalizedText>> = {
  submitted: { ja: '受付', en: 'Submitted' },
  grouped: { ja: 'PTで検討中', en: 'Under review by the team' },
  on_hold: { ja: '保留', en: 'On hold' },
  declined: { ja: '見送り', en: 'Declined' },
  sent_on: { ja: '所管局で検討中', en: 'With the rule-owning bureau' },
  decided: { ja: '所管局で決定', en: 'Decided by the bureau' },
  announced: { ja: '対応方針を公表', en: 'Response announced' },
  implemented: { ja: '試行・実施中', en: 'In trial or implemented' },
  merged: { ja: '他のアイデアに統合', en: 'Merged into another idea' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  hidden: { ja: '非表示', en: 'Hidden' },
};

// Returns the display name of an idea's progress.
export function ideaProgressLabel(progress: IdeaProgress, locale: Locale = 'ja'): string {
  const label = IDEA_PROGRESS_LABELS[progress];
  if (label === undefined) throw new RangeError(`Unknown idea progress: ${JSON.stringify(progress)}`);
  return label[locale];
}

// Returns an idea's progress from its status and, when grouped, its issue's status.
export function ideaProgress(status: IdeaStatus, issueStatus: IssueStatus | null): IdeaProgress {
  if (status !== 'grouped') return status;
  if (issueStatus === null) throw new RangeError('A grouped idea needs its issue status');
  return issueStatus === 'open' ? 'grouped' : issueStatus;
}

// Returns the idea and issue statuses that make up a progress value (issue statuses null: not grouped), for filters in SQL.
export function ideaProgressCondition(progress: IdeaProgress): {
  ideaStatus: IdeaStatus;
  issueStatuses: IssueStatus[] | null;
} {
  switch (progress) {
    case 'submitted':
    case 'merged':
    case 'withdrawn':
    case 'hidden':
      return { ideaStatus: progress, issueStatuses: null };
    case 'grouped':
      return { ideaStatus: 'grouped', issueStatuses: ['open'] };
    default:
      return { ideaStatus: 'grouped', issueStatuses: [progress] };
  }
}

/** The funnel: submitted → grouped → sent on → decided → announced → trialled/implemented. */
export const FUNNEL_STAGES = [
  'submitted',
  'grouped',
  'sent_on',
  'decided',
  'announced',
  'implemented',
] as const;

export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const FUNNEL_LABELS: Readonly<Record<FunnelStage, LocalizedText>> = {
  submitted: { ja: '投稿', en: 'Submitted' },
  grouped: { ja: '課題化', en: 'Grouped into issues' },
  sent_on: { ja: '所管局へ送付', en: 'Sent on' },
  decided: { ja: '所管局で決定', en: 'Decided' },
  announced: { ja: '対応方針公表', en: 'Announced' },
  implemented: { ja: '試行・実施', en: 'Trialled or implemented' },
};

// Returns the display name of a funnel stage.
export function funnelStageLabel(stage: FunnelStage, locale: Locale = 'ja'): string {
  const label = FUNNEL_LABELS[stage];
  if (label === undefined) throw new RangeError(`Unknown funnel stage: ${JSON.stringify(stage)}`);
  return label[locale];
}

/**
 * The furthest funnel stage an idea has reached, or null when it does not count (withdrawn,
 * hidden). A merged idea counts as submitted only: its supporters went to the kept idea. An idea in
 * a held or declined issue reached "grouped".
 */
export function funnelStageOf(status: IdeaStatus, issueStatus: IssueStatus | null): FunnelStage | null {
  if (status === 'withdrawn' || status === 'hidden') return null;
  if (status !== 'grouped') return 'submitted';
  if (issueStatus === null) throw new RangeError('A grouped idea needs its issue status');
  switch (issueStatus) {
    case 'open':
    case 'on_hold':
    case 'declined':
      return 'grouped';
    default:
      return issueStatus;
  }
}

// Tells whether a stage is at or beyond another in the funnel.
export function hasReachedStage(reached: FunnelStage, stage: FunnelStage): boolean {
  return FUNNEL_STAGES.indexOf(reached) >= FUNNEL_STAGES.indexOf(stage);
}
