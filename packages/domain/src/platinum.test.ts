import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_DECISIONS,
  type AssignmentDecision,
  assignmentDecisionLabel,
  CAMPAIGN_PHASES,
  campaignPhaseLabel,
  campaignPhasesSchema,
  canStartImplementation,
  canWriteResponse,
  decisionRefusal,
  FUNNEL_STAGES,
  funnelStageLabel,
  funnelStageOf,
  hasReachedStage,
  IDEA_ACTIONS,
  IDEA_PROGRESS,
  IDEA_STATUSES,
  type IdeaAction,
  type IdeaStatus,
  ISSUE_ACTIONS,
  ISSUE_ACTIONS_NEEDING_REASON,
  ISSUE_STATUSES,
  type IssueAction,
  type IssueStatus,
  ideaProgress,
  ideaProgressCondition,
  ideaProgressLabel,
  isAssignmentOverdue,
  isDecisionPutIntoPractice,
  isIdeaSupportable,
  isIdeaVisibleToPeers,
  isIssueInTriage,
  isSubmissionOpen,
  issueScoreSchema,
  issueStatusLabel,
  mergeRefusal,
  nextIdeaStatus,
  nextIssueStatus,
  nextResponseStatus,
  PLATINUM_THEMES,
  phaseBounds,
  phaseSpanLabel,
  phaseSpanSchema,
  phaseTiming,
  platinumThemeLabel,
  platinumThemeSchema,
  RESPONSE_ACTIONS,
  RESPONSE_STATUSES,
  type ResponseAction,
  type ResponseStatus,
  SCORE_CRITERIA,
  scoreCriterionLabel,
  summarizeScores,
} from './platinum';
import { preciseDate } from './precise-date';

const june = preciseDate('month', 2024, 6);
const july = preciseDate('month', 2024, 7);

describe('themes and phases', () => {
  it('has the seed three themes with labels', () => {
    expect(PLATINUM_THEMES).toEqual(['workstyle', 'office', 'rules']);
    expect(PLATINUM_THEMES.map((theme) => platinumThemeLabel(theme))).toEqual([
      'ワークスタイル',
      'オフィス',
      'ルール',
    ]);
    expect(platinumThemeLabel('rules', 'en')).toBe('Rules');
    expect(platinumThemeSchema.safeParse('budget').success).toBe(false);
    expect(() => platinumThemeLabel('budget' as never)).toThrow(RangeError);
  });

  it('names every phase in the seed words', () => {
    expect(CAMPAIGN_PHASES.map((phase) => campaignPhaseLabel(phase))).toEqual([
      'アイデア募集',
      'PTの人選・結成',
      'PTによる課題等の洗い出し',
      '制度所管局で解決案の検討・決定',
      '関係局長による対応方針の表明',
      '試行・実施',
    ]);
    for (const phase of CAMPAIGN_PHASES) expect(campaignPhaseLabel(phase, 'en')).not.toBe('');
    expect(() => campaignPhaseLabel('vote' as never)).toThrow(RangeError);
  });

  it('labels a span of months, a single month and days across a year', () => {
    expect(phaseSpanLabel({ from: june, to: july })).toBe('6月〜7月');
    expect(phaseSpanLabel({ from: june, to: july }, 'en')).toBe('Jun – Jul');
    expect(phaseSpanLabel({ from: july, to: july })).toBe('7月');
    expect(phaseSpanLabel({ from: preciseDate('early', 2024, 10), to: preciseDate('early', 2024, 10) })).toBe(
      '10月上旬',
    );
    expect(phaseSpanLabel({ from: preciseDate('month', 2024, 12), to: preciseDate('month', 2025, 3) })).toBe(
      '2024年12月〜2025年3月',
    );
  });

  it('accepts consistent spans only, the end not before the start', () => {
    expect(phaseSpanSchema.safeParse({ from: june, to: july }).success).toBe(true);
    expect(phaseSpanSchema.safeParse({ from: july, to: june }).success).toBe(false);
    expect(phaseSpanSchema.safeParse({ from: { ...june, end: '2024-06-15' }, to: july }).success).toBe(false);
    expect(phaseSpanSchema.safeParse({ from: june, to: july, extra: 1 }).success).toBe(false);
    // A month ending before a 下旬 that starts with it: to.end must not be before from.end.
    expect(
      phaseSpanSchema.safeParse({ from: preciseDate('month', 2024, 6), to: preciseDate('early', 2024, 6) })
        .success,
    ).toBe(false);
  });

  it('needs the submission phase; the others may be null or left out', () => {
    expect(campaignPhasesSchema.safeParse({ submission: { from: june, to: july } }).success).toBe(true);
    expect(
      campaignPhasesSchema.safeParse({ submission: { from: june, to: july }, trial: null }).success,
    ).toBe(true);
    expect(campaignPhasesSchema.safeParse({ pt_formation: { from: july, to: july } }).success).toBe(false);
    expect(campaignPhasesSchema.safeParse({ submission: { from: june, to: july }, vote: null }).success).toBe(
      false,
    );
  });

  it('opens submission on the first day and closes it after the last', () => {
    const phases = { submission: { from: june, to: july } };
    expect(phaseBounds(phases.submission)).toEqual({ start: '2024-06-01', end: '2024-07-31' });
    expect(isSubmissionOpen(phases, '2024-05-31')).toBe(false);
    expect(isSubmissionOpen(phases, '2024-06-01')).toBe(true);
    expect(isSubmissionOpen(phases, '2024-07-31')).toBe(true);
    expect(isSubmissionOpen(phases, '2024-08-01')).toBe(false);
    expect(phaseTiming(phases.submission, '2024-05-31')).toBe('upcoming');
    expect(phaseTiming(phases.submission, '2024-07-01')).toBe('current');
    expect(phaseTiming(phases.submission, '2024-08-01')).toBe('past');
  });
});

