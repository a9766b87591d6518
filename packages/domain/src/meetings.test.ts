import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  type ActionActor,
  type ActionStatus,
  AGENDA_ITEM_KINDS,
  actionDueState,
  actionStatusLabel,
  actionStatusSchema,
  agendaItemKindLabel,
  agendaItemKindSchema,
  canTransitionAction,
  canTransitionMinutes,
  isActionOpen,
  isMinutesEditable,
  isPermutationOf,
  MINUTES_STATUSES,
  type MinutesStatus,
  materialLabel,
  materialPublicationBlock,
  minutesStatusLabel,
  nextActionStatuses,
  numberMaterials,
} from './meetings';

describe('agenda item kinds', () => {
  it('are the five kinds of the design, each with Japanese and English names', () => {
    expect(AGENDA_ITEM_KINDS).toEqual([
      'analysis_report',
      'bureau_policy',
      'platinum',
      'instruction_review',
      'other',
    ]);
    expect(agendaItemKindLabel('analysis_report')).toBe('経営分析の報告');
    expect(agendaItemKindLabel('instruction_review', 'en')).toBe('Review of instructions');
    const english = new Set(AGENDA_ITEM_KINDS.map((kind) => agendaItemKindLabel(kind, 'en')));
    expect(english.size).toBe(AGENDA_ITEM_KINDS.length);
  });

  it('refuses unknown kinds', () => {
    expect(agendaItemKindSchema.safeParse('speech').success).toBe(false);
    expect(() => agendaItemKindLabel('speech' as never)).toThrow(RangeError);
  });
});

describe('資料 numbering', () => {
  it('numbers in agenda order, then in order inside an item', () => {
    const numbers = numberMaterials([
      { id: 'c', itemPosition: 2, position: 1 },
      { id: 'a', itemPosition: 1, position: 2 },
      { id: 'b', itemPosition: 1, position: 1 },
      { id: 'd', itemPosition: 3, position: 1 },
    ]);
    expect([...numbers.entries()]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('renumbers when the agenda order changes', () => {
    const before = numberMaterials([
      { id: 'x', itemPosition: 1, position: 1 },
      { id: 'y', itemPosition: 2, position: 1 },
    ]);
    const after = numberMaterials([
      { id: 'x', itemPosition: 2, position: 1 },
      { id: 'y', itemPosition: 1, position: 1 },
    ]);
    expect(before.get('x')).toBe(1);
    expect(after.get('x')).toBe(2);
    expect(after.get('y')).toBe(1);
  });

  it('gives an empty agenda no numbers and labels numbers in both languages', () => {
    expect(numberMaterials([]).size).toBe(0);
    expect(materialLabel(3)).toBe('資料3');
    expect(materialLabel(3, 'en')).toBe('Material 3');
    expect(() => materialLabel(0)).toThrow(RangeError);
    expect(() => materialLabel(1.5)).toThrow(RangeError);
  });
});

describe('agenda reorder', () => {
  it('accepts exactly a permutation of the items', () => {
    expect(isPermutationOf(['b', 'a', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(isPermutationOf([], [])).toBe(true);
    expect(isPermutationOf(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'b', 'd'], ['a', 'b', 'c'])).toBe(false);
    expect(isPermutationOf(['a', 'b'], ['a', 'a'])).toBe(false);
  });
});

describe('action state machine', () => {
  const actors: ActionActor[] = ['owner', 'reform_office'];
  // The whole table: every (from, to, actor) that is allowed; everything else is refused.
  const allowed = new Set([
    'open>in_progress:owner',
    'open>in_progress:reform_office',
    'open>reported:owner',
    'open>reported:reform_office',
    'open>closed:reform_office',
    'in_progress>reported:owner',
    'in_progress>reported:reform_office',
    'in_progress>closed:reform_office',
    'reported>in_progress:reform_office',
    'reported>closed:reform_office',
    'closed>in_progress:reform_office',
  ]);
  const cases: [ActionStatus, ActionStatus, ActionActor][] = [];
  for (const from of ACTION_STATUSES)
    for (const to of ACTION_STATUSES) for (const actor of actors) cases.push([from, to, actor]);

  it.each(cases)('%s → %s by %s follows the table', (from, to, actor) => {
    expect(canTransitionAction(from, to, actor)).toBe(allowed.has(`${from}>${to}:${actor}`));
  });

  it('never lets the owner close or reopen', () => {
    for (const from of ACTION_STATUSES) expect(canTransitionAction(from, 'closed', 'owner')).toBe(false);
    expect(nextActionStatuses('closed', 'owner')).toEqual([]);
    expect(nextActionStatuses('open', 'owner')).toEqual(['in_progress', 'reported']);
    expect(nextActionStatuses('reported', 'reform_office')).toEqual(['in_progress', 'closed']);
  });

  it('treats only closed actions as settled and labels every status', () => {
    expect(ACTION_STATUSES.filter(isActionOpen)).toEqual(['open', 'in_progress', 'reported']);
    expect(ACTION_STATUSES.map((status) => actionStatusLabel(status))).toEqual([
      '未着手',
      '対応中',
      '完了報告済み',
      '完了',
    ]);
    expect(actionStatusSchema.safeParse('done').success).toBe(false);
    expect(() => actionStatusLabel('done' as never)).toThrow(RangeError);
  });

  it('marks due dates as overdue, due soon or not due, and closed ones as done', () => {
    expect(actionDueState('open', '2024-09-30', '2024-10-01')).toBe('overdue');
    expect(actionDueState('in_progress', '2024-10-01', '2024-10-01')).toBe('due_soon');
    expect(actionDueState('reported', '2024-10-08', '2024-10-01')).toBe('due_soon');
    expect(actionDueState('open', '2024-10-09', '2024-10-01')).toBe('not_due');
    expect(actionDueState('open', '2024-10-09', '2024-10-01', 10)).toBe('due_soon');
    expect(actionDueState('closed', '2024-01-01', '2024-10-01')).toBe('done');
    // Across a month and a year end.
    expect(actionDueState('open', '2025-01-03', '2024-12-28')).toBe('due_soon');
  });
});

describe('minutes state machine', () => {
  const allowed = new Set(['draft>approved', 'approved>draft', 'approved>published', 'published>approved']);
  const cases: [MinutesStatus, MinutesStatus][] = [];
  for (const from of MINUTES_STATUSES) for (const to of MINUTES_STATUSES) cases.push([from, to]);

  it.each(cases)('%s → %s follows the table', (from, to) => {
    expect(canTransitionMinutes(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('edits text only in draft, never publishes a draft directly, and labels every status', () => {
    expect(MINUTES_STATUSES.filter(isMinutesEditable)).toEqual(['draft']);
    expect(canTransitionMinutes('draft', 'published')).toBe(false);
    expect(MINUTES_STATUSES.map((status) => minutesStatusLabel(status))).toEqual([
      '作成中',
      '承認済み',
      '公開中',
    ]);
    expect(minutesStatusLabel('published', 'en')).toBe('Published');
  });
});

describe('material publication rule (黒塗り)', () => {
  it('blocks a redaction-flagged material until it carries its redacted file', () => {
    expect(materialPublicationBlock({ isRedactionRequired: true, hasRedactedFile: false })).toBe(
      'redacted_file_missing',
    );
    expect(materialPublicationBlock({ isRedactionRequired: true, hasRedactedFile: true })).toBeNull();
    expect(materialPublicationBlock({ isRedactionRequired: false, hasRedactedFile: false })).toBeNull();
    expect(materialPublicationBlock({ isRedactionRequired: false, hasRedactedFile: true })).toBeNull();
  });
});
