import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_DIRECTION_KINDS,
  ANALYSIS_REPORTING_STAGES,
  ANALYSIS_REVIEW_ACTIONS,
  ANALYSIS_REVIEW_STATUSES,
  ANALYSIS_STAGE_MOVE_REFUSALS,
  ANALYSIS_STAGES,
  type AnalysisDirectionKind,
  type AnalysisReportingStage,
  type AnalysisReviewAction,
  type AnalysisReviewStatus,
  type AnalysisStage,
  analysisDirectionKindLabel,
  analysisReviewActionLabel,
  analysisReviewActionsFrom,
  analysisReviewStatusLabel,
  analysisStageIndex,
  analysisStageLabel,
  analysisStageMoveRefusalMessage,
  analysisStageSchema,
  checkAnalysisStageMove,
  isAnalysisDraftEditable,
  isAnalysisReportingStage,
  isAnalysisStage,
  nextAnalysisReviewStatus,
  nextAnalysisStages,
  reviewStatusAfterStageMove,
  submittableReports,
} from './analysis-stages';

// The moves written out pair by pair, as the programme describes them, independent of the module's table.
const ALLOWED_MOVES = new Set([
  'planned>started',
  'started>progress_reported',
  'started>direction_reported',
  'progress_reported>direction_reported',
  'direction_reported>direction_reported',
  'direction_reported>final_reported',
  'final_reported>follow_up',
]);

const ALLOWED_REVIEW_MOVES: Record<string, AnalysisReviewStatus> = {
  'draft>submit': 'submitted',
  'returned>submit': 'submitted',
  'submitted>withdraw': 'draft',
  'submitted>approve': 'approved',
  'submitted>return': 'returned',
  'approved>return': 'returned',
  'approved>accept': 'accepted',
  'accepted>return': 'returned',
};

describe('analysis stages', () => {
  it('are the six stages of the design, in order', () => {
    expect(ANALYSIS_STAGES).toEqual([
      'planned',
      'started',
      'progress_reported',
      'direction_reported',
      'final_reported',
      'follow_up',
    ]);
    expect(ANALYSIS_STAGES.map((stage) => analysisStageIndex(stage))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ANALYSIS_REPORTING_STAGES).toEqual(['progress_reported', 'direction_reported', 'final_reported']);
  });

  it.each<[AnalysisStage, string, string]>([
    ['planned', '実施予定', 'Planned'],
    ['started', '着手', 'Started'],
    ['progress_reported', '経過報告', 'Progress reported'],
    ['direction_reported', '方向性報告', 'Direction reported'],
    ['final_reported', '最終報告', 'Final report'],
    ['follow_up', 'フォローアップ', 'Follow-up'],
  ])('stage %s is %s / %s', (stage, ja, en) => {
    expect(analysisStageLabel(stage)).toBe(ja);
    expect(analysisStageLabel(stage, 'en')).toBe(en);
  });

  it('labels direction kinds without naming a particular budget year', () => {
    expect(ANALYSIS_DIRECTION_KINDS.map((kind) => analysisDirectionKindLabel(kind))).toEqual([
      '予算関連',
      '制度関係',
    ]);
    expect(analysisDirectionKindLabel('budget', 'en')).toBe('Budget-related');
  });

  it('refuses unknown identifiers loudly', () => {
    expect(() => analysisStageLabel('done' as AnalysisStage)).toThrow(RangeError);
    expect(() => analysisStageIndex('done' as AnalysisStage)).toThrow(RangeError);
    expect(() => nextAnalysisStages('done' as AnalysisStage)).toThrow(RangeError);
    expect(() => analysisDirectionKindLabel('other' as AnalysisDirectionKind)).toThrow(RangeError);
    expect(() => analysisReviewStatusLabel('open' as AnalysisReviewStatus)).toThrow(RangeError);
    expect(() => analysisReviewActionLabel('reject' as AnalysisReviewAction)).toThrow(RangeError);
    expect(() => nextAnalysisReviewStatus('open' as AnalysisReviewStatus, 'submit')).toThrow(RangeError);
    expect(() => nextAnalysisReviewStatus('draft', 'reject' as AnalysisReviewAction)).toThrow(RangeError);
    expect(isAnalysisStage('planned')).toBe(true);
    expect(isAnalysisStage('Planned')).toBe(false);
    expect(isAnalysisStage(3)).toBe(false);
    expect(analysisStageSchema.safeParse('final_reported').success).toBe(true);
    expect(analysisStageSchema.safeParse('final').success).toBe(false);
  });

  it('tells which stages are reports', () => {
    expect(ANALYSIS_STAGES.filter((stage) => isAnalysisReportingStage(stage))).toEqual([
      'progress_reported',
      'direction_reported',
      'final_reported',
    ]);
  });

  it.each(ANALYSIS_STAGES.flatMap((from) => ANALYSIS_STAGES.map((to) => [from, to] as const)))(
    'move %s → %s is allowed only when the programme allows it',
    (from, to) => {
      expect(nextAnalysisStages(from).includes(to)).toBe(ALLOWED_MOVES.has(`${from}>${to}`));
    },
  );

  it('lists the reports a department may submit from each stage', () => {
    expect(Object.fromEntries(ANALYSIS_STAGES.map((stage) => [stage, submittableReports(stage)]))).toEqual({
      planned: [],
      started: ['progress_reported', 'direction_reported'],
      progress_reported: ['direction_reported'],
      direction_reported: ['direction_reported', 'final_reported'],
      final_reported: [],
      follow_up: [],
    });
  });
});

