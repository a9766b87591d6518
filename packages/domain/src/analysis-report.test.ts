import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_REPORT_SECTIONS,
  type AnalysisReportSection,
  analysisReportPatchSchema,
  analysisReportSchema,
  analysisReportSectionLabel,
  compareAnalysisReports,
  diffTextSentences,
  emptyAnalysisReport,
  readStoredAnalysisReport,
} from './analysis-report';
import { seededRandom } from './test-support';

describe('report sections', () => {
  it('come conclusion first, in the order of the report', () => {
    expect(ANALYSIS_REPORT_SECTIONS.map((section) => analysisReportSectionLabel(section))).toEqual([
      '結論',
      '現状',
      'ニーズ・課題',
      '比較分析',
      '論点',
      '改革の方向性',
      '工程表',
      '効果額',
      'KPI',
    ]);
    expect(analysisReportSectionLabel('roadmap', 'en')).toBe('Roadmap');
    expect(() => analysisReportSectionLabel('summary' as AnalysisReportSection)).toThrow(RangeError);
  });

  it('an empty object is an empty report with every section', () => {
    const report = emptyAnalysisReport();
    expect(Object.keys(report)).toEqual([...ANALYSIS_REPORT_SECTIONS]);
    expect(report.currentState).toEqual({
      text: '',
      annualCost: null,
      staffCount: null,
      volumes: [],
      budgetLines: [],
    });
  });

  it('accepts a full report', () => {
    const parsed = analysisReportSchema.safeParse({
      conclusion: { text: '保育所の運営を見直す。' },
      currentState: {
        text: '現状',
        annualCost: '12345000000',
        staffCount: 12.5,
        volumes: [{ label: '入所児童数', value: 15000, unit: '人' }],
        budgetLines: [
          { name: '保育所運営費', amount: '9876543000', legalBasis: '児童福祉法第24条', note: '' },
        ],
      },
      directions: { items: [{ kind: 'budget', title: '公立保育所の民営化', detail: '' }] },
      roadmap: { steps: [{ fiscalYear: 2025, quarter: 2, title: '方針決定', detail: '' }] },
      kpis: {
        items: [
          {
            name: '待機児童数',
            unit: '人',
            direction: 'lower_is_better',
            baseline: { fiscalYear: 2023, value: 12 },
            targets: [{ fiscalYear: 2026, value: 0 }],
            actuals: [],
          },
        ],
      },
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [
      'a negative staff count',
      { currentState: { text: '', annualCost: null, staffCount: -1, volumes: [], budgetLines: [] } },
    ],
    [
      'a negative budget amount',
      { currentState: { text: '', annualCost: '-5', staffCount: null, volumes: [], budgetLines: [] } },
    ],
    [
      'an amount with a fraction',
      { currentState: { text: '', annualCost: '1.5', staffCount: null, volumes: [], budgetLines: [] } },
    ],
    ['a quarter 5', { roadmap: { steps: [{ fiscalYear: 2025, quarter: 5, title: 'x', detail: '' }] } }],
    [
      'a direction kind that does not exist',
      { directions: { items: [{ kind: 'other', title: 'x', detail: '' }] } },
    ],
    ['an unknown section', { summary: { text: '' } }],
    ['an unknown field', { conclusion: { text: '', author: 'x' } }],
    ['an over-long text', { conclusion: { text: 'あ'.repeat(20_001) } }],
    ['a blank title', { issues: { items: [{ title: '   ', detail: '' }] } }],
    [
      'a fiscal year out of range',
      { roadmap: { steps: [{ fiscalYear: 1900, quarter: null, title: 'x', detail: '' }] } },
    ],
  ])('refuses %s', (_name, input) => {
    expect(analysisReportSchema.safeParse(input).success).toBe(false);
  });
});

describe('changing some sections', () => {
  it('keeps only the sections given, without filling the others', () => {
    expect(analysisReportPatchSchema.parse({ conclusion: { text: 'a' } })).toEqual({
      conclusion: { text: 'a' },
    });
    expect(analysisReportPatchSchema.parse({})).toEqual({});
  });

  it('validates the sections given as strictly as the whole report', () => {
    expect(analysisReportPatchSchema.safeParse({ conclusion: {} }).success).toBe(false);
    expect(analysisReportPatchSchema.safeParse({ other: {} }).success).toBe(false);
    expect(
      analysisReportPatchSchema.safeParse({
        currentState: { text: '', annualCost: null, staffCount: -3, volumes: [], budgetLines: [] },
      }).success,
    ).toBe(false);
  });

  it('reads stored reports, filling missing sections, and refuses damaged ones', () => {
    expect(readStoredAnalysisReport({ conclusion: { text: 'x' } })?.kpis).toEqual({ items: [] });
    expect(readStoredAnalysisReport(null)).toEqual(emptyAnalysisReport());
    expect(readStoredAnalysisReport({ conclusion: 3 })).toBeNull();
  });
});

describe('diffTextSentences', () => {
  it('keeps unchanged sentences and marks the changed ones', () => {
    expect(diffTextSentences('保育所は120か所。利用者は増加。', '保育所は120か所。利用者は減少。')).toEqual([
      { kind: 'same', text: '保育所は120か所。' },
      { kind: 'removed', text: '利用者は増加。' },
      { kind: 'added', text: '利用者は減少。' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffTextSentences('', '')).toEqual([]);
    expect(diffTextSentences('', 'あ。')).toEqual([{ kind: 'added', text: 'あ。' }]);
    expect(diffTextSentences('あ。', '')).toEqual([{ kind: 'removed', text: 'あ。' }]);
  });

  it('rebuilds both texts from its parts, for random edits', () => {
    const random = seededRandom(11);
    const pool = ['一。', '二。', '三。', '四。\n', '五！', 'six.'];
    for (let round = 0; round < 300; round++) {
      const make = () => Array.from({ length: random() % 8 }, () => pool[random() % pool.length]).join('');
      const before = make();
      const after = make();
      const parts = diffTextSentences(before, after);
      expect(
        parts
          .filter((part) => part.kind !== 'added')
          .map((part) => part.text)
          .join(''),
      ).toBe(before);
      expect(
        parts
          .filter((part) => part.kind !== 'removed')
          .map((part) => part.text)
          .join(''),
      ).toBe(after);
    }
  });
});

describe('compareAnalysisReports', () => {
  const before = emptyAnalysisReport();

  it('finds nothing between equal reports', () => {
    const result = compareAnalysisReports(before, emptyAnalysisReport());
    expect(result.map((section) => section.section)).toEqual([...ANALYSIS_REPORT_SECTIONS]);
    expect(result.every((section) => !section.isChanged)).toBe(true);
  });

  it('reports a changed conclusion with a sentence diff, and only that section', () => {
    const after = { ...before, conclusion: { text: '民営化を進める。あわせて、施設の再配置を検討する。' } };
    const result = compareAnalysisReports({ ...before, conclusion: { text: '民営化を進める。' } }, after);
    const conclusion = result.find((section) => section.section === 'conclusion')!;
    expect(conclusion.isChanged).toBe(true);
    expect(conclusion.changes).toEqual([
      {
        path: 'text',
        kind: 'changed',
        before: '民営化を進める。',
        after: '民営化を進める。あわせて、施設の再配置を検討する。',
        textDiff: [
          { kind: 'same', text: '民営化を進める。' },
          { kind: 'added', text: 'あわせて、施設の再配置を検討する。' },
        ],
      },
    ]);
    expect(result.filter((section) => section.isChanged).map((section) => section.section)).toEqual([
      'conclusion',
    ]);
  });

  it('matches list items so that an insertion shows as one added item', () => {
    const item = (title: string) => ({ kind: 'budget' as const, title, detail: '' });
    const result = compareAnalysisReports(
      { directions: { items: [item('A'), item('B')] } },
      { directions: { items: [item('New'), item('A'), item('B')] } },
    );
    expect(result.find((section) => section.section === 'directions')!.changes).toEqual([
      { path: 'items[0].kind', kind: 'added', before: null, after: 'budget' },
      { path: 'items[0].title', kind: 'added', before: null, after: 'New' },
      { path: 'items[0].detail', kind: 'added', before: null, after: '' },
    ]);
  });

  it('pairs a replaced item as a change of its fields, and lists removals', () => {
    const result = compareAnalysisReports(
      {
        issues: {
          items: [
            { title: 'A', detail: '' },
            { title: 'B', detail: 'x' },
            { title: 'C', detail: '' },
          ],
        },
      },
      {
        issues: {
          items: [
            { title: 'A', detail: '' },
            { title: 'B2', detail: 'x' },
          ],
        },
      },
    );
    expect(result.find((section) => section.section === 'issues')!.changes).toEqual([
      { path: 'items[1].title', kind: 'changed', before: 'B', after: 'B2' },
      { path: 'items[2].title', kind: 'removed', before: 'C', after: null },
      { path: 'items[2].detail', kind: 'removed', before: '', after: null },
    ]);
  });

  it('treats sections absent from an older version as added', () => {
    const result = compareAnalysisReports({}, { kpis: { items: [] }, effects: { text: '年1億円' } });
    expect(result.find((section) => section.section === 'effects')!.changes).toEqual([
      { path: 'text', kind: 'added', before: null, after: '年1億円' },
    ]);
    // An empty list that appears has no leaves: nothing to show.
    expect(result.find((section) => section.section === 'kpis')!.isChanged).toBe(false);
  });

  it('shows a value that became null and back', () => {
    const withCost = { currentState: { ...before.currentState, annualCost: '1000' } };
    const result = compareAnalysisReports(withCost, before);
    expect(result.find((section) => section.section === 'currentState')!.changes).toEqual([
      { path: 'annualCost', kind: 'changed', before: '1000', after: null },
    ]);
  });
});