describe('the idea pipeline', () => {
  const expected: Record<IdeaAction, Partial<Record<IdeaStatus, IdeaStatus>>> = {
    edit: { submitted: 'submitted' },
    withdraw: { submitted: 'withdrawn' },
    group: { submitted: 'grouped' },
    ungroup: { grouped: 'submitted' },
    merge: { submitted: 'merged', grouped: 'merged' },
    unmerge: { merged: 'submitted' },
    hide: { submitted: 'hidden' },
    restore: { hidden: 'submitted' },
  };

  it('allows exactly the listed transitions (every status × every action)', () => {
    expect([...IDEA_ACTIONS].sort()).toEqual(Object.keys(expected).sort());
    for (const action of IDEA_ACTIONS) {
      for (const status of IDEA_STATUSES) {
        expect([status, action, nextIdeaStatus(status, action)]).toEqual([
          status,
          action,
          expected[action][status] ?? null,
        ]);
      }
    }
    expect(() => nextIdeaStatus('submitted', 'delete' as never)).toThrow(RangeError);
  });

  it('lets only live ideas be supported, and hides withdrawn and hidden ones from peers', () => {
    expect(IDEA_STATUSES.filter(isIdeaSupportable)).toEqual(['submitted', 'grouped']);
    expect(IDEA_STATUSES.filter(isIdeaVisibleToPeers)).toEqual(['submitted', 'grouped', 'merged']);
  });

  it('merges only live ideas of one campaign into another live idea', () => {
    const idea = (id: string, status: IdeaStatus, campaignId = 'c1') => ({ id, campaignId, status });
    expect(mergeRefusal(idea('a', 'submitted'), idea('a', 'submitted'))).toBe('same_idea');
    expect(mergeRefusal(idea('a', 'submitted'), idea('b', 'submitted', 'c2'))).toBe('other_campaign');
    for (const source of IDEA_STATUSES) {
      for (const target of IDEA_STATUSES) {
        const refusal = mergeRefusal(idea('a', source), idea('b', target));
        const sourceOk = source === 'submitted' || source === 'grouped';
        const targetOk = target === 'submitted' || target === 'grouped';
        expect([source, target, refusal]).toEqual([
          source,
          target,
          !sourceOk ? 'source_status' : !targetOk ? 'target_status' : null,
        ]);
      }
    }
  });
});

