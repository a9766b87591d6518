import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './calendar-date';
import {
  eraOfDate,
  eraOfFiscalYear,
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearSchema,
  gregorianYearOfEra,
  halfOfFiscalYear,
  isDateInFiscalYear,
  JAPANESE_ERAS,
  quarterOfFiscalYear,
  warekiYearLabel,
} from './fiscal-year';
import { eachIsoDay } from './test-support';

const japaneseEraFormatter = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'Asia/Tokyo',
});

describe('fiscalYearOf', () => {
  it.each([
    ['2024-04-01', 2024],
    ['2024-03-31', 2023],
    ['2025-03-31', 2024],
    ['2024-12-31', 2024],
    ['2025-01-01', 2024],
    ['2019-04-30', 2019],
    ['2000-02-29', 1999],
  ])('%s → FY%i', (date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });

  it('reads a Date in Asia/Tokyo although the machine runs in UTC', () => {
    expect(fiscalYearOf(new Date('2024-03-31T15:30:00Z'))).toBe(2024);
    expect(fiscalYearOf(new Date('2024-03-31T14:59:59Z'))).toBe(2023);
    expect(fiscalYearOf(new Date('2024-03-31T15:00:00Z'))).toBe(2024);
    expect(fiscalYearOf(new Date('2025-03-31T23:00:00+09:00'))).toBe(2024);
  });

  it('agrees with fiscalYearRange for every day of 1999–2031', () => {
    for (const day of eachIsoDay('1999-04-01', '2031-03-31')) {
      const fiscalYear = fiscalYearOf(day);
      const { start, end } = fiscalYearRange(fiscalYear);
      expect(start <= day && day <= end, day).toBe(true);
      expect(isDateInFiscalYear(day, fiscalYear)).toBe(true);
      expect(isDateInFiscalYear(day, fiscalYear - 1)).toBe(false);
      expect(isDateInFiscalYear(day, fiscalYear + 1)).toBe(false);
    }
  });

  it.each(['2024-02-30', '2024/04/01', '', 'April'])('rejects %j with a RangeError', (value) => {
    expect(() => fiscalYearOf(value)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => fiscalYearOf(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it('runs from 1 April to 31 March of the next year', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(fiscalYearRange(1999)).toEqual({ start: '1999-04-01', end: '2000-03-31' });
  });

  it.each([2024.5, Number.NaN, 0, 9999, -1])('rejects %s', (fiscalYear) => {
    expect(() => fiscalYearRange(fiscalYear)).toThrow(RangeError);
  });
});

describe('isDateInFiscalYear', () => {
  it('includes both ends and nothing beyond', () => {
    expect(isDateInFiscalYear('2024-04-01', 2024)).toBe(true);
    expect(isDateInFiscalYear('2025-03-31', 2024)).toBe(true);
    expect(isDateInFiscalYear('2024-03-31', 2024)).toBe(false);
    expect(isDateInFiscalYear('2025-04-01', 2024)).toBe(false);
  });

  it('throws on an invalid date or fiscal year rather than answering false', () => {
    expect(() => isDateInFiscalYear('2024-02-30', 2023)).toThrow(RangeError);
    expect(() => isDateInFiscalYear('2024-04-01', 2024.5)).toThrow(RangeError);
  });
});

describe('quarterOfFiscalYear and halfOfFiscalYear', () => {
  it.each([
    [1, 4, 2],
    [2, 4, 2],
    [3, 4, 2],
    [4, 1, 1],
    [5, 1, 1],
    [6, 1, 1],
    [7, 2, 1],
    [8, 2, 1],
    [9, 2, 1],
    [10, 3, 2],
    [11, 3, 2],
    [12, 3, 2],
  ])('month %i is in quarter %i and half %i', (month, quarter, half) => {
    const date = `2024-${String(month).padStart(2, '0')}-15`;
    expect(quarterOfFiscalYear(date)).toBe(quarter);
    expect(halfOfFiscalYear(date)).toBe(half);
  });

  it('reads Dates in Asia/Tokyo', () => {
    expect(quarterOfFiscalYear(new Date('2024-03-31T15:30:00Z'))).toBe(1);
    expect(halfOfFiscalYear(new Date('2024-09-30T15:30:00Z'))).toBe(2);
  });

  it('rejects invalid dates', () => {
    expect(() => quarterOfFiscalYear('2024-04-31')).toThrow(RangeError);
    expect(() => halfOfFiscalYear('2024-13-01')).toThrow(RangeError);
  });
});

describe('warekiYearLabel', () => {
  it.each([
    ['2019-04-30', '平成31年'],
    ['2019-05-01', '令和元年'],
    ['2020-01-01', '令和2年'],
    ['2024-06-04', '令和6年'],
    ['1989-01-07', '昭和64年'],
    ['1989-01-08', '平成元年'],
    ['1926-12-24', '大正15年'],
    ['1926-12-25', '昭和元年'],
    ['1912-07-29', '明治45年'],
    ['1912-07-30', '大正元年'],
    ['1873-01-01', '明治6年'],
  ])('%s → %s', (date, expected) => {
    expect(warekiYearLabel(date)).toBe(expected);
  });

  it('reads Dates in Asia/Tokyo: midnight of 1 May 2019 in Japan is already 令和', () => {
    expect(warekiYearLabel(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年');
    expect(warekiYearLabel(new Date('2019-04-30T14:59:59Z'))).toBe('平成31年');
  });

  it('agrees with ICU (ja-JP-u-ca-japanese) for every day from 1873 to 2100', () => {
    let checked = 0;
    for (const day of eachIsoDay('1873-01-01', '2100-12-31')) {
      const instant = new Date(`${day}T00:00:00+09:00`);
      expect(warekiYearLabel(day), day).toBe(japaneseEraFormatter.format(instant));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(83_000);
  });

  it('refuses dates before the Gregorian calendar was adopted in Japan', () => {
    expect(() => warekiYearLabel('1872-12-31')).toThrow(RangeError);
    expect(() => warekiYearLabel('2024-02-30')).toThrow(RangeError);
  });
});

describe('eraOfDate', () => {
  it('finds the era in force on each era boundary', () => {
    for (const era of JAPANESE_ERAS) {
      if (era.startDate >= '1873-01-01') {
        expect(eraOfDate(era.startDate).name).toBe(era.name);
      }
    }
    expect(eraOfDate('2019-04-30').name).toBe('平成');
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    [2024, '令和6年度'],
    [2020, '令和2年度'],
    [2019, '令和元年度'],
    [2018, '平成30年度'],
    [1989, '平成元年度'],
    [1988, '昭和63年度'],
    [1926, '昭和元年度'],
    [1925, '大正14年度'],
    [1912, '大正元年度'],
    [1911, '明治44年度'],
    [1873, '明治6年度'],
  ])('FY%i → %s', (fiscalYear, expected) => {
    expect(fiscalYearLabel(fiscalYear)).toBe(expected);
    expect(fiscalYearLabel(fiscalYear, 'ja')).toBe(expected);
  });

  it('names a fiscal year after the era of 31 December of its first calendar year, for 1873–2100', () => {
    for (let fiscalYear = 1873; fiscalYear <= 2100; fiscalYear += 1) {
      expect(fiscalYearLabel(fiscalYear)).toBe(`${warekiYearLabel(`${fiscalYear}-12-31`)}度`);
    }
  });

  it('uses the era of 1 April except in the years an era began between April and December', () => {
    const exceptions: number[] = [];
    for (let fiscalYear = 1873; fiscalYear <= 2100; fiscalYear += 1) {
      if (fiscalYearLabel(fiscalYear) !== `${warekiYearLabel(`${fiscalYear}-04-01`)}度`) {
        exceptions.push(fiscalYear);
      }
    }
    expect(exceptions).toEqual([1912, 1926, 2019]);
  });

  it('writes English labels as FY and the starting year', () => {
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
    expect(fiscalYearLabel(1850, 'en')).toBe('FY1850');
  });

  it('rejects fiscal years it cannot name', () => {
    expect(() => fiscalYearLabel(1872)).toThrow(RangeError);
    expect(() => fiscalYearLabel(2024.5)).toThrow(RangeError);
    expect(() => fiscalYearLabel(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => eraOfFiscalYear(1872)).toThrow(RangeError);
  });
});

describe('gregorianYearOfEra', () => {
  it.each([
    ['令和', 1, 2019],
    ['令和', 6, 2024],
    ['平成', 31, 2019],
    ['平成', 1, 1989],
    ['昭和', 64, 1989],
    ['大正', 15, 1926],
    ['明治', 45, 1912],
  ])('%s%i年 → %i', (era, year, expected) => {
    expect(gregorianYearOfEra(era, year)).toBe(expected);
  });

  it.each([
    ['平成', 32],
    ['昭和', 65],
    ['令和', 0],
    ['令和', 1.5],
    ['天平', 1],
  ])('%s%s年 does not exist', (era, year) => {
    expect(gregorianYearOfEra(era, year)).toBeNull();
  });

  it('inverts fiscalYearLabel for every fiscal year 1873–2100', () => {
    for (let fiscalYear = 1873; fiscalYear <= 2100; fiscalYear += 1) {
      const match = /^(.{2})(元|\d+)年度$/.exec(fiscalYearLabel(fiscalYear));
      expect(match).not.toBeNull();
      const eraYear = match?.[2] === '元' ? 1 : Number(match?.[2]);
      expect(gregorianYearOfEra(match?.[1] ?? '', eraYear)).toBe(fiscalYear);
    }
  });
});

describe('fiscalYearSchema', () => {
  it('accepts integers from 1989 to 2100', () => {
    expect(FISCAL_YEAR_MIN).toBe(1989);
    expect(FISCAL_YEAR_MAX).toBe(2100);
    for (const value of [1989, 2024, 2100]) {
      expect(fiscalYearSchema.parse(value)).toBe(value);
    }
  });

  it.each([1988, 2101, 2024.5, '2024', null, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (value) => {
    expect(fiscalYearSchema.safeParse(value).success).toBe(false);
  });
});

describe('JAPANESE_ERAS', () => {
  it('is ordered newest first and each start date belongs to its first year', () => {
    for (const [index, era] of JAPANESE_ERAS.entries()) {
      expect(parseIsoDate(era.startDate).year).toBe(era.firstYear);
      const older = JAPANESE_ERAS[index + 1];
      if (older !== undefined) {
        expect(older.startDate < era.startDate).toBe(true);
      }
    }
  });
});
