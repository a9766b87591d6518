import { z } from 'zod';
import {
  daysInMonth,
  isValidIsoDate,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  parseIsoDate,
  toIsoDate,
} from './calendar-date';
import {
  fiscalYearLabel,
  fiscalYearOf,
  gregorianYearOfEra,
  halfOfFiscalYear,
  JAPANESE_ERAS,
  quarterOfFiscalYear,
} from './fiscal-year';
import type { Locale } from './messages';
import { foldWidth } from './text';

export { isValidIsoDate } from './calendar-date';

/**
 * Dates known only as precisely as they were announced: 「10月上旬」 is the span 10/1–10/10,
 * never a made-up 10/1. A PreciseDate is its precision plus the inclusive span it covers.
 */

/** Precisions from finest to coarsest: a day, 上旬/中旬/下旬, a month, a fiscal quarter, half and year. */
export const DATE_PRECISIONS = ['day', 'early', 'mid', 'late', 'month', 'quarter', 'half', 'year'] as const;

export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A span of days with the precision it was given in; start and end are inclusive ISO dates. */
export type PreciseDate = { precision: DatePrecision; start: string; end: string };

export type PreciseDateLabelOptions = { locale?: Locale; withYear?: boolean };

type TenDayPeriod = 'early' | 'mid' | 'late';

/** First and last day of each 旬 (the last one ends on the month's last day). */
const TEN_DAY_PERIOD_DAYS: Record<TenDayPeriod, { first: number; last: number | 'end' }> = {
  early: { first: 1, last: 10 },
  mid: { first: 11, last: 20 },
  late: { first: 21, last: 'end' },
};

const TEN_DAY_PERIOD_LABELS: Record<TenDayPeriod, { ja: string; en: string }> = {
  early: { ja: '上旬', en: 'early' },
  mid: { ja: '中旬', en: 'mid' },
  late: { ja: '下旬', en: 'late' },
};

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ENGLISH_MONTH_FULL_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const HALF_LABELS = { 1: { ja: '上期', en: 'H1' }, 2: { ja: '下期', en: 'H2' } } as const;

function isDatePrecision(value: unknown): value is DatePrecision {
  return typeof value === 'string' && (DATE_PRECISIONS as readonly string[]).includes(value);
}