describe('checkAnalysisStageMove, every combination', () => {
  const acceptedReports: (AnalysisReportingStage | null)[] = [null, ...ANALYSIS_REPORTING_STAGES];
  const directionKinds: (AnalysisDirectionKind | null)[] = [null, ...ANALYSIS_DIRECTION_KINDS];
  const cases = ANALYSIS_STAGES.flatMap((from) =>
    ANALYSIS_STAGES.flatMap((to) =>
      ANALYSIS_REVIEW_STATUSES.flatMap((reviewStatus) =>
        acceptedReports.flatMap((acceptedReport) =>
          [true, false].flatMap((hasMeeting) =>
            directionKinds.map((directionKind) => ({
              from,
              to,
              reviewStatus,
              acceptedReport,
              hasMeeting,
              directionKind,
            })),
          ),
        ),
      ),
    ),
  );

  // An oracle written from the rules in prose, checked against the module for all 6×6×5×4×2×3 inputs.
  function expected(move: (typeof cases)[number]): string {
    if (!ALLOWED_MOVES.has(`${move.from}>${move.to}`)) return 'not_a_next_stage';
    const isReport = ['progress_reported', 'direction_reported', 'final_reported'].includes(move.to);
    if (isReport) {
      if (move.reviewStatus !== 'accepted' || move.acceptedReport === null) return 'report_not_accepted';
      if (move.acceptedReport !== move.to) return 'report_for_other_stage';
      if (!move.hasMeeting) return 'meeting_required';
      if (move.to === 'direction_reported' && move.directionKind === null) return 'direction_kind_required';
    } else if (!['draft', 'returned'].includes(move.reviewStatus)) {
      return 'submission_pending';
    }
    if (move.to !== 'direction_reported' && move.directionKind !== null) return 'direction_kind_not_expected';
    return 'ok';
  }

  it(`decides all ${cases.length} inputs as the rules say`, () => {
    expect(cases).toHaveLength(6 * 6 * 5 * 4 * 2 * 3);
    const mismatches = cases.filter((move) => {
      const result = checkAnalysisStageMove(move);
      return (result.ok ? 'ok' : result.reason) !== expected(move);
    });
    expect(mismatches).toEqual([]);
  });

  it('allows each legal move in at least one situation and refuses every illegal one in all', () => {
    for (const from of ANALYSIS_STAGES) {
      for (const to of ANALYSIS_STAGES) {
        const isSomeAllowed = cases
          .filter((move) => move.from === from && move.to === to)
          .some((move) => checkAnalysisStageMove(move).ok);
        expect(isSomeAllowed, `${from} → ${to}`).toBe(ALLOWED_MOVES.has(`${from}>${to}`));
      }
    }
  });

  it('refuses planned → final_reported even with an accepted final report', () => {
    expect(
      checkAnalysisStageMove({
        from: 'planned',
        to: 'final_reported',
        reviewStatus: 'accepted',
        acceptedReport: 'final_reported',
        hasMeeting: true,
        directionKind: null,
      }),
    ).toEqual({ ok: false, reason: 'not_a_next_stage' });
  });

  it('reports progress at a meeting once the reform office has accepted the progress report', () => {
    expect(
      checkAnalysisStageMove({
        from: 'started',
        to: 'progress_reported',
        reviewStatus: 'accepted',
        acceptedReport: 'progress_reported',
        hasMeeting: true,
        directionKind: null,
      }),
    ).toEqual({ ok: true });
  });

  it('has a message in both languages for every refusal', () => {
    for (const reason of ANALYSIS_STAGE_MOVE_REFUSALS) {
      const message = analysisStageMoveRefusalMessage(reason);
      expect(message.ja.length).toBeGreaterThan(5);
      expect(message.en.length).toBeGreaterThan(5);
    }
    expect(() => analysisStageMoveRefusalMessage('nope' as never)).toThrow(RangeError);
  });

  it('consumes the accepted submission when a report is made, and keeps the status otherwise', () => {
    for (const to of ANALYSIS_STAGES) {
      for (const status of ANALYSIS_REVIEW_STATUSES) {
        expect(reviewStatusAfterStageMove(to, status)).toBe(isAnalysisReportingStage(to) ? 'draft' : status);
      }
    }
  });
});

