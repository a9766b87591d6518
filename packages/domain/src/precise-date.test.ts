import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { fiscalYearOf } from './fiscal-year';
import {
  comparePreciseDates,
  DATE_PRECISIONS,
  type DatePrecision,
  isPreciseDateConsistent,
  isValidIsoDate,
  type PreciseDate,
  parsePreciseDateLabel,
  preciseDate,
  preciseDateContains,
  preciseDateLabel,
  preciseDateOverlaps,
  preciseDateSchema,
} from './precise-date';
import { addDays, eachIsoDay } from './test-support';

const day = (start: string): PreciseDate => ({ precision: 'day', start, end: start });

/** Every PreciseDate of every precision whose span starts in fiscal years `from`…`to`. */
function allPreciseDates(from: number, to: number): PreciseDate[] {
  const result: PreciseDate[] = [];
  for (let fiscalYear = from; fiscalYear <= to; fiscalYear += 1) {
    result.push(preciseDate('year', fiscalYear));
    for (const half of [1, 2]) {
      result.push(preciseDate('half', fiscalYear, half));
    }
    for (const quarter of [1, 2, 3, 4]) {
      result.push(preciseDate('quarter', fiscalYear, quarter));
    }
    for (let offset = 0; offset < 12; offset += 1) {
      const month = ((3 + offset) % 12) + 1;
      const year = month >= 4 ? fiscalYear : fiscalYear + 1;
      for (const precision of ['month', 'early', 'mid', 'late'] as const) {
        result.push(preciseDate(precision, year, month));
      }
    }
  }
  for (const start of eachIsoDay(`${from}-04-01`, `${to + 1}-03-31`)) {
    result.push(day(start));
  }
  return result;
}

const sample = allPreciseDates(2018, 2025);

describe('DATE_PRECISIONS', () => {
  it('lists the eight precisions from finest to coarsest', () => {
    expect(DATE_PRECISIONS).toEqual(['day', 'early', 'mid', 'late', 'month', 'quarter', 'half', 'year']);
  });
});

