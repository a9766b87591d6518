import type { PreciseDate } from '../types';

/** The precisions the decision form offers (a day, 上旬/中旬/下旬, or a whole month). */
export const INPUT_PRECISIONS = ['month', 'early', 'mid', 'late', 'day'] as const;
export type InputPrecision = (typeof INPUT_PRECISIONS)[number];

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The precise date a form describes: `month` (YYYY-MM) for month and 旬 precisions, `day`
 * (YYYY-MM-DD) for a day. Null when the input is incomplete; never invents a day.
 */
export function preciseDateFromInput(
  precision: InputPrecision,
  month: string,
  day: string,
): PreciseDate | null {
  if (precision === 'day') {
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? { precision: 'day', start: day, end: day } : null;
  }
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  if (monthNumber < 1 || monthNumber > 12) return null;
  const last = lastDayOf(year, monthNumber);
  const spans: Record<Exclude<InputPrecision, 'day'>, [number, number]> = {
    month: [1, last],
    early: [1, 10],
    mid: [11, 20],
    late: [21, last],
  };
  const [first, end] = spans[precision];
  return {
    precision,
    start: `${year}-${pad(monthNumber)}-${pad(first)}`,
    end: `${year}-${pad(monthNumber)}-${pad(end)}`,
  };
}