describe('the review of a submission', () => {
  it.each(
    ANALYSIS_REVIEW_STATUSES.flatMap((status) =>
      ANALYSIS_REVIEW_ACTIONS.map((action) => [status, action] as const),
    ),
  )('from %s, %s leads where the workflow says', (status, action) => {
    expect(nextAnalysisReviewStatus(status, action)).toBe(
      ALLOWED_REVIEW_MOVES[`${status}>${action}`] ?? null,
    );
  });

  it('lists the actions of each status', () => {
    expect(
      Object.fromEntries(
        ANALYSIS_REVIEW_STATUSES.map((status) => [status, analysisReviewActionsFrom(status)]),
      ),
    ).toEqual({
      draft: ['submit'],
      submitted: ['withdraw', 'approve', 'return'],
      approved: ['return', 'accept'],
      returned: ['submit'],
      accepted: ['return'],
    });
  });

  it('lets the draft be edited only while nothing waits for review', () => {
    expect(ANALYSIS_REVIEW_STATUSES.filter((status) => isAnalysisDraftEditable(status))).toEqual([
      'draft',
      'returned',
    ]);
  });

  it('walks the journey: submit, approve, return, resubmit, approve, accept', () => {
    let status: AnalysisReviewStatus | null = 'draft';
    for (const action of ['submit', 'approve', 'return', 'submit', 'approve', 'accept'] as const) {
      status = nextAnalysisReviewStatus(status!, action);
      expect(status).not.toBeNull();
    }
    expect(status).toBe('accepted');
  });

  it('labels statuses and actions in both languages', () => {
    expect(ANALYSIS_REVIEW_STATUSES.map((status) => analysisReviewStatusLabel(status))).toEqual([
      '作成中',
      '局長承認待ち',
      '市政変革室確認中',
      '差戻し',
      '受理済み',
    ]);
    expect(ANALYSIS_REVIEW_ACTIONS.map((action) => analysisReviewActionLabel(action))).toEqual([
      '提出',
      '取下げ',
      '局長承認',
      '差戻し',
      '受理',
    ]);
    for (const status of ANALYSIS_REVIEW_STATUSES)
      expect(analysisReviewStatusLabel(status, 'en')).toMatch(/^[A-Z]/);
  });
});
