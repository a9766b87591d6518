import { describe, expect, it } from 'vitest';
import {
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_SOURCE_KIND_LABELS,
  INITIATIVE_SOURCE_KINDS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  isInitiativeOpen,
  isQuarterSpanValid,
  isUpdateDue,
  kpiAchievement,
  quarterFromOrdinal,
  quarterLabel,
  quarterOrdinal,
  reportingPeriodOf,
} from './initiatives';

describe('labels', () => {
  it('names statuses, health and sources as the programme does', () => {
    expect(INITIATIVE_STATUSES.map((status) => INITIATIVE_STATUS_LABELS[status].ja)).toEqual([
      '未着手',
      '取組中',
      '完了',
      '中止',
    ]);
    expect(INITIATIVE_HEALTH_LABELS.delayed.ja).toBe('遅延');
    for (const kind of INITIATIVE_SOURCE_KINDS) expect(INITIATIVE_SOURCE_KIND_LABELS[kind].ja).not.toBe('');
  });
});

describe('quarters of the 工程表', () => {
  it('orders quarters across fiscal years and back', () => {
    expect(quarterOrdinal({ fiscalYear: 2024, quarter: 4 }) + 1).toBe(
      quarterOrdinal({ fiscalYear: 2025, quarter: 1 }),
    );
    for (let ordinal = 8096; ordinal < 8110; ordinal++)
      expect(quarterOrdinal(quarterFromOrdinal(ordinal))).toBe(ordinal);
    expect(quarterFromOrdinal(quarterOrdinal({ fiscalYear: 2026, quarter: 3 }))).toEqual({
      fiscalYear: 2026,
      quarter: 3,
    });
  });

  it('accepts forward spans and single quarters, refuses the rest', () => {
    expect(isQuarterSpanValid({ fiscalYear: 2024, quarter: 2 }, { fiscalYear: 2024, quarter: 2 })).toBe(true);
    expect(isQuarterSpanValid({ fiscalYear: 2024, quarter: 3 }, { fiscalYear: 2025, quarter: 1 })).toBe(true);
    expect(isQuarterSpanValid({ fiscalYear: 2025, quarter: 1 }, { fiscalYear: 2024, quarter: 4 })).toBe(
      false,
    );
    expect(isQuarterSpanValid({ fiscalYear: 2024, quarter: 0 }, { fiscalYear: 2024, quarter: 1 })).toBe(
      false,
    );
    expect(isQuarterSpanValid({ fiscalYear: 2024, quarter: 1 }, { fiscalYear: 2024, quarter: 5 })).toBe(
      false,
    );
  });

  it('labels a quarter in both languages', () => {
    expect(quarterLabel({ fiscalYear: 2024, quarter: 3 })).toBe('2024年度 第3四半期');
    expect(quarterLabel({ fiscalYear: 2024, quarter: 3 }, 'en')).toBe('FY2024 Q3');
  });
});

describe('isUpdateDue', () => {
  it('owes an update when nothing was reported in the quarter of the day asked about', () => {
    const base = { status: 'in_progress' as const, cadence: 'quarterly' as const };
    expect(isUpdateDue({ ...base, lastUpdateOn: '2024-07-01', asOf: '2024-09-30' })).toBe(false);
    expect(isUpdateDue({ ...base, lastUpdateOn: '2024-06-30', asOf: '2024-07-01' })).toBe(true);
    // January–March is the fourth quarter of the year that began the April before.
    expect(isUpdateDue({ ...base, lastUpdateOn: '2025-01-10', asOf: '2025-03-31' })).toBe(false);
    expect(isUpdateDue({ ...base, lastUpdateOn: '2024-01-10', asOf: '2025-01-10' })).toBe(true);
    expect(isUpdateDue({ ...base, lastUpdateOn: null, asOf: '2024-04-01' })).toBe(true);
  });

  it('follows the cadence', () => {
    const base = { status: 'not_started' as const, lastUpdateOn: '2024-04-15' };
    expect(isUpdateDue({ ...base, cadence: 'monthly', asOf: '2024-05-01' })).toBe(true);
    expect(isUpdateDue({ ...base, cadence: 'quarterly', asOf: '2024-06-30' })).toBe(false);
    expect(isUpdateDue({ ...base, cadence: 'half_yearly', asOf: '2024-09-30' })).toBe(false);
    expect(isUpdateDue({ ...base, cadence: 'half_yearly', asOf: '2024-10-01' })).toBe(true);
  });

  it('never asks a finished or stopped initiative for updates', () => {
    for (const status of INITIATIVE_STATUSES) {
      const isDue = isUpdateDue({ status, lastUpdateOn: null, cadence: 'quarterly', asOf: '2024-10-01' });
      expect(isDue).toBe(isInitiativeOpen(status));
    }
  });

  it('gives comparable reporting periods', () => {
    expect(reportingPeriodOf('2025-02-01', 'quarterly')).toBe('2024-Q4');
    expect(reportingPeriodOf('2025-02-01', 'half_yearly')).toBe('2024-H2');
    expect(reportingPeriodOf('2025-02-01', 'monthly')).toBe('2025-02');
  });
});

describe('kpiAchievement (達成率)', () => {
  it('refuses a KPI without a target, and waits for an actual', () => {
    expect(kpiAchievement({ baseline: 10, target: null, actual: 12 })).toEqual({
      ok: false,
      reason: 'target_missing',
    });
    expect(kpiAchievement({ baseline: 10, target: 20, actual: null })).toEqual({
      ok: false,
      reason: 'actual_missing',
    });
  });

  it('measures the way from baseline to target, upwards and downwards', () => {
    expect(kpiAchievement({ baseline: 60, target: 80, actual: 75 })).toEqual({ ok: true, ratePercent: 75 });
    expect(kpiAchievement({ baseline: 50, target: 0, actual: 20 })).toEqual({ ok: true, ratePercent: 60 });
    expect(kpiAchievement({ baseline: 50, target: 0, actual: 60 })).toEqual({ ok: true, ratePercent: -20 });
    expect(kpiAchievement({ baseline: 0, target: 3, actual: 4 })).toEqual({ ok: true, ratePercent: 133.3 });
  });

  it('divides actual by target without a baseline', () => {
    expect(kpiAchievement({ baseline: null, target: 120, actual: 90 })).toEqual({
      ok: true,
      ratePercent: 75,
    });
  });

  it('gives no rate when the target leaves nothing to divide by', () => {
    expect(kpiAchievement({ baseline: null, target: 0, actual: 3 })).toEqual({ ok: true, ratePercent: null });
    expect(kpiAchievement({ baseline: 5, target: 5, actual: 5 })).toEqual({ ok: true, ratePercent: null });
  });
});
