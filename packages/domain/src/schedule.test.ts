import { describe, expect, it } from 'vitest';
import { DATE_PRECISIONS, preciseDate } from './precise-date';
import {
  SCHEDULE_LANES,
  scheduleLaneLabel,
  scheduleMonths,
  scheduleSpanLabel,
  scheduleSpanProblem,
  spanOffsets,
  unitContaining,
} from './schedule';
import { eachIsoDay } from './test-support';

describe('schedule lanes', () => {
  it('names every lane as the programme deck does, in both languages', () => {
    expect(SCHEDULE_LANES.map((lane) => scheduleLaneLabel(lane))).toEqual([
      'X会議',
      '局区X方針',
      '各局室区の自主的な取組',
      '経営分析',
      'プラチナ市役所プロジェクト',
    ]);
    for (const lane of SCHEDULE_LANES) expect(scheduleLaneLabel(lane, 'en')).toMatch(/^[A-Z]/);
    expect(() => scheduleLaneLabel('other' as never)).toThrow(RangeError);
  });
});

describe('unitContaining', () => {
  it('puts every day of a fiscal year in a unit of every precision that contains it', () => {
    for (const day of eachIsoDay('2024-04-01', '2025-03-31')) {
      for (const precision of DATE_PRECISIONS) {
        const unit = unitContaining(precision, day);
        expect(unit.start <= day && day <= unit.end).toBe(true);
      }
    }
  });

  it('gives the 旬 of a day and the quarter of a fiscal year', () => {
    expect(unitContaining('early', '2024-10-05')).toEqual(preciseDate('early', 2024, 10));
    expect(unitContaining('mid', '2024-10-05')).toEqual(preciseDate('early', 2024, 10));
    expect(unitContaining('late', '2024-12-31')).toEqual(preciseDate('late', 2024, 12));
    expect(unitContaining('quarter', '2025-02-10')).toEqual(preciseDate('quarter', 2024, 4));
    expect(unitContaining('half', '2024-09-30')).toEqual(preciseDate('half', 2024, 1));
    expect(unitContaining('year', '2025-03-31')).toEqual(preciseDate('year', 2024));
  });
});

describe('scheduleSpanProblem', () => {
  it('accepts whole units of the precision inside the fiscal year', () => {
    expect(
      scheduleSpanProblem({ precision: 'early', start: '2024-10-01', end: '2024-10-10' }, 2024),
    ).toBeNull();
    expect(
      scheduleSpanProblem({ precision: 'month', start: '2024-06-01', end: '2024-07-31' }, 2024),
    ).toBeNull();
    expect(
      scheduleSpanProblem({ precision: 'early', start: '2024-10-01', end: '2024-11-20' }, 2024),
    ).toBeNull();
    expect(
      scheduleSpanProblem({ precision: 'day', start: '2024-06-04', end: '2024-06-04' }, 2024),
    ).toBeNull();
    expect(
      scheduleSpanProblem({ precision: 'year', start: '2024-04-01', end: '2025-03-31' }, 2024),
    ).toBeNull();
  });

  it('refuses invented days, reversed spans, bad dates and other years', () => {
    expect(scheduleSpanProblem({ precision: 'early', start: '2024-10-01', end: '2024-10-09' }, 2024)).toBe(
      'not_whole_units',
    );
    expect(scheduleSpanProblem({ precision: 'month', start: '2024-06-02', end: '2024-06-30' }, 2024)).toBe(
      'not_whole_units',
    );
    expect(scheduleSpanProblem({ precision: 'day', start: '2024-07-02', end: '2024-07-01' }, 2024)).toBe(
      'end_before_start',
    );
    expect(scheduleSpanProblem({ precision: 'day', start: '2024-02-30', end: '2024-03-01' }, 2024)).toBe(
      'invalid_date',
    );
    expect(scheduleSpanProblem({ precision: 'month', start: '2025-04-01', end: '2025-04-30' }, 2024)).toBe(
      'outside_fiscal_year',
    );
    expect(scheduleSpanProblem({ precision: 'month', start: '2024-03-01', end: '2024-04-30' }, 2024)).toBe(
      'outside_fiscal_year',
    );
    // Far-away dates are refused for the year before any unit of theirs is built.
    expect(scheduleSpanProblem({ precision: 'quarter', start: '9999-12-01', end: '9999-12-31' }, 2024)).toBe(
      'outside_fiscal_year',
    );
    expect(scheduleSpanProblem({ precision: 'year', start: '0001-01-01', end: '0001-01-01' }, 2024)).toBe(
      'outside_fiscal_year',
    );
  });
});

