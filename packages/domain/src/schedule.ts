import { z } from 'zod';
import { daysInMonth, isValidIsoDate, parseIsoDate, toIsoDate } from './calendar-date';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year';
import type { Locale, LocalizedText } from './messages';
import {
  DATE_PRECISIONS,
  type DatePrecision,
  isPreciseDateConsistent,
  preciseDate,
  preciseDateLabel,
} from './precise-date';

/**
 * 年間日程: the year's schedule in lanes, as the programme's own progress deck draws it. An entry
 * covers whole units of its precision (a 上旬 entry the 1st–10th, a month entry the whole month),
 * possibly several of them (6月〜7月), and is never given a day nobody announced.
 */

/** The lanes, top to bottom. */
export const SCHEDULE_LANES = [
  'x_meeting',
  'bureau_policy',
  'voluntary_reform',
  'analysis',
  'platinum',
] as const;

export type ScheduleLane = (typeof SCHEDULE_LANES)[number];

const LANE_LABELS: Readonly<Record<ScheduleLane, LocalizedText>> = {
  x_meeting: { ja: 'X会議', en: 'X meetings' },
  bureau_policy: { ja: '局区X方針', en: 'Bureau X policies' },
  voluntary_reform: { ja: '各局室区の自主的な取組', en: 'Voluntary reforms of bureaus and wards' },
  analysis: { ja: '経営分析', en: 'Management analysis' },
  platinum: { ja: 'プラチナ市役所プロジェクト', en: 'Platinum City Hall Project' },
};

/** Zod schema for a lane identifier. */
export const scheduleLaneSchema = z.enum(SCHEDULE_LANES);

// Returns the display name of a lane (X会議, 局区X方針 …).
export function scheduleLaneLabel(lane: ScheduleLane, locale: Locale = 'ja'): string {
  const label = LANE_LABELS[lane];
  if (label === undefined) throw new RangeError(`Unknown schedule lane: ${JSON.stringify(lane)}`);
  return label[locale];
}

/** A span of one or more whole units of a precision: 10月上旬, 6月〜7月, 6月4日. */
export type ScheduleSpan = { precision: DatePrecision; start: string; end: string };

/** The unit of `precision` that contains an ISO date (e.g. the 旬 of 10/5 is 10/1–10/10). */
export function unitContaining(precision: DatePrecision, isoDate: string) {
  const { year, month, day } = parseIsoDate(isoDate);
  switch (precision) {
    case 'day':
      return preciseDate('day', year, month, day);
    case 'early':
    case 'mid':
    case 'late': {
      const period = day <= 10 ? 'early' : day <= 20 ? 'mid' : 'late';
      return preciseDate(period, year, month);
    }
    case 'month':
      return preciseDate('month', year, month);
    case 'quarter': {
      const fiscalYear = fiscalYearOf(isoDate);
      const fiscalMonthIndex = (month + 8) % 12;
      return preciseDate('quarter', fiscalYear, Math.floor(fiscalMonthIndex / 3) + 1);
    }
    case 'half': {
      const fiscalYear = fiscalYearOf(isoDate);
      const fiscalMonthIndex = (month + 8) % 12;
      return preciseDate('half', fiscalYear, fiscalMonthIndex < 6 ? 1 : 2);
    }
    case 'year':
      return preciseDate('year', fiscalYearOf(isoDate));
  }
}

/** Why a span is refused, or null when it covers whole units of its precision inside the fiscal year. */
export type ScheduleSpanProblem =
  | 'invalid_date'
  | 'end_before_start'
  | 'not_whole_units'
  | 'outside_fiscal_year';

// Checks a span someone typed: valid dates, end not before start, whole units, inside the fiscal year.
export function scheduleSpanProblem(span: ScheduleSpan, fiscalYear: number): ScheduleSpanProblem | null {
  if (!isValidIsoDate(span.start) || !isValidIsoDate(span.end)) return 'invalid_date';
  if (span.end < span.start) return 'end_before_start';
  // The year first: every unit inside a fiscal year can be built, whatever the precision.
  const range = fiscalYearRange(fiscalYear);
  if (span.start < range.start || span.end > range.end) return 'outside_fiscal_year';
  // 上旬/中旬/下旬 entries may run from one 旬 to another, so any 旬 boundary is a whole unit.
  if (unitContaining(span.precision, span.start).start !== span.start) return 'not_whole_units';
  if (unitContaining(span.precision, span.end).end !== span.end) return 'not_whole_units';
  return null;
}

