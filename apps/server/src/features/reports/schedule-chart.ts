import {
  parseIsoDate,
  SCHEDULE_LANES,
  type ScheduleLane,
  type ScheduleMonth,
  scheduleLaneLabel,
  scheduleMonths,
  scheduleSpanLabel,
  spanOffsets,
} from '@totonoe/domain';
import type { Schedule, ScheduleEntry } from '../schedule/index.ts';

/** An entry placed on the chart: fractions of the chart's width, and the row of its lane it sits in. */
export type PlacedEntry = {
  entry: ScheduleEntry;
  spanLabel: string;
  from: number;
  to: number;
  /** Where the entry's label may run to: at least `minimumGap` past its start. */
  labelTo: number;
  row: number;
  isClippedStart: boolean;
};

export type ChartLane = { lane: ScheduleLane; label: string; rows: number; entries: PlacedEntry[] };

export type ScheduleChart = {
  months: ScheduleMonth[];
  lanes: ChartLane[];
  /** Where today falls (0–1), or null outside the chart. */
  today: number | null;
};

/**
 * The month the chart starts at: April, or the first month with an entry when the year's work
 * starts later (the FY2024 deck starts at June).
 */
export function firstChartMonth(schedule: Schedule): number {
  const range = `${schedule.fiscalYear}-04-01`;
  const starts = schedule.entries.map((entry) => entry.span.start).filter((start) => start >= range);
  if (!starts.length) return 4;
  return parseIsoDate(starts.sort()[0]!).month;
}

/**
 * Lays the schedule out: each lane's entries in as few rows as keep them apart (a bar needs some
 * room for its label, so entries closer than `minimumGap` share no row). Milestones (meetings) stay
 * on one row: they are short and their labels go beside them.
 */
export function layoutScheduleChart(
  schedule: Schedule,
  options: { firstMonth?: number; minimumGap?: number } = {},
): ScheduleChart {
  const months = scheduleMonths(schedule.fiscalYear, options.firstMonth ?? firstChartMonth(schedule));
  const minimumGap = options.minimumGap ?? 0.12;
  const lanes = SCHEDULE_LANES.map((lane): ChartLane => {
    const rowEnds: number[] = [];
    const entries: PlacedEntry[] = [];
    for (const entry of schedule.entries.filter((candidate) => candidate.lane === lane)) {
      const offsets = spanOffsets(entry.span, months);
      if (!offsets) continue;
      const width = Math.min(Math.max(offsets.to - offsets.from, minimumGap), 1 - offsets.from);
      let row = 0;
      if (!entry.isMilestone) {
        row = rowEnds.findIndex((end) => end <= offsets.from);
        if (row === -1) row = rowEnds.length;
        rowEnds[row] = offsets.from + width;
      }
      entries.push({
        entry,
        spanLabel: scheduleSpanLabel(entry.span, 'ja'),
        from: offsets.from,
        to: offsets.to,
        labelTo: offsets.from + width,
        row,
        isClippedStart: offsets.isClippedStart,
      });
    }
    return { lane, label: scheduleLaneLabel(lane, 'ja'), rows: Math.max(rowEnds.length, 1), entries };
  });
  const today = spanOffsets({ start: schedule.today, end: schedule.today }, months);
  return { months, lanes, today: today ? today.from : null };
}
