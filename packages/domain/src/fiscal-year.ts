import { z } from 'zod';
import {
  type CalendarDate,
  calendarDateOf,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  parseIsoDate,
  toIsoDate,
} from './calendar-date';
import type { Locale } from './messages';

/**
 * 年度: the Japanese fiscal year runs from 1 April to 31 March and is named after the
 * calendar year it starts in (FY2024 = 2024-04-01 … 2025-03-31).
 */

export type FiscalQuarter = 1 | 2 | 3 | 4;
export type FiscalHalf = 1 | 2;

/** Smallest fiscal year the system stores (平成元年度). */
export const FISCAL_YEAR_MIN = 1989;
/** Largest fiscal year the system stores. */
export const FISCAL_YEAR_MAX = 2100;

/** Zod schema for a stored fiscal year: an integer from 1989 to 2100. */
export const fiscalYearSchema = z
  .number()
  .int()
  .min(FISCAL_YEAR_MIN, { error: `Fiscal year must be ${FISCAL_YEAR_MIN} or later` })
  .max(FISCAL_YEAR_MAX, { error: `Fiscal year must be ${FISCAL_YEAR_MAX} or earlier` });

/** A Japanese era (元号) and the Gregorian date it began. */
export type JapaneseEra = {
  name: string;
  romanizedName: string;
  /** The day the era began (Gregorian calendar). */
  startDate: string;
  /** The Gregorian year counted as the era's first year (元年). */
  firstYear: number;
};

/** The modern eras, newest first. */
export const JAPANESE_ERAS: readonly JapaneseEra[] = [
  { name: '令和', romanizedName: 'Reiwa', startDate: '2019-05-01', firstYear: 2019 },
  { name: '平成', romanizedName: 'Heisei', startDate: '1989-01-08', firstYear: 1989 },
  { name: '昭和', romanizedName: 'Showa', startDate: '1926-12-25', firstYear: 1926 },
  { name: '大正', romanizedName: 'Taisho', startDate: '1912-07-30', firstYear: 1912 },
  { name: '明治', romanizedName: 'Meiji', startDate: '1868-10-23', firstYear: 1868 },
];

/**
 * Japan adopted the Gregorian calendar on 明治6年1月1日 (1873-01-01). Earlier days were
 * counted in the lunisolar calendar, so a Gregorian date before this one cannot be given a
 * wareki label without a calendar conversion we do not do.
 */
export const WAREKI_MIN_DATE = '1873-01-01';

const FIRST_YEAR_LABEL = '元';

function assertFiscalYear(fiscalYear: number): void {
  // The fiscal year's March lies in the next calendar year, which must stay four digits.
  if (!Number.isInteger(fiscalYear) || fiscalYear < MIN_CALENDAR_YEAR || fiscalYear >= MAX_CALENDAR_YEAR) {
    throw new RangeError(`Fiscal year must be an integer from 1 to 9998, got ${fiscalYear}`);
  }
}

function fiscalYearOfCalendarDate(date: CalendarDate): number {
  return date.month >= 4 ? date.year : date.year - 1;
}

function eraYearText(eraYear: number): string {
  return eraYear === 1 ? FIRST_YEAR_LABEL : String(eraYear);
}

// Returns the fiscal year (April–March) of a Date, read in Asia/Tokyo, or of an ISO date string `YYYY-MM-DD`.
export function fiscalYearOf(date: Date | string): number {
  return fiscalYearOfCalendarDate(calendarDateOf(date));
}

// Returns the first and last day (inclusive ISO dates) of a fiscal year.
export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  assertFiscalYear(fiscalYear);
  return { start: toIsoDate(fiscalYear, 4, 1), end: toIsoDate(fiscalYear + 1, 3, 31) };
}

// Tells whether an ISO date falls within a fiscal year.
export function isDateInFiscalYear(isoDate: string, fiscalYear: number): boolean {
  assertFiscalYear(fiscalYear);
  return fiscalYearOfCalendarDate(parseIsoDate(isoDate)) === fiscalYear;
}