export const SCHEDULE_SPAN_PROBLEM_MESSAGES: Readonly<Record<ScheduleSpanProblem, LocalizedText>> = {
  invalid_date: { ja: '日付が正しくありません。', en: 'The date is not valid.' },
  end_before_start: { ja: '終了は開始より後にしてください。', en: 'The end must not be before the start.' },
  not_whole_units: {
    ja: '開始と終了は、選んだ精度の区切り（上旬は1日〜10日、月は1日〜末日など）に合わせてください。',
    en: 'Start and end must fall on the boundaries of the chosen precision (early month is the 1st–10th, a month the 1st to its last day).',
  },
  outside_fiscal_year: {
    ja: '年度の期間内（4月1日〜翌年3月31日）にしてください。',
    en: 'The span must lie within the fiscal year (1 April to 31 March).',
  },
};

/** Zod shape of a span in a request body; the fiscal-year check needs the year and is made by the caller. */
export const scheduleSpanSchema = z.strictObject({
  precision: z.enum(DATE_PRECISIONS),
  start: z.string().max(10),
  end: z.string().max(10),
});

function monthRangeLabel(start: string, end: string, locale: Locale): string {
  const first = parseIsoDate(start);
  const last = parseIsoDate(end);
  const from = preciseDateLabel(preciseDate('month', first.year, first.month), { locale });
  if (first.year === last.year && first.month === last.month) return from;
  const to = preciseDateLabel(preciseDate('month', last.year, last.month), { locale });
  return locale === 'ja' ? `${from}〜${to}` : `${from} – ${to}`;
}

// Returns the label of a span: 10月上旬, 6月4日, 6月〜7月, 令和6年度; spans that do not fit their precision fall back to months.
export function scheduleSpanLabel(span: ScheduleSpan, locale: Locale = 'ja'): string {
  const asPreciseDate: unknown = span;
  if (isPreciseDateConsistent(asPreciseDate)) return preciseDateLabel(asPreciseDate, { locale });
  if (!isValidIsoDate(span.start) || !isValidIsoDate(span.end) || span.end < span.start) return '';
  if (span.precision === 'quarter' || span.precision === 'half' || span.precision === 'year') {
    return monthRangeLabel(span.start, span.end, locale);
  }
  const first = unitContaining(span.precision, span.start);
  const last = unitContaining(span.precision, span.end);
  if (first.start !== span.start || last.end !== span.end)
    return monthRangeLabel(span.start, span.end, locale);
  const from = preciseDateLabel(first, { locale });
  const to = preciseDateLabel(last, { locale });
  return locale === 'ja' ? `${from}〜${to}` : `${from} – ${to}`;
}

/** A month column of the schedule chart. */
export type ScheduleMonth = { year: number; month: number; start: string; end: string };

// Returns the month columns of a fiscal year from `firstMonth` (4 = April, 6 = June …) to March.
export function scheduleMonths(fiscalYear: number, firstMonth = 4): ScheduleMonth[] {
  if (!Number.isInteger(firstMonth) || firstMonth < 1 || firstMonth > 12) {
    throw new RangeError(`First month must be 1–12: ${firstMonth}`);
  }
  const months: ScheduleMonth[] = [];
  const firstOffset = (firstMonth + 8) % 12;
  for (let offset = firstOffset; offset < 12; offset += 1) {
    const month = ((offset + 3) % 12) + 1;
    const year = month >= 4 ? fiscalYear : fiscalYear + 1;
    months.push({
      year,
      month,
      start: toIsoDate(year, month, 1),
      end: toIsoDate(year, month, daysInMonth(year, month)),
    });
  }
  return months;
}

/**
 * Where a span sits over equal-width month columns, as fractions 0–1 of the chart's width: the
 * 1st–10th of October is the first 10/31 of October's column. Null when the span lies outside.
 * A span that starts before the first column is clipped and says so (for a 「〜」 mark).
 */
export function spanOffsets(
  span: { start: string; end: string },
  months: readonly ScheduleMonth[],
): { from: number; to: number; isClippedStart: boolean; isClippedEnd: boolean } | null {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return null;
  if (span.end < first.start || span.start > last.end) return null;
  const width = 1 / months.length;
  const position = (isoDate: string, edge: 'start' | 'end') => {
    const index = months.findIndex((month) => month.start <= isoDate && isoDate <= month.end);
    const column = months[index]!;
    const days = daysInMonth(column.year, column.month);
    const day = parseIsoDate(isoDate).day;
    const inside = edge === 'start' ? (day - 1) / days : day / days;
    return (index + inside) * width;
  };
  const isClippedStart = span.start < first.start;
  const isClippedEnd = span.end > last.end;
  return {
    from: isClippedStart ? 0 : position(span.start, 'start'),
    to: isClippedEnd ? 1 : position(span.end, 'end'),
    isClippedStart,
    isClippedEnd,
  };
}