function assertInteger(name: string, value: number | undefined, min: number, max: number): number {
  if (value === undefined || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function assertAbsent(name: string, value: number | undefined, precision: DatePrecision): void {
  if (value !== undefined) {
    throw new RangeError(`${name} is not used by precision '${precision}', got ${value}`);
  }
}

function monthSpan(year: number, month: number, firstDay: number, lastDay: number | 'end'): PreciseDateSpan {
  const last = lastDay === 'end' ? daysInMonth(year, month) : lastDay;
  return { start: toIsoDate(year, month, firstDay), end: toIsoDate(year, month, last) };
}

type PreciseDateSpan = { start: string; end: string };

/** Calendar year and month of the n-th month (0 = April) of a fiscal year. */
function fiscalMonth(fiscalYear: number, offset: number): { year: number; month: number } {
  const month = ((3 + offset) % 12) + 1;
  return { year: month >= 4 ? fiscalYear : fiscalYear + 1, month };
}

function fiscalMonthsSpan(fiscalYear: number, firstOffset: number, monthCount: number): PreciseDateSpan {
  const first = fiscalMonth(fiscalYear, firstOffset);
  const last = fiscalMonth(fiscalYear, firstOffset + monthCount - 1);
  return {
    start: toIsoDate(first.year, first.month, 1),
    end: toIsoDate(last.year, last.month, daysInMonth(last.year, last.month)),
  };
}

// Builds a PreciseDate from its parts (calendar year and month, or fiscal year and quarter/half), throwing a RangeError on impossible input.
export function preciseDate(precision: 'day', year: number, month: number, day: number): PreciseDate;
export function preciseDate(
  precision: 'early' | 'mid' | 'late' | 'month',
  year: number,
  month: number,
): PreciseDate;
export function preciseDate(precision: 'quarter', fiscalYear: number, quarter: number): PreciseDate;
export function preciseDate(precision: 'half', fiscalYear: number, half: number): PreciseDate;
export function preciseDate(precision: 'year', fiscalYear: number): PreciseDate;
export function preciseDate(
  precision: DatePrecision,
  year: number,
  monthOrPart?: number,
  day?: number,
): PreciseDate;
export function preciseDate(
  precision: DatePrecision,
  year: number,
  monthOrPart?: number,
  day?: number,
): PreciseDate {
  if (!isDatePrecision(precision)) {
    throw new RangeError(`Unknown date precision: ${JSON.stringify(precision)}`);
  }
  let span: PreciseDateSpan;
  switch (precision) {
    case 'day': {
      const calendarYear = assertInteger('Year', year, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR);
      const month = assertInteger('Month', monthOrPart, 1, 12);
      const dayOfMonth = assertInteger('Day', day, 1, daysInMonth(calendarYear, month));
      const iso = toIsoDate(calendarYear, month, dayOfMonth);
      span = { start: iso, end: iso };
      break;
    }
    case 'early':
    case 'mid':
    case 'late':
    case 'month': {
      const calendarYear = assertInteger('Year', year, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR);
      const month = assertInteger('Month', monthOrPart, 1, 12);
      assertAbsent('Day', day, precision);
      const days =
        precision === 'month' ? { first: 1, last: 'end' as const } : TEN_DAY_PERIOD_DAYS[precision];
      span = monthSpan(calendarYear, month, days.first, days.last);
      break;
    }
    case 'quarter': {
      const fiscalYear = assertInteger('Fiscal year', year, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR - 1);
      const quarter = assertInteger('Quarter', monthOrPart, 1, 4);
      assertAbsent('Day', day, precision);
      span = fiscalMonthsSpan(fiscalYear, (quarter - 1) * 3, 3);
      break;
    }
    case 'half': {
      const fiscalYear = assertInteger('Fiscal year', year, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR - 1);
      const half = assertInteger('Half', monthOrPart, 1, 2);
      assertAbsent('Day', day, precision);
      span = fiscalMonthsSpan(fiscalYear, (half - 1) * 6, 6);
      break;
    }
    case 'year': {
      const fiscalYear = assertInteger('Fiscal year', year, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR - 1);
      assertAbsent('Quarter, half or month', monthOrPart, precision);
      assertAbsent('Day', day, precision);
      span = fiscalMonthsSpan(fiscalYear, 0, 12);
      break;
    }
  }
  return { precision, ...span };
}

/** The PreciseDate of the given precision that starts the way `start` says, or null when none can. */
function expectedPreciseDate(precision: DatePrecision, start: string): PreciseDate | null {
  const { year, month, day } = parseIsoDate(start);
  try {
    switch (precision) {
      case 'day':
        return preciseDate('day', year, month, day);
      case 'early':
      case 'mid':
      case 'late':
      case 'month':
        return preciseDate(precision, year, month);
      case 'quarter':
        return preciseDate('quarter', fiscalYearOf(start), quarterOfFiscalYear(start));
      case 'half':
        return preciseDate('half', fiscalYearOf(start), halfOfFiscalYear(start));
      case 'year':
        return preciseDate('year', fiscalYearOf(start));
    }
  } catch (error) {
    if (error instanceof RangeError) {
      return null;
    }
    throw error;
  }
}

// Tells whether a value is a PreciseDate whose start and end are exactly the span its precision implies.
export function isPreciseDateConsistent(value: unknown): value is PreciseDate {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { precision, start, end } = value as Record<string, unknown>;
  if (!isDatePrecision(precision) || !isValidIsoDate(start) || !isValidIsoDate(end)) {
    return false;
  }
  const expected = expectedPreciseDate(precision, start);
  return expected !== null && expected.start === start && expected.end === end;
}

/** Zod schema for a PreciseDate: valid ISO dates whose span is exactly what the precision implies. */
export const preciseDateSchema = z
  .object({
    precision: z.enum(DATE_PRECISIONS),
    start: z.string(),
    end: z.string(),
  })
  .superRefine((value, context) => {
    const startIsValid = isValidIsoDate(value.start);
    if (!startIsValid) {
      context.addIssue({
        code: 'custom',
        path: ['start'],
        message: 'start must be a calendar date YYYY-MM-DD',
      });
    }
    const endIsValid = isValidIsoDate(value.end);
    if (!endIsValid) {
      context.addIssue({ code: 'custom', path: ['end'], message: 'end must be a calendar date YYYY-MM-DD' });
    }
    if (!startIsValid || !endIsValid) {
      return;
    }
    const expected = expectedPreciseDate(value.precision, value.start);
    if (expected === null || expected.start !== value.start) {
      context.addIssue({
        code: 'custom',
        path: ['start'],
        message: `start ${value.start} does not begin a span of precision '${value.precision}'`,
      });
    } else if (expected.end !== value.end) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        message: `end must be ${expected.end} for precision '${value.precision}' starting ${value.start}`,
      });
    }
  });

