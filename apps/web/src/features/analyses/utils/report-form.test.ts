import { describe, expect, it } from 'vitest';
import type { Report } from '../types';
import { toReportSection, toSectionForm } from './report-form';

const report: Report = {
  conclusion: { text: '結論' },
  currentState: {
    text: '現状',
    annualCost: '12480000000',
    staffCount: 620,
    volumes: [{ label: '公立保育所', value: 28, unit: 'か所' }],
    budgetLines: [
      { name: '公立保育所運営費', amount: '8630000000', legalBasis: '児童福祉法第24条', note: '' },
    ],
  },
  needs: { text: '', needIds: [] },
  comparison: { text: '' },
  issues: { items: [] },
  directions: { items: [{ kind: 'budget', title: '再配置', detail: '' }] },
  roadmap: { steps: [{ fiscalYear: 2025, quarter: null, title: '選定', detail: '' }] },
  effects: { text: '' },
  kpis: {
    items: [
      {
        name: '運営費',
        unit: '千円',
        direction: 'lower_is_better',
        baseline: { fiscalYear: 2023, value: 2480 },
        targets: [{ fiscalYear: 2026, value: 2200 }],
        actuals: [],
      },
    ],
  },
};

describe('report sections as forms', () => {
  it('round-trips every section', () => {
    for (const section of ['conclusion', 'currentState', 'directions', 'roadmap', 'kpis'] as const) {
      const result = toReportSection(section, toSectionForm(section, report));
      expect(result).toEqual({ ok: true, value: report[section] });
    }
  });

  it('shows amounts in 千円 and reads them back as yen', () => {
    const form = toSectionForm('currentState', report);
    expect(form.annualCost).toBe('12,480,000');
    expect(form.budgetLines[0]!.amount).toBe('8,630,000');
    const edited = { ...form, annualCost: '１２，０００', staffCount: '12.5' };
    expect(toReportSection('currentState', edited)).toMatchObject({
      ok: true,
      value: { annualCost: '12000000', staffCount: 12.5 },
    });
  });

  it('reports what cannot be read, by field', () => {
    const form = toSectionForm('currentState', report);
    expect(toReportSection('currentState', { ...form, annualCost: '-5', staffCount: 'many' })).toEqual({
      ok: false,
      problems: [
        { path: 'annualCost', key: 'amount' },
        { path: 'staffCount', key: 'number' },
      ],
    });
    const kpis = toSectionForm('kpis', report);
    expect(toReportSection('kpis', { items: [{ ...kpis.items[0]!, targets: '2026=0' }] })).toEqual({
      ok: false,
      problems: [{ path: 'items.0.targets', key: 'yearValues' }],
    });
    const roadmap = toSectionForm('roadmap', report);
    expect(toReportSection('roadmap', { steps: [{ ...roadmap.steps[0]!, fiscalYear: '25' }] })).toMatchObject(
      {
        ok: false,
      },
    );
  });
});