describe('preciseDate', () => {
  it.each<[DatePrecision, number, number | undefined, number | undefined, string, string]>([
    ['day', 2024, 6, 4, '2024-06-04', '2024-06-04'],
    ['day', 2024, 2, 29, '2024-02-29', '2024-02-29'],
    ['early', 2024, 10, undefined, '2024-10-01', '2024-10-10'],
    ['mid', 2024, 10, undefined, '2024-10-11', '2024-10-20'],
    ['late', 2024, 10, undefined, '2024-10-21', '2024-10-31'],
    ['late', 2024, 2, undefined, '2024-02-21', '2024-02-29'],
    ['late', 2023, 2, undefined, '2023-02-21', '2023-02-28'],
    ['late', 2100, 2, undefined, '2100-02-21', '2100-02-28'],
    ['late', 2000, 2, undefined, '2000-02-21', '2000-02-29'],
    ['late', 2024, 4, undefined, '2024-04-21', '2024-04-30'],
    ['month', 2024, 7, undefined, '2024-07-01', '2024-07-31'],
    ['month', 2024, 2, undefined, '2024-02-01', '2024-02-29'],
    ['month', 2025, 2, undefined, '2025-02-01', '2025-02-28'],
    ['quarter', 2024, 1, undefined, '2024-04-01', '2024-06-30'],
    ['quarter', 2024, 2, undefined, '2024-07-01', '2024-09-30'],
    ['quarter', 2024, 3, undefined, '2024-10-01', '2024-12-31'],
    ['quarter', 2024, 4, undefined, '2025-01-01', '2025-03-31'],
    ['half', 2024, 1, undefined, '2024-04-01', '2024-09-30'],
    ['half', 2024, 2, undefined, '2024-10-01', '2025-03-31'],
    ['year', 2024, undefined, undefined, '2024-04-01', '2025-03-31'],
    ['year', 2019, undefined, undefined, '2019-04-01', '2020-03-31'],
  ])('%s %i %s %s → %s … %s', (precision, year, part, dayOfMonth, start, end) => {
    expect(preciseDate(precision, year, part, dayOfMonth)).toEqual({ precision, start, end });
  });

  it.each<[string, () => PreciseDate]>([
    ['2024-02-30', () => preciseDate('day', 2024, 2, 30)],
    ['2023-02-29', () => preciseDate('day', 2023, 2, 29)],
    ['2024-04-31', () => preciseDate('day', 2024, 4, 31)],
    ['day 0', () => preciseDate('day', 2024, 4, 0)],
    ['month 13', () => preciseDate('month', 2024, 13)],
    ['month 0', () => preciseDate('early', 2024, 0)],
    ['fractional month', () => preciseDate('mid', 2024, 1.5)],
    ['missing month', () => preciseDate('late', 2024, undefined as unknown as number)],
    ['missing day', () => preciseDate('day', 2024, 6, undefined as unknown as number)],
    ['day on a month precision', () => preciseDate('month', 2024, 6, 4)],
    ['quarter 0', () => preciseDate('quarter', 2024, 0)],
    ['quarter 5', () => preciseDate('quarter', 2024, 5)],
    ['half 3', () => preciseDate('half', 2024, 3)],
    ['part on a year', () => preciseDate('year', 2024, 1)],
    ['fractional year', () => preciseDate('year', 2024.5)],
    ['year 0', () => preciseDate('month', 0, 1)],
    ['year 10000', () => preciseDate('day', 10_000, 1, 1)],
    ['fiscal year 9999 (ends in 10000)', () => preciseDate('year', 9999)],
    ['NaN', () => preciseDate('day', Number.NaN, 1, 1)],
    ['unknown precision', () => preciseDate('week' as DatePrecision, 2024, 1)],
  ])('throws a RangeError for %s', (_name, build) => {
    expect(build).toThrow(RangeError);
  });

  it('splits every month of 1999–2101 into 上旬, 中旬 and 下旬 with no gap and no overlap', () => {
    for (let year = 1999; year <= 2101; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const whole = preciseDate('month', year, month);
        const early = preciseDate('early', year, month);
        const mid = preciseDate('mid', year, month);
        const late = preciseDate('late', year, month);
        expect(early.start).toBe(whole.start);
        expect(addDays(early.end, 1)).toBe(mid.start);
        expect(addDays(mid.end, 1)).toBe(late.start);
        expect(late.end).toBe(whole.end);
        expect(addDays(whole.end, 1).slice(8)).toBe('01');
        expect(early.end.slice(8)).toBe('10');
        expect(mid.end.slice(8)).toBe('20');
      }
    }
  });

  it('splits every fiscal year of 1989–2100 into halves and quarters that tile it', () => {
    for (let fiscalYear = 1989; fiscalYear <= 2100; fiscalYear += 1) {
      const year = preciseDate('year', fiscalYear);
      const quarters = [1, 2, 3, 4].map((quarter) => preciseDate('quarter', fiscalYear, quarter));
      const halves = [1, 2].map((half) => preciseDate('half', fiscalYear, half));
      expect(quarters[0]?.start).toBe(year.start);
      expect(quarters[3]?.end).toBe(year.end);
      for (let index = 0; index < 3; index += 1) {
        expect(addDays(quarters[index]?.end ?? '', 1)).toBe(quarters[index + 1]?.start);
      }
      expect(halves[0]).toEqual({ precision: 'half', start: quarters[0]?.start, end: quarters[1]?.end });
      expect(halves[1]).toEqual({ precision: 'half', start: quarters[2]?.start, end: quarters[3]?.end });
      if (fiscalYear > 1989) {
        expect(addDays(preciseDate('year', fiscalYear - 1).end, 1)).toBe(year.start);
      }
    }
  });
});

describe('isValidIsoDate (re-exported)', () => {
  it('rejects 2024-02-30 and 2023-02-29 but accepts 2024-02-29', () => {
    expect(isValidIsoDate('2024-02-30')).toBe(false);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
  });
});