function assertConsistent(value: PreciseDate): void {
  if (!isPreciseDateConsistent(value)) {
    throw new RangeError(`Inconsistent PreciseDate: ${JSON.stringify(value)}`);
  }
}

// Returns the label of a PreciseDate: ja 6月4日, 10月上旬, 7月, 第1四半期, 上期, 令和6年度; en 4 Jun, early Oct, Jul, Q1, H1, FY2024.
export function preciseDateLabel(value: PreciseDate, options: PreciseDateLabelOptions = {}): string {
  assertConsistent(value);
  const locale = options.locale ?? 'ja';
  const withYear = options.withYear ?? false;
  const { year, month, day } = parseIsoDate(value.start);
  const fiscalYear = fiscalYearOf(value.start);
  const englishMonth = ENGLISH_MONTHS[month - 1];
  switch (value.precision) {
    case 'day':
      if (locale === 'en') {
        return withYear ? `${day} ${englishMonth} ${year}` : `${day} ${englishMonth}`;
      }
      return `${withYear ? `${year}年` : ''}${month}月${day}日`;
    case 'early':
    case 'mid':
    case 'late': {
      const period = TEN_DAY_PERIOD_LABELS[value.precision];
      if (locale === 'en') {
        return withYear ? `${period.en} ${englishMonth} ${year}` : `${period.en} ${englishMonth}`;
      }
      return `${withYear ? `${year}年` : ''}${month}月${period.ja}`;
    }
    case 'month':
      if (locale === 'en') {
        return withYear ? `${englishMonth} ${year}` : `${englishMonth}`;
      }
      return `${withYear ? `${year}年` : ''}${month}月`;
    case 'quarter': {
      const quarter = quarterOfFiscalYear(value.start);
      if (locale === 'en') {
        return withYear ? `Q${quarter} FY${fiscalYear}` : `Q${quarter}`;
      }
      return `${withYear ? `${fiscalYearLabel(fiscalYear)} ` : ''}第${quarter}四半期`;
    }
    case 'half': {
      const half = HALF_LABELS[halfOfFiscalYear(value.start)];
      if (locale === 'en') {
        return withYear ? `${half.en} FY${fiscalYear}` : half.en;
      }
      return `${withYear ? `${fiscalYearLabel(fiscalYear)} ` : ''}${half.ja}`;
    }
    case 'year':
      return fiscalYearLabel(fiscalYear, locale);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing labels typed by people.

const ERA_NAMES = JAPANESE_ERAS.map((era) => era.name).join('|');
/** `2024年` or `令和6年` / `令和元年`; groups: western year, era name, era year. */
const YEAR_PREFIX = `(?:(\\d{4})|(${ERA_NAMES}) ?(元|\\d{1,2})) ?年 ?`;
/** `2024年度`, `令和6年度` or `FY2024`; groups: western year, era name, era year, FY year. */
const FISCAL_YEAR_PREFIX = `(?:(?:(\\d{4})|(${ERA_NAMES}) ?(元|\\d{1,2})) ?年度|FY ?(\\d{4}))`;
const ENGLISH_MONTH_PATTERN = `(${ENGLISH_MONTH_FULL_NAMES.map((name) => `${name}|${name.slice(0, 3)}`).join('|')}|sept)\\.?`;

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const SLASH_DAY = /^(\d{1,2})\/(\d{1,2})$/;
const JA_DAY = new RegExp(`^(?:${YEAR_PREFIX})?(\\d{1,2}) ?月 ?(\\d{1,2}) ?日$`);
const JA_TEN_DAYS = new RegExp(`^(?:${YEAR_PREFIX})?(\\d{1,2}) ?月 ?(上旬|初旬|中旬|下旬)$`);
const JA_MONTH = new RegExp(`^(?:${YEAR_PREFIX})?(\\d{1,2}) ?月$`);
const FISCAL_YEAR_ONLY = new RegExp(`^${FISCAL_YEAR_PREFIX}$`, 'i');
const QUARTER = new RegExp(
  `^(?:${FISCAL_YEAR_PREFIX} ?)?(?:第 ?([1-4]) ?四半期|Q([1-4]))(?: FY ?(\\d{4}))?$`,
  'i',
);
const HALF = new RegExp(
  `^(?:${FISCAL_YEAR_PREFIX} ?)?(上期|下期|上半期|下半期|H1|H2)(?: FY ?(\\d{4}))?$`,
  'i',
);
const EN_DAY = new RegExp(`^(\\d{1,2}) ${ENGLISH_MONTH_PATTERN}(?:,? (\\d{4}))?$`, 'i');
const EN_MONTH_DAY = new RegExp(`^${ENGLISH_MONTH_PATTERN} (\\d{1,2})(?:,? (\\d{4}))?$`, 'i');
const EN_TEN_DAYS = new RegExp(`^(early|mid|late) ${ENGLISH_MONTH_PATTERN}(?:,? (\\d{4}))?$`, 'i');
const EN_MONTH = new RegExp(`^${ENGLISH_MONTH_PATTERN}(?:,? (\\d{4}))?$`, 'i');

const TEN_DAY_WORDS: Record<string, TenDayPeriod> = {
  上旬: 'early',
  初旬: 'early',
  中旬: 'mid',
  下旬: 'late',
  early: 'early',
  mid: 'mid',
  late: 'late',
};

/** Labels longer than this are not dates; refusing them early keeps parsing cheap. */
const MAX_LABEL_LENGTH = 40;

function englishMonthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower === 'sept') {
    return 9;
  }
  return ENGLISH_MONTH_FULL_NAMES.findIndex((full) => full === lower || full.slice(0, 3) === lower) + 1;
}

