import { describe, expect, it } from 'vitest';
import {
  calendarDateOf,
  daysInMonth,
  isLeapYear,
  isoDateOf,
  isValidCalendarDate,
  isValidIsoDate,
  parseIsoDate,
  toIsoDate,
  tokyoCalendarDate,
} from './calendar-date';
import { eachIsoDay } from './test-support';

const tokyoFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1996, true],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it('matches the Date.UTC oracle for every month of 1899–2101', () => {
    for (let year = 1899; year <= 2101; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const oracle = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(daysInMonth(year, month), `${year}-${month}`).toBe(oracle);
      }
    }
  });

  it.each([0, 13, 1.5, Number.NaN])('rejects month %s', (month) => {
    expect(() => daysInMonth(2024, month)).toThrow(RangeError);
  });
});

describe('isValidIsoDate', () => {
  it('accepts every real day of 1999–2101 (Date.UTC oracle)', () => {
    let count = 0;
    for (const day of eachIsoDay('1999-01-01', '2101-12-31')) {
      expect(isValidIsoDate(day), day).toBe(true);
      count += 1;
    }
    expect(count).toBe(37_620);
  });

  it('rejects every day number past the end of each month of 2000–2030 and day 00', () => {
    for (let year = 2000; year <= 2030; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const monthText = String(month).padStart(2, '0');
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(isValidIsoDate(`${year}-${monthText}-00`)).toBe(false);
        for (let day = lastDay + 1; day <= 39; day += 1) {
          expect(isValidIsoDate(`${year}-${monthText}-${day}`), `${year}-${monthText}-${day}`).toBe(false);
        }
      }
    }
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2100-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-6-4',
    '2024-06-4',
    '24-06-04',
    '2024/06/04',
    '2024-06-04T00:00:00Z',
    ' 2024-06-04',
    '2024-06-04 ',
    '２０２４-０６-０４',
    '0000-01-01',
    '',
    'yesterday',
  ])('rejects %j', (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });

  it.each([['2024-02-29'], ['2000-02-29'], ['0001-01-01'], ['9999-12-31']])('accepts %s', (value) => {
    expect(isValidIsoDate(value)).toBe(true);
  });

  it.each([null, undefined, 20240604, new Date('2024-06-04'), {}])('rejects non-string %s', (value) => {
    expect(isValidIsoDate(value)).toBe(false);
  });
});

describe('isValidCalendarDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [0, 1, 1, false],
    [10_000, 1, 1, false],
    [2024, 1.5, 1, false],
    [2024, 1, 0, false],
  ])('%i-%i-%i → %s', (year, month, day, expected) => {
    expect(isValidCalendarDate(year, month, day)).toBe(expected);
  });
});

describe('toIsoDate and parseIsoDate', () => {
  it('pads years, months and days', () => {
    expect(toIsoDate(2024, 6, 4)).toBe('2024-06-04');
    expect(toIsoDate(987, 1, 2)).toBe('0987-01-02');
  });

  it('throws a RangeError for impossible dates', () => {
    expect(() => toIsoDate(2024, 2, 30)).toThrow(RangeError);
    expect(() => toIsoDate(2024, 13, 1)).toThrow(RangeError);
  });

  it('splits a date into numbers and refuses anything else', () => {
    expect(parseIsoDate('2024-06-04')).toEqual({ year: 2024, month: 6, day: 4 });
    expect(() => parseIsoDate('2024-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('6/4')).toThrow(RangeError);
  });

  it('round-trips every day of 2020–2030', () => {
    for (const day of eachIsoDay('2020-01-01', '2030-12-31')) {
      const { year, month, day: dayOfMonth } = parseIsoDate(day);
      expect(toIsoDate(year, month, dayOfMonth)).toBe(day);
    }
  });
});

describe('tokyoCalendarDate', () => {
  it('reads an instant in Asia/Tokyo, not in the machine time zone', () => {
    expect(tokyoCalendarDate(new Date('2024-03-31T15:30:00Z'))).toEqual({ year: 2024, month: 4, day: 1 });
    expect(tokyoCalendarDate(new Date('2024-03-31T14:59:59.999Z'))).toEqual({
      year: 2024,
      month: 3,
      day: 31,
    });
    expect(tokyoCalendarDate(new Date('2024-03-31T15:00:00Z'))).toEqual({ year: 2024, month: 4, day: 1 });
    expect(tokyoCalendarDate(new Date('2024-12-31T15:00:00Z'))).toEqual({ year: 2025, month: 1, day: 1 });
  });

  it('agrees with Intl (Asia/Tokyo) every 7 hours from 1990 to 2040', () => {
    const step = 7 * 60 * 60 * 1000;
    for (let time = Date.UTC(1990, 0, 1); time < Date.UTC(2040, 0, 1); time += step) {
      const instant = new Date(time);
      const { year, month, day } = tokyoCalendarDate(instant);
      expect(toIsoDate(year, month, day), instant.toISOString()).toBe(tokyoFormatter.format(instant));
    }
  });

  it('rejects an invalid Date and years outside 1–9999', () => {
    expect(() => tokyoCalendarDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => tokyoCalendarDate(new Date(Date.UTC(10_000, 0, 1)))).toThrow(RangeError);
  });
});

describe('calendarDateOf and isoDateOf', () => {
  it('treat strings as calendar dates and Dates as Tokyo instants', () => {
    expect(calendarDateOf('2024-04-01')).toEqual({ year: 2024, month: 4, day: 1 });
    expect(isoDateOf(new Date('2024-03-31T15:30:00Z'))).toBe('2024-04-01');
    expect(isoDateOf('2024-03-31')).toBe('2024-03-31');
    expect(() => isoDateOf('2024-03-32')).toThrow(RangeError);
  });
});
