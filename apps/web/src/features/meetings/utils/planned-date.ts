import type { PlannedDate } from '../types';

/** The precisions the reform office picks from when it plans a meeting. */
export const PLANNING_PRECISIONS = ['day', 'early', 'mid', 'late', 'month'] as const;
export type PlanningPrecision = (typeof PLANNING_PRECISIONS)[number];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The span a planned date covers, never inventing a day: a day ('2025-01-15'), or a month
 * ('2025-01') taken whole or by its 上旬 (1–10), 中旬 (11–20) or 下旬 (21–end). Null when the
 * value does not fit the precision.
 */
export function plannedSpan(precision: PlanningPrecision, value: string): PlannedDate | null {
  if (precision === 'day') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    return { precision, start: value, end: value };
  }
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  const [first, end] =
    precision === 'early'
      ? [1, 10]
      : precision === 'mid'
        ? [11, 20]
        : precision === 'late'
          ? [21, last]
          : [1, last];
  return { precision, start: iso(year, month, first), end: iso(year, month, end) };
}

/** The fiscal year (April–March) a date belongs to. */
export function fiscalYearOfDay(value: string): number {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  return month >= 4 ? year : year - 1;
}