// Returns the fiscal quarter (1 = April–June … 4 = January–March) of a date.
export function quarterOfFiscalYear(isoDate: Date | string): FiscalQuarter {
  const { month } = calendarDateOf(isoDate);
  return (Math.floor(((month + 8) % 12) / 3) + 1) as FiscalQuarter;
}

// Returns the fiscal half (1 = 上期 April–September, 2 = 下期 October–March) of a date.
export function halfOfFiscalYear(isoDate: Date | string): FiscalHalf {
  const { month } = calendarDateOf(isoDate);
  return month >= 4 && month <= 9 ? 1 : 2;
}

// Returns the era in force on an ISO date, throwing a RangeError before 1873-01-01.
export function eraOfDate(isoDate: string): JapaneseEra {
  parseIsoDate(isoDate);
  if (isoDate < WAREKI_MIN_DATE) {
    throw new RangeError(`Wareki labels start at ${WAREKI_MIN_DATE}, got ${isoDate}`);
  }
  const era = JAPANESE_ERAS.find((candidate) => candidate.startDate <= isoDate);
  if (era === undefined) {
    throw new RangeError(`No era for ${isoDate}`);
  }
  return era;
}

// Returns the era year of a calendar date, e.g. 令和6年; the first year of an era prints as 元年.
export function warekiYearLabel(date: Date | string): string {
  const { year, month, day } = calendarDateOf(date);
  const era = eraOfDate(toIsoDate(year, month, day));
  return `${era.name}${eraYearText(year - era.firstYear + 1)}年`;
}

// Returns the era used to name a fiscal year (see fiscalYearLabel for the rule).
export function eraOfFiscalYear(fiscalYear: number): JapaneseEra {
  assertFiscalYear(fiscalYear);
  const era = JAPANESE_ERAS.find((candidate) => candidate.firstYear <= fiscalYear);
  if (era === undefined || fiscalYear < Number(WAREKI_MIN_DATE.slice(0, 4))) {
    throw new RangeError(
      `Wareki fiscal-year labels start at FY${WAREKI_MIN_DATE.slice(0, 4)}, got ${fiscalYear}`,
    );
  }
  return era;
}

/**
 * Returns the name of a fiscal year: 令和6年度 (ja) or FY2024 (en).
 *
 * A fiscal year is named in the era whose first year (元年) is the calendar year the fiscal
 * year starts in, or the latest era before it. So FY2019 (2019-04-01 … 2020-03-31) is
 * 令和元年度 although April 2019 was still 平成31年: city governments renamed the year
 * 令和元年度 after the era changed on 2019-05-01, and every document now uses that name.
 * FY2018 stays 平成30年度 and FY1988 stays 昭和63年度 (平成 began in calendar 1989).
 */
export function fiscalYearLabel(fiscalYear: number, locale: Locale = 'ja'): string {
  assertFiscalYear(fiscalYear);
  if (locale === 'en') {
    return `FY${fiscalYear}`;
  }
  const era = eraOfFiscalYear(fiscalYear);
  return `${era.name}${eraYearText(fiscalYear - era.firstYear + 1)}年度`;
}

// Converts an era name and era year (令和, 6) to a Gregorian year, or null when the era has no such year.
export function gregorianYearOfEra(eraName: string, eraYear: number): number | null {
  const index = JAPANESE_ERAS.findIndex((era) => era.name === eraName);
  const era = JAPANESE_ERAS[index];
  if (era === undefined || !Number.isInteger(eraYear) || eraYear < 1) {
    return null;
  }
  const year = era.firstYear + eraYear - 1;
  // The era's last calendar year is the one the next era began in (平成31年 = 2019, not 平成32年).
  const next = JAPANESE_ERAS[index - 1];
  const lastYear = next === undefined ? MAX_CALENDAR_YEAR - 1 : next.firstYear;
  return year <= lastYear ? year : null;
}