/** Calendar year from the YEAR_PREFIX groups; undefined when absent, null when impossible (平成32年). */
function calendarYearFromGroups(
  western: string | undefined,
  eraName: string | undefined,
  eraYear: string | undefined,
): number | null | undefined {
  if (western !== undefined) {
    return Number(western);
  }
  if (eraName !== undefined && eraYear !== undefined) {
    return gregorianYearOfEra(eraName, eraYear === '元' ? 1 : Number(eraYear));
  }
  return undefined;
}

/** Places a month without a year inside the fiscal year: January–March belong to the next calendar year. */
function calendarYearInFiscalYear(fiscalYear: number, month: number): number {
  return month >= 1 && month <= 3 ? fiscalYear + 1 : fiscalYear;
}

function attempt(build: () => PreciseDate): PreciseDate | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) {
      return null;
    }
    throw error;
  }
}

function parseMonthBased(
  year: number | null | undefined,
  month: number,
  fiscalYear: number,
  build: (calendarYear: number) => PreciseDate,
): PreciseDate | null {
  if (year === null) {
    return null;
  }
  return attempt(() => build(year ?? calendarYearInFiscalYear(fiscalYear, month)));
}

/** Fiscal year named in a label (prefix or trailing `FY2024`), the context year when none, null when impossible. */
function fiscalYearFromGroups(groups: (string | undefined)[], contextFiscalYear: number): number | null {
  const [western, eraName, eraYear, fyYear, trailingFyYear] = groups;
  const hasPrefix = western !== undefined || eraName !== undefined || fyYear !== undefined;
  if (hasPrefix && trailingFyYear !== undefined) {
    return null;
  }
  const year = calendarYearFromGroups(western, eraName, eraYear);
  if (year === null) {
    return null;
  }
  if (year !== undefined) {
    return year;
  }
  const fromFy = fyYear ?? trailingFyYear;
  return fromFy === undefined ? contextFiscalYear : Number(fromFy);
}