describe('scheduleSpanLabel', () => {
  it('labels single units as precise dates and runs of units with 〜', () => {
    expect(scheduleSpanLabel(preciseDate('early', 2024, 10))).toBe('10月上旬');
    expect(scheduleSpanLabel(preciseDate('late', 2024, 12), 'en')).toBe('late Dec');
    expect(scheduleSpanLabel(preciseDate('day', 2024, 6, 4))).toBe('6月4日');
    expect(scheduleSpanLabel({ precision: 'month', start: '2024-06-01', end: '2024-07-31' })).toBe(
      '6月〜7月',
    );
    expect(scheduleSpanLabel({ precision: 'month', start: '2024-12-01', end: '2025-03-31' }, 'en')).toBe(
      'Dec – Mar',
    );
    expect(scheduleSpanLabel({ precision: 'early', start: '2024-10-01', end: '2024-11-20' })).toBe(
      '10月上旬〜11月中旬',
    );
    expect(scheduleSpanLabel(preciseDate('year', 2024))).toBe('令和6年度');
  });

  it('falls back to months for coarse spans that do not fit their precision, and to nothing for bad ones', () => {
    expect(scheduleSpanLabel({ precision: 'year', start: '2024-06-01', end: '2025-03-31' })).toBe('6月〜3月');
    expect(scheduleSpanLabel({ precision: 'day', start: '2024-06-02', end: '2024-06-01' })).toBe('');
  });
});

describe('scheduleMonths and spanOffsets', () => {
  it('lists April to March, or from a later month to March', () => {
    const months = scheduleMonths(2024);
    expect(months.map((month) => month.month)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(months.at(-1)).toEqual({ year: 2025, month: 3, start: '2025-03-01', end: '2025-03-31' });
    expect(scheduleMonths(2024, 6).map((month) => month.month)).toEqual([6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(scheduleMonths(2024, 1).map((month) => month.month)).toEqual([1, 2, 3]);
    expect(() => scheduleMonths(2024, 13)).toThrow(RangeError);
  });

  it('draws 10月上旬 over the first ten days of October and nothing else', () => {
    const months = scheduleMonths(2024, 6);
    const offsets = spanOffsets(preciseDate('early', 2024, 10), months)!;
    const column = 1 / months.length;
    expect(offsets.from).toBeCloseTo(4 * column);
    expect(offsets.to).toBeCloseTo(4 * column + (10 / 31) * column);
    expect(offsets.isClippedStart).toBe(false);
  });

  it('clips spans that start before the first column and drops spans outside', () => {
    const months = scheduleMonths(2024, 6);
    const offsets = spanOffsets({ start: '2024-04-01', end: '2024-06-30' }, months)!;
    expect(offsets).toMatchObject({ from: 0, isClippedStart: true, isClippedEnd: false });
    expect(offsets.to).toBeCloseTo(1 / months.length);
    expect(spanOffsets({ start: '2024-04-01', end: '2024-05-31' }, months)).toBeNull();
    expect(spanOffsets({ start: '2025-04-01', end: '2025-04-30' }, months)).toBeNull();
    expect(spanOffsets({ start: '2024-04-01', end: '2024-04-30' }, [])).toBeNull();
    const whole = spanOffsets({ start: '2024-04-01', end: '2025-03-31' }, scheduleMonths(2024))!;
    expect(whole).toEqual({ from: 0, to: 1, isClippedStart: false, isClippedEnd: false });
  });

  it('keeps every day of the year inside the chart, in order', () => {
    const months = scheduleMonths(2024);
    let previous = -1;
    for (const day of eachIsoDay('2024-04-01', '2025-03-31')) {
      const offsets = spanOffsets({ start: day, end: day }, months)!;
      expect(offsets.from).toBeGreaterThan(previous);
      expect(offsets.to).toBeGreaterThan(offsets.from);
      expect(offsets.to).toBeLessThanOrEqual(1 + 1e-9);
      previous = offsets.from;
    }
  });
});