describe('the issue pipeline', () => {
  const expected: Record<IssueAction, Partial<Record<IssueStatus, IssueStatus>>> = {
    hold: { open: 'on_hold' },
    decline: { open: 'declined', on_hold: 'declined' },
    reopen: { on_hold: 'open', declined: 'open' },
    send_on: { open: 'sent_on', on_hold: 'sent_on' },
    recall: { sent_on: 'open' },
    decide: { sent_on: 'decided', decided: 'decided' },
    announce: { decided: 'announced' },
    implement: { announced: 'implemented' },
  };

  it('allows exactly the listed transitions (every status × every action)', () => {
    expect([...ISSUE_ACTIONS].sort()).toEqual(Object.keys(expected).sort());
    for (const action of ISSUE_ACTIONS) {
      for (const status of ISSUE_STATUSES) {
        expect([status, action, nextIssueStatus(status, action)]).toEqual([
          status,
          action,
          expected[action][status] ?? null,
        ]);
      }
    }
    expect(() => nextIssueStatus('open', 'close' as never)).toThrow(RangeError);
  });

  it('reaches every status from open, and nothing leaves implemented', () => {
    const reached = new Set<IssueStatus>(['open']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached]) {
        for (const action of ISSUE_ACTIONS) {
          const next = nextIssueStatus(status, action);
          if (next && !reached.has(next)) {
            reached.add(next);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...ISSUE_STATUSES].sort());
    expect(ISSUE_ACTIONS.map((action) => nextIssueStatus('implemented', action)).filter(Boolean)).toEqual([]);
  });

  it('asks a reason for holding and declining, which submitters see', () => {
    expect(ISSUE_ACTIONS_NEEDING_REASON).toEqual(['hold', 'decline']);
  });

  it('keeps an issue in triage until it is sent on', () => {
    expect(ISSUE_STATUSES.filter(isIssueInTriage)).toEqual(['open', 'on_hold']);
  });

  it('labels every status', () => {
    for (const status of ISSUE_STATUSES) {
      expect(issueStatusLabel(status)).not.toBe('');
      expect(issueStatusLabel(status, 'en')).not.toBe('');
    }
    expect(issueStatusLabel('declined')).toBe('見送り');
    expect(() => issueStatusLabel('closed' as never)).toThrow(RangeError);
  });
});