// Reads a typed date label (6/4, 6月4日, 10月上旬, 7月, 2024年10月上旬, 2024-06-04, 第1四半期, 上期, 令和6年度, …) into a PreciseDate, or null; months without a year are placed in the fiscal year.
export function parsePreciseDateLabel(text: string, fiscalYear: number): PreciseDate | null {
  if (!Number.isInteger(fiscalYear) || fiscalYear < MIN_CALENDAR_YEAR || fiscalYear >= MAX_CALENDAR_YEAR) {
    throw new RangeError(`Fiscal year must be an integer from 1 to 9998, got ${fiscalYear}`);
  }
  if (typeof text !== 'string' || text.length > MAX_LABEL_LENGTH * 4) {
    return null;
  }
  const input = foldWidth(text).replace(/\s+/gu, ' ').trim();
  if (input.length === 0 || input.length > MAX_LABEL_LENGTH) {
    return null;
  }

  let match = ISO_DAY.exec(input);
  if (match) {
    const [, year, month, day] = match;
    return attempt(() => preciseDate('day', Number(year), Number(month), Number(day)));
  }
  match = ISO_MONTH.exec(input);
  if (match) {
    const [, year, month] = match;
    return attempt(() => preciseDate('month', Number(year), Number(month)));
  }
  match = SLASH_DAY.exec(input);
  if (match) {
    const month = Number(match[1]);
    const day = Number(match[2]);
    return parseMonthBased(undefined, month, fiscalYear, (year) => preciseDate('day', year, month, day));
  }
  match = JA_DAY.exec(input);
  if (match) {
    const month = Number(match[4]);
    const day = Number(match[5]);
    const year = calendarYearFromGroups(match[1], match[2], match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate('day', calendarYear, month, day),
    );
  }
  match = JA_TEN_DAYS.exec(input);
  if (match) {
    const month = Number(match[4]);
    const period = TEN_DAY_WORDS[match[5] ?? ''] ?? 'early';
    const year = calendarYearFromGroups(match[1], match[2], match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate(period, calendarYear, month),
    );
  }
  match = JA_MONTH.exec(input);
  if (match) {
    const month = Number(match[4]);
    const year = calendarYearFromGroups(match[1], match[2], match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate('month', calendarYear, month),
    );
  }
  match = FISCAL_YEAR_ONLY.exec(input);
  if (match) {
    const year = fiscalYearFromGroups([match[1], match[2], match[3], match[4], undefined], fiscalYear);
    return year === null ? null : attempt(() => preciseDate('year', year));
  }
  match = QUARTER.exec(input);
  if (match) {
    const year = fiscalYearFromGroups([match[1], match[2], match[3], match[4], match[7]], fiscalYear);
    const quarter = Number(match[5] ?? match[6]);
    return year === null ? null : attempt(() => preciseDate('quarter', year, quarter));
  }
  match = HALF.exec(input);
  if (match) {
    const year = fiscalYearFromGroups([match[1], match[2], match[3], match[4], match[6]], fiscalYear);
    const word = (match[5] ?? '').toUpperCase();
    const half = word === '上期' || word === '上半期' || word === 'H1' ? 1 : 2;
    return year === null ? null : attempt(() => preciseDate('half', year, half));
  }
  match = EN_DAY.exec(input);
  if (match) {
    const day = Number(match[1]);
    const month = englishMonthNumber(match[2] ?? '');
    const year = match[3] === undefined ? undefined : Number(match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate('day', calendarYear, month, day),
    );
  }
  match = EN_MONTH_DAY.exec(input);
  if (match) {
    const month = englishMonthNumber(match[1] ?? '');
    const day = Number(match[2]);
    const year = match[3] === undefined ? undefined : Number(match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate('day', calendarYear, month, day),
    );
  }
  match = EN_TEN_DAYS.exec(input);
  if (match) {
    const period = TEN_DAY_WORDS[(match[1] ?? '').toLowerCase()] ?? 'early';
    const month = englishMonthNumber(match[2] ?? '');
    const year = match[3] === undefined ? undefined : Number(match[3]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate(period, calendarYear, month),
    );
  }
  match = EN_MONTH.exec(input);
  if (match) {
    const month = englishMonthNumber(match[1] ?? '');
    const year = match[2] === undefined ? undefined : Number(match[2]);
    return parseMonthBased(year, month, fiscalYear, (calendarYear) =>
      preciseDate('month', calendarYear, month),
    );
  }
  return null;
}

// Orders PreciseDates by start, then by end (a shorter span first); returns a negative, zero or positive number.
export function comparePreciseDates(a: PreciseDate, b: PreciseDate): number {
  if (a.start !== b.start) {
    return a.start < b.start ? -1 : 1;
  }
  if (a.end !== b.end) {
    return a.end < b.end ? -1 : 1;
  }
  return 0;
}

// Tells whether an ISO date lies within a PreciseDate's span.
export function preciseDateContains(value: PreciseDate, isoDate: string): boolean {
  parseIsoDate(isoDate);
  return value.start <= isoDate && isoDate <= value.end;
}

// Tells whether two PreciseDates share at least one day.
export function preciseDateOverlaps(a: PreciseDate, b: PreciseDate): boolean {
  return a.start <= b.end && b.start <= a.end;
}