describe('preciseDateSchema', () => {
  it('infers exactly the PreciseDate type', () => {
    expectTypeOf<z.infer<typeof preciseDateSchema>>().toEqualTypeOf<PreciseDate>();
  });

  it('accepts every PreciseDate built by preciseDate (FY2018–FY2025)', () => {
    for (const value of sample) {
      expect(preciseDateSchema.safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(isPreciseDateConsistent(value)).toBe(true);
    }
  });

  it('rejects every span moved by one day at either end (FY2023–FY2024)', () => {
    for (const value of allPreciseDates(2023, 2024)) {
      for (const shift of [-1, 1]) {
        const movedStart = { ...value, start: addDays(value.start, shift) };
        const movedEnd = { ...value, end: addDays(value.end, shift) };
        expect(preciseDateSchema.safeParse(movedStart).success, JSON.stringify(movedStart)).toBe(false);
        expect(preciseDateSchema.safeParse(movedEnd).success, JSON.stringify(movedEnd)).toBe(false);
        expect(isPreciseDateConsistent(movedStart)).toBe(false);
        expect(isPreciseDateConsistent(movedEnd)).toBe(false);
      }
    }
  });

  it('rejects a span labelled with any other precision', () => {
    for (const value of allPreciseDates(2024, 2024).filter((item) => item.start.endsWith('-01'))) {
      for (const precision of DATE_PRECISIONS) {
        if (precision !== value.precision) {
          expect(preciseDateSchema.safeParse({ ...value, precision }).success).toBe(false);
        }
      }
    }
  });

  it.each([
    [{ precision: 'day', start: '2024-02-30', end: '2024-02-30' }, ['start', 'end']],
    [{ precision: 'late', start: '2023-02-21', end: '2023-02-29' }, ['end']],
    [{ precision: 'late', start: '2024-02-21', end: '2024-02-28' }, ['end']],
    [{ precision: 'early', start: '2024-06-02', end: '2024-06-10' }, ['start']],
    [{ precision: 'quarter', start: '2024-05-01', end: '2024-07-31' }, ['start']],
    [{ precision: 'quarter', start: '2024-01-01', end: '2024-03-31' }, []],
    [{ precision: 'half', start: '2024-07-01', end: '2024-12-31' }, ['start']],
    [{ precision: 'year', start: '2024-01-01', end: '2024-12-31' }, ['start']],
    [{ precision: 'day', start: '2024-06-04', end: '2024-06-05' }, ['end']],
    [{ precision: 'year', start: '9999-04-01', end: '9999-12-31' }, ['start']],
  ])('checks %j (issue paths %j)', (value, paths) => {
    const result = preciseDateSchema.safeParse(value);
    expect(result.success).toBe(paths.length === 0);
    expect(result.error?.issues.map((issue) => issue.path.join('.')) ?? []).toEqual(paths);
  });

  it.each([
    null,
    'FY2024',
    {},
    { precision: 'week', start: '2024-06-03', end: '2024-06-09' },
    { precision: 'day', start: 20240604, end: 20240604 },
    { precision: 'day', start: '2024-06-04' },
    { precision: 'day', start: '２０２４-０６-０４', end: '２０２４-０６-０４' },
  ])('rejects malformed input %j without throwing', (value) => {
    expect(() => preciseDateSchema.safeParse(value)).not.toThrow();
    expect(preciseDateSchema.safeParse(value).success).toBe(false);
    expect(isPreciseDateConsistent(value)).toBe(false);
  });

  it('drops unknown keys', () => {
    expect(preciseDateSchema.parse({ ...preciseDate('month', 2024, 7), note: 'x' })).toEqual(
      preciseDate('month', 2024, 7),
    );
  });
});

describe('preciseDateLabel', () => {
  it.each<[PreciseDate, string, string, string, string]>([
    [preciseDate('day', 2024, 6, 4), '6月4日', '2024年6月4日', '4 Jun', '4 Jun 2024'],
    [preciseDate('day', 2025, 1, 10), '1月10日', '2025年1月10日', '10 Jan', '10 Jan 2025'],
    [preciseDate('early', 2024, 10), '10月上旬', '2024年10月上旬', 'early Oct', 'early Oct 2024'],
    [preciseDate('mid', 2024, 10), '10月中旬', '2024年10月中旬', 'mid Oct', 'mid Oct 2024'],
    [preciseDate('late', 2024, 12), '12月下旬', '2024年12月下旬', 'late Dec', 'late Dec 2024'],
    [preciseDate('month', 2024, 7), '7月', '2024年7月', 'Jul', 'Jul 2024'],
    [preciseDate('quarter', 2024, 1), '第1四半期', '令和6年度 第1四半期', 'Q1', 'Q1 FY2024'],
    [preciseDate('quarter', 2024, 4), '第4四半期', '令和6年度 第4四半期', 'Q4', 'Q4 FY2024'],
    [preciseDate('half', 2024, 1), '上期', '令和6年度 上期', 'H1', 'H1 FY2024'],
    [preciseDate('half', 2019, 2), '下期', '令和元年度 下期', 'H2', 'H2 FY2019'],
    [preciseDate('year', 2024), '令和6年度', '令和6年度', 'FY2024', 'FY2024'],
    [preciseDate('year', 2019), '令和元年度', '令和元年度', 'FY2019', 'FY2019'],
    [preciseDate('year', 2018), '平成30年度', '平成30年度', 'FY2018', 'FY2018'],
  ])('labels %j', (value, ja, jaWithYear, en, enWithYear) => {
    expect(preciseDateLabel(value)).toBe(ja);
    expect(preciseDateLabel(value, { locale: 'ja' })).toBe(ja);
    expect(preciseDateLabel(value, { withYear: true })).toBe(jaWithYear);
    expect(preciseDateLabel(value, { locale: 'en' })).toBe(en);
    expect(preciseDateLabel(value, { locale: 'en', withYear: true })).toBe(enWithYear);
  });

  it('names every month in English', () => {
    const names = Array.from({ length: 12 }, (_, index) =>
      preciseDateLabel(preciseDate('month', 2024, index + 1), { locale: 'en' }),
    );
    expect(names).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
  });

  it('refuses to label an inconsistent PreciseDate rather than invent a label', () => {
    expect(() => preciseDateLabel({ precision: 'early', start: '2024-10-05', end: '2024-10-10' })).toThrow(
      RangeError,
    );
    expect(() => preciseDateLabel({ precision: 'day', start: '2024-02-30', end: '2024-02-30' })).toThrow(
      RangeError,
    );
  });
});

describe('parsePreciseDateLabel', () => {
  it.each<[string, PreciseDate]>([
    ['6/4', preciseDate('day', 2024, 6, 4)],
    ['6月4日', preciseDate('day', 2024, 6, 4)],
    ['7月22日', preciseDate('day', 2024, 7, 22)],
    ['10月上旬', preciseDate('early', 2024, 10)],
    ['10月初旬', preciseDate('early', 2024, 10)],
    ['11月中旬', preciseDate('mid', 2024, 11)],
    ['12月下旬', preciseDate('late', 2024, 12)],
    ['7月', preciseDate('month', 2024, 7)],
    ['2024年10月上旬', preciseDate('early', 2024, 10)],
    ['2024-06-04', preciseDate('day', 2024, 6, 4)],
    ['2024/6/4', preciseDate('day', 2024, 6, 4)],
    ['2024-06', preciseDate('month', 2024, 6)],
    ['2025年2月', preciseDate('month', 2025, 2)],
    ['2023年1月10日', preciseDate('day', 2023, 1, 10)],
    ['令和6年6月4日', preciseDate('day', 2024, 6, 4)],
    ['令和元年5月1日', preciseDate('day', 2019, 5, 1)],
    ['㋿6年10月下旬', preciseDate('late', 2024, 10)],
    ['６／４', preciseDate('day', 2024, 6, 4)],
    ['６月４日', preciseDate('day', 2024, 6, 4)],
    ['１０月上旬', preciseDate('early', 2024, 10)],
    ['２０２４年１０月上旬', preciseDate('early', 2024, 10)],
    ['２０２４－０６－０４', preciseDate('day', 2024, 6, 4)],
    ['  10月 上旬 ', preciseDate('early', 2024, 10)],
    ['2024年 10月 上旬', preciseDate('early', 2024, 10)],
    ['1/10', preciseDate('day', 2025, 1, 10)],
    ['3月下旬', preciseDate('late', 2025, 3)],
    ['2月', preciseDate('month', 2025, 2)],
    ['4月', preciseDate('month', 2024, 4)],
    ['12/31', preciseDate('day', 2024, 12, 31)],
    ['第1四半期', preciseDate('quarter', 2024, 1)],
    ['第４四半期', preciseDate('quarter', 2024, 4)],
    ['令和6年度 第3四半期', preciseDate('quarter', 2024, 3)],
    ['2023年度第2四半期', preciseDate('quarter', 2023, 2)],
    ['Q2', preciseDate('quarter', 2024, 2)],
    ['q2', preciseDate('quarter', 2024, 2)],
    ['Q1 FY2025', preciseDate('quarter', 2025, 1)],
    ['FY2025 Q1', preciseDate('quarter', 2025, 1)],
    ['上期', preciseDate('half', 2024, 1)],
    ['下期', preciseDate('half', 2024, 2)],
    ['上半期', preciseDate('half', 2024, 1)],
    ['下半期', preciseDate('half', 2024, 2)],
    ['令和元年度 下期', preciseDate('half', 2019, 2)],
    ['H1', preciseDate('half', 2024, 1)],
    ['H2 FY2023', preciseDate('half', 2023, 2)],
    ['令和6年度', preciseDate('year', 2024)],
    ['令和元年度', preciseDate('year', 2019)],
    ['平成31年度', preciseDate('year', 2019)],
    ['平成30年度', preciseDate('year', 2018)],
    ['2026年度', preciseDate('year', 2026)],
    ['FY2024', preciseDate('year', 2024)],
    ['fy 2024', preciseDate('year', 2024)],
    ['4 Jun', preciseDate('day', 2024, 6, 4)],
    ['4 June 2024', preciseDate('day', 2024, 6, 4)],
    ['Jun 4, 2024', preciseDate('day', 2024, 6, 4)],
    ['Feb 10', preciseDate('day', 2025, 2, 10)],
    ['early Oct', preciseDate('early', 2024, 10)],
    ['Mid Sept', preciseDate('mid', 2024, 9)],
    ['late December 2023', preciseDate('late', 2023, 12)],
    ['Jul', preciseDate('month', 2024, 7)],
    ['Jan 2030', preciseDate('month', 2030, 1)],
  ])('reads %j in FY2024', (text, expected) => {
    expect(parsePreciseDateLabel(text, 2024)).toEqual(expected);
  });

  it('places 2/29 only where the fiscal year has one', () => {
    expect(parsePreciseDateLabel('2/29', 2023)).toEqual(preciseDate('day', 2024, 2, 29));
    expect(parsePreciseDateLabel('2/29', 2024)).toBeNull();
    expect(parsePreciseDateLabel('2月下旬', 2023)).toEqual({
      precision: 'late',
      start: '2024-02-21',
      end: '2024-02-29',
    });
  });

  it.each([
    '',
    '   ',
    'そのうち',
    '2/30',
    '4/31',
    '13月',
    '0月',
    '13/1',
    '6/4/2024',
    '2024年',
    '2024-02-30',
    '2024-13',
    '10月上旬頃',
    '第5四半期',
    'Q0',
    'H3',
    '平成32年度',
    '平成32年4月',
    '令和0年度',
    '昭和65年1月',
    '2024年度 Q1 FY2025',
    'FY2024 H1 FY2025',
    'early Smarch',
    '32 Jan',
    '6月4日 10時',
    'x'.repeat(1000),
  ])('returns null for %j', (text) => {
    expect(parsePreciseDateLabel(text, 2024)).toBeNull();
  });

  it('rejects an impossible context fiscal year', () => {
    expect(() => parsePreciseDateLabel('6/4', 2024.5)).toThrow(RangeError);
    expect(() => parsePreciseDateLabel('6/4', 9999)).toThrow(RangeError);
  });

  it('reads back every label it writes, in both locales, with and without the year (FY2018–FY2025)', () => {
    for (const value of sample) {
      const fiscalYear = fiscalYearOf(value.start);
      for (const locale of ['ja', 'en'] as const) {
        const withYear = preciseDateLabel(value, { locale, withYear: true });
        const withoutYear = preciseDateLabel(value, { locale });
        expect(parsePreciseDateLabel(withYear, 2000), withYear).toEqual(value);
        expect(parsePreciseDateLabel(withoutYear, fiscalYear), withoutYear).toEqual(value);
      }
    }
  });

  it('only ever returns consistent PreciseDates', () => {
    const texts = ['6/4', '2/29', '10月下旬', '第2四半期', '下期', '令和2年度', 'late Feb', '2024-02'];
    for (let fiscalYear = 2018; fiscalYear <= 2030; fiscalYear += 1) {
      for (const text of texts) {
        const parsed = parsePreciseDateLabel(text, fiscalYear);
        if (parsed !== null) {
          expect(isPreciseDateConsistent(parsed), `${text} FY${fiscalYear}`).toBe(true);
        }
      }
    }
  });
});

describe('comparePreciseDates', () => {
  it('orders by start, then by end', () => {
    const items = [
      preciseDate('year', 2024),
      preciseDate('day', 2024, 4, 1),
      preciseDate('quarter', 2024, 1),
      preciseDate('month', 2024, 4),
      preciseDate('early', 2024, 4),
      preciseDate('half', 2024, 1),
      preciseDate('day', 2024, 3, 31),
      preciseDate('mid', 2024, 4),
    ];
    expect([...items].sort(comparePreciseDates)).toEqual([
      preciseDate('day', 2024, 3, 31),
      preciseDate('day', 2024, 4, 1),
      preciseDate('early', 2024, 4),
      preciseDate('month', 2024, 4),
      preciseDate('quarter', 2024, 1),
      preciseDate('half', 2024, 1),
      preciseDate('year', 2024),
      preciseDate('mid', 2024, 4),
    ]);
  });

  it('returns negative, zero and positive', () => {
    const a = preciseDate('day', 2024, 6, 4);
    const b = preciseDate('day', 2024, 6, 5);
    expect(comparePreciseDates(a, b)).toBeLessThan(0);
    expect(comparePreciseDates(b, a)).toBeGreaterThan(0);
    expect(comparePreciseDates(a, { ...a })).toBe(0);
    expect(comparePreciseDates(preciseDate('early', 2024, 6), preciseDate('month', 2024, 6))).toBeLessThan(0);
  });
});

describe('preciseDateContains', () => {
  it('includes both ends and nothing outside', () => {
    const late = preciseDate('late', 2024, 2);
    expect(preciseDateContains(late, '2024-02-21')).toBe(true);
    expect(preciseDateContains(late, '2024-02-29')).toBe(true);
    expect(preciseDateContains(late, '2024-02-20')).toBe(false);
    expect(preciseDateContains(late, '2024-03-01')).toBe(false);
  });

  it('agrees with counting days for every day of FY2024 and each span of FY2024', () => {
    const spans = allPreciseDates(2024, 2024).filter((value) => value.precision !== 'day');
    for (const span of spans) {
      let count = 0;
      for (const date of eachIsoDay('2024-03-01', '2025-04-30')) {
        if (preciseDateContains(span, date)) {
          count += 1;
        }
      }
      const expected = (Date.parse(span.end) - Date.parse(span.start)) / 86_400_000 + 1;
      expect(count, JSON.stringify(span)).toBe(expected);
    }
  });

  it('rejects an invalid date', () => {
    expect(() => preciseDateContains(preciseDate('year', 2024), '2024-02-30')).toThrow(RangeError);
  });
});

describe('preciseDateOverlaps', () => {
  it.each<[PreciseDate, PreciseDate, boolean]>([
    [preciseDate('early', 2024, 10), preciseDate('mid', 2024, 10), false],
    [preciseDate('early', 2024, 10), preciseDate('day', 2024, 10, 10), true],
    [preciseDate('month', 2024, 10), preciseDate('quarter', 2024, 3), true],
    [preciseDate('quarter', 2024, 4), preciseDate('year', 2025), false],
    [preciseDate('half', 2024, 2), preciseDate('day', 2025, 3, 31), true],
    [preciseDate('day', 2024, 6, 4), preciseDate('day', 2024, 6, 4), true],
    [preciseDate('day', 2024, 6, 4), preciseDate('day', 2024, 6, 5), false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(preciseDateOverlaps(a, b)).toBe(expected);
    expect(preciseDateOverlaps(b, a)).toBe(expected);
  });

  it('agrees with day-by-day intersection for spans of FY2024', () => {
    const spans = allPreciseDates(2024, 2024).filter((value) => value.precision !== 'day');
    const days = [...eachIsoDay('2024-04-01', '2025-03-31')];
    for (const a of spans) {
      for (const b of spans) {
        const shares = days.some((date) => preciseDateContains(a, date) && preciseDateContains(b, date));
        if (preciseDateOverlaps(a, b) !== shares) {
          expect.fail(`${JSON.stringify(a)} ${JSON.stringify(b)}`);
        }
      }
    }
  });
});