describe('the bureau decision', () => {
  const date = preciseDate('month', 2025, 1);

  it('labels the four decisions', () => {
    expect(ASSIGNMENT_DECISIONS.map((decision) => assignmentDecisionLabel(decision))).toEqual([
      '採用',
      '一部採用',
      '検討継続',
      '不採用',
    ]);
    expect(assignmentDecisionLabel('continue_study', 'en')).toBe('Further study');
    expect(() => assignmentDecisionLabel('maybe' as never)).toThrow(RangeError);
  });

  it('is recorded only while the issue is with the bureau and not yet announced', () => {
    for (const issueStatus of ISSUE_STATUSES) {
      for (const decision of ASSIGNMENT_DECISIONS) {
        const refusal = decisionRefusal({
          issueStatus,
          decision,
          reason: '理由',
          implementationDate: isDecisionPutIntoPractice(decision) ? date : null,
        });
        const isWithBureau = issueStatus === 'sent_on' || issueStatus === 'decided';
        expect([issueStatus, decision, refusal]).toEqual([
          issueStatus,
          decision,
          isWithBureau ? null : 'issue_not_with_bureau',
        ]);
      }
    }
  });

  it.each<[AssignmentDecision, boolean, string | null, string | null]>([
    ['adopted', true, null, 'implementation_date_required'],
    ['partly_adopted', true, null, 'implementation_date_required'],
    ['continue_study', false, null, null],
    ['not_adopted', false, 'implementation_date_not_allowed', null],
  ])('%s: date needed %s; with a date → %s; without → %s', (decision, needsDate, withDate, withoutDate) => {
    expect(isDecisionPutIntoPractice(decision)).toBe(needsDate);
    expect(
      decisionRefusal({ issueStatus: 'sent_on', decision, reason: '理由', implementationDate: date }),
    ).toBe(withDate);
    expect(
      decisionRefusal({ issueStatus: 'sent_on', decision, reason: '理由', implementationDate: null }),
    ).toBe(withoutDate);
    expect(
      decisionRefusal({ issueStatus: 'sent_on', decision, reason: '  ', implementationDate: date }),
    ).toBe('reason_required');
  });

  it('starts a trial only after the announcement of an adopted or partly adopted decision', () => {
    for (const issueStatus of ISSUE_STATUSES) {
      for (const decision of [...ASSIGNMENT_DECISIONS, null]) {
        const expected =
          issueStatus === 'announced' && (decision === 'adopted' || decision === 'partly_adopted');
        expect([issueStatus, decision, canStartImplementation(issueStatus, decision)]).toEqual([
          issueStatus,
          decision,
          expected,
        ]);
      }
    }
  });

  it('is overdue only while undecided after the due date', () => {
    expect(isAssignmentOverdue('sent_on', '2024-09-30', '2024-10-01')).toBe(true);
    expect(isAssignmentOverdue('sent_on', '2024-09-30', '2024-09-30')).toBe(false);
    expect(isAssignmentOverdue('sent_on', null, '2024-10-01')).toBe(false);
    for (const status of ISSUE_STATUSES.filter((status) => status !== 'sent_on')) {
      expect(isAssignmentOverdue(status, '2024-09-30', '2025-01-01')).toBe(false);
    }
  });
});

describe('the response', () => {
  const expected: Record<ResponseAction, Partial<Record<ResponseStatus | 'none', ResponseStatus>>> = {
    save: { none: 'draft', draft: 'draft', pending_approval: 'draft' },
    submit: { draft: 'pending_approval' },
    return: { pending_approval: 'draft' },
    approve: { pending_approval: 'published' },
  };

  it('allows exactly the listed transitions; a published response never changes', () => {
    for (const action of RESPONSE_ACTIONS) {
      for (const status of [null, ...RESPONSE_STATUSES]) {
        expect([status, action, nextResponseStatus(status, action)]).toEqual([
          status,
          action,
          expected[action][status ?? 'none'] ?? null,
        ]);
      }
    }
    expect(() => nextResponseStatus('draft', 'publish' as never)).toThrow(RangeError);
  });

  it('is written while the issue is with the bureau, and sent for approval once decided', () => {
    expect(ISSUE_STATUSES.filter((status) => canWriteResponse(status, 'save'))).toEqual([
      'sent_on',
      'decided',
    ]);
    expect(ISSUE_STATUSES.filter((status) => canWriteResponse(status, 'submit'))).toEqual(['decided']);
    expect(ISSUE_STATUSES.filter((status) => canWriteResponse(status, 'approve'))).toEqual(['decided']);
  });
});

