import type { ScheduleEntry, ScheduleLane } from '../types';

/** A month column of the chart. */
export type MonthColumn = { year: number; month: number; start: string; end: string; days: number };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The months of a fiscal year from `firstMonth` (4 = April, 6 = June) to March. */
export function monthColumns(fiscalYear: number, firstMonth = 4): MonthColumn[] {
  const columns: MonthColumn[] = [];
  for (let offset = (firstMonth + 8) % 12; offset < 12; offset += 1) {
    const month = ((offset + 3) % 12) + 1;
    const year = month >= 4 ? fiscalYear : fiscalYear + 1;
    const days = daysIn(year, month);
    columns.push({ year, month, start: iso(year, month, 1), end: iso(year, month, days), days });
  }
  return columns;
}

/**
 * Where a span sits over equal-width month columns, as fractions 0–1 of the width: the 1st–10th
 * of October is exactly the first 10/31 of October's column. Null when it lies outside.
 */
export function spanFractions(span: { start: string; end: string }, months: readonly MonthColumn[]) {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last || span.end < first.start || span.start > last.end) return null;
  const width = 1 / months.length;
  const at = (date: string, edge: 'start' | 'end') => {
    const index = months.findIndex((month) => month.start <= date && date <= month.end);
    const month = months[index]!;
    const day = Number(date.slice(8, 10));
    return (index + (edge === 'start' ? day - 1 : day) / month.days) * width;
  };
  return {
    from: span.start < first.start ? 0 : at(span.start, 'start'),
    to: span.end > last.end ? 1 : at(span.end, 'end'),
    isClippedStart: span.start < first.start,
  };
}

export type PlacedEntry = { entry: ScheduleEntry; from: number; to: number; labelTo: number; row: number };
export type LaneLayout = { lane: ScheduleLane; rows: number; entries: PlacedEntry[] };

/**
 * Lays out each lane's entries in as few rows as keep their labels apart: an entry reserves at
 * least `labelWidth` of the chart from its start. Milestones (meetings) share one row.
 */
export function layoutLanes(
  entries: readonly ScheduleEntry[],
  lanes: readonly ScheduleLane[],
  months: readonly MonthColumn[],
  labelWidth = 0.12,
): LaneLayout[] {
  return lanes.map((lane) => {
    const rowEnds: number[] = [];
    const placed: PlacedEntry[] = [];
    for (const entry of entries.filter((candidate) => candidate.lane === lane)) {
      const fractions = spanFractions(entry.span, months);
      if (!fractions) continue;
      const labelTo = Math.min(1, fractions.from + Math.max(fractions.to - fractions.from, labelWidth));
      let row = 0;
      if (!entry.isMilestone) {
        row = rowEnds.findIndex((end) => end <= fractions.from);
        if (row === -1) row = rowEnds.length;
        rowEnds[row] = labelTo;
      }
      placed.push({ entry, from: fractions.from, to: fractions.to, labelTo, row });
    }
    return { lane, rows: Math.max(rowEnds.length, 1), entries: placed };
  });
}

/** The month the FY2024-style view starts at: the first month with an entry (June in FY2024), else April. */
export function firstMonthWithEntries(entries: readonly ScheduleEntry[], fiscalYear: number): number {
  const starts = entries
    .map((entry) => entry.span.start)
    .filter((start) => start >= `${fiscalYear}-04-01`)
    .sort();
  return starts[0] ? Number(starts[0].slice(5, 7)) : 4;
}

/** Reads `?fy=` and `?from=` (the first month shown: 4 or later) and drops anything else. */
export function validateScheduleSearch(search: Record<string, unknown>): {
  fy?: number | undefined;
  from?: number | undefined;
} {
  const number = (value: unknown) => (typeof value === 'string' ? Number(value) : value);
  const fy = number(search.fy);
  const from = number(search.from);
  return {
    fy: typeof fy === 'number' && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    from: typeof from === 'number' && Number.isInteger(from) && from >= 1 && from <= 12 ? from : undefined,
  };
}