describe('scores', () => {
  it('accepts whole numbers 1–5 on the three criteria and nothing else', () => {
    expect(SCORE_CRITERIA.map((criterion) => scoreCriterionLabel(criterion))).toEqual([
      '効果の大きさ',
      '実現可能性',
      '波及範囲',
    ]);
    expect(issueScoreSchema.safeParse({ impact: 1, feasibility: 5, breadth: 3 }).success).toBe(true);
    for (const bad of [0, 6, 2.5, -1, '3', null]) {
      expect(issueScoreSchema.safeParse({ impact: bad, feasibility: 3, breadth: 3 }).success).toBe(false);
    }
    expect(issueScoreSchema.safeParse({ impact: 3, feasibility: 3 }).success).toBe(false);
    expect(issueScoreSchema.safeParse({ impact: 3, feasibility: 3, breadth: 3, cost: 2 }).success).toBe(
      false,
    );
    expect(() => scoreCriterionLabel('cost' as never)).toThrow(RangeError);
  });

  it('summarises 2 of 3 reviewers with averages', () => {
    const summary = summarizeScores(
      [
        { impact: 5, feasibility: 3, breadth: 4 },
        { impact: 4, feasibility: 2, breadth: 4 },
      ],
      3,
    );
    expect(summary).toEqual({
      scoredCount: 2,
      reviewerCount: 3,
      progressLabel: '2/3',
      isComplete: false,
      averages: { impact: 4.5, feasibility: 2.5, breadth: 4 },
      overall: 3.67,
    });
  });

  it('has no averages before anyone scores, and is complete when all have', () => {
    expect(summarizeScores([], 3)).toMatchObject({
      progressLabel: '0/3',
      averages: null,
      overall: null,
      isComplete: false,
    });
    expect(summarizeScores([{ impact: 1, feasibility: 1, breadth: 1 }], 1)).toMatchObject({
      progressLabel: '1/1',
      isComplete: true,
      overall: 1,
    });
    expect(summarizeScores([], 0).isComplete).toBe(false);
  });
});

describe('idea progress and the funnel', () => {
  const combinations: [IdeaStatus, IssueStatus | null][] = IDEA_STATUSES.flatMap(
    (status): [IdeaStatus, IssueStatus | null][] =>
      status === 'grouped' ? ISSUE_STATUSES.map((issueStatus) => [status, issueStatus]) : [[status, null]],
  );

  it('gives every idea a progress, and the filter condition matches exactly the ideas with that progress', () => {
    for (const progress of IDEA_PROGRESS) {
      const condition = ideaProgressCondition(progress);
      for (const [status, issueStatus] of combinations) {
        const matches =
          status === condition.ideaStatus &&
          (condition.issueStatuses === null
            ? issueStatus === null
            : condition.issueStatuses.includes(issueStatus!));
        expect([progress, status, issueStatus, matches]).toEqual([
          progress,
          status,
          issueStatus,
          ideaProgress(status, issueStatus) === progress,
        ]);
      }
      expect(ideaProgressLabel(progress)).not.toBe('');
      expect(ideaProgressLabel(progress, 'en')).not.toBe('');
    }
    expect(() => ideaProgress('grouped', null)).toThrow(RangeError);
    expect(() => ideaProgressLabel('lost' as never)).toThrow(RangeError);
  });

  it('places every idea at its furthest funnel stage', () => {
    expect(funnelStageOf('withdrawn', null)).toBeNull();
    expect(funnelStageOf('hidden', null)).toBeNull();
    expect(funnelStageOf('submitted', null)).toBe('submitted');
    expect(funnelStageOf('merged', null)).toBe('submitted');
    const grouped: Record<IssueStatus, string> = {
      open: 'grouped',
      on_hold: 'grouped',
      declined: 'grouped',
      sent_on: 'sent_on',
      decided: 'decided',
      announced: 'announced',
      implemented: 'implemented',
    };
    for (const issueStatus of ISSUE_STATUSES)
      expect(funnelStageOf('grouped', issueStatus)).toBe(grouped[issueStatus]);
    expect(() => funnelStageOf('grouped', null)).toThrow(RangeError);
  });

  it('orders the stages so a later one has passed the earlier ones', () => {
    for (const [index, reached] of FUNNEL_STAGES.entries()) {
      for (const [other, stage] of FUNNEL_STAGES.entries()) {
        expect(hasReachedStage(reached, stage)).toBe(index >= other);
      }
      expect(funnelStageLabel(reached)).not.toBe('');
    }
    expect(() => funnelStageLabel('lost' as never)).toThrow(RangeError);
  });
});
