import { describe, expect, it } from 'vitest';
import type { ScheduleEntry } from '../types';
import {
  firstMonthWithEntries,
  layoutLanes,
  monthColumns,
  spanFractions,
  validateScheduleSearch,
} from './chart-layout';

const entry = (overrides: Partial<ScheduleEntry>): ScheduleEntry => ({
  id: overrides.label ?? 'x',
  lane: 'analysis',
  label: 'x',
  span: { precision: 'month', start: '2024-07-01', end: '2024-07-31' },
  spanLabel: { ja: '', en: '' },
  source: 'office',
  isMilestone: false,
  isDone: false,
  isSpanningYear: false,
  link: null,
  version: 1,
  ...overrides,
});

describe('monthColumns', () => {
  it('runs April to March, or from June as the FY2024 deck does', () => {
    expect(monthColumns(2024).map((month) => month.month)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(monthColumns(2024, 6).map((month) => month.month)).toEqual([6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(monthColumns(2024).at(-1)).toMatchObject({ year: 2025, month: 3, days: 31 });
    expect(monthColumns(2023).at(-2)).toMatchObject({ year: 2024, month: 2, days: 29 });
  });
});

describe('spanFractions', () => {
  it('draws 第3回 (10月上旬) over exactly the 1st to the 10th of October', () => {
    const months = monthColumns(2024, 6);
    const fractions = spanFractions({ start: '2024-10-01', end: '2024-10-10' }, months)!;
    const column = 1 / months.length;
    expect(fractions.from).toBeCloseTo(4 * column, 10);
    expect(fractions.to).toBeCloseTo(4 * column + (10 / 31) * column, 10);
  });

  it('draws a month entry over its whole column and a day over one day', () => {
    const months = monthColumns(2024);
    const july = spanFractions({ start: '2024-07-01', end: '2024-07-31' }, months)!;
    expect(july.from).toBeCloseTo(3 / 12);
    expect(july.to).toBeCloseTo(4 / 12);
    const day = spanFractions({ start: '2024-06-04', end: '2024-06-04' }, months)!;
    expect((day.to - day.from) * 12 * 30).toBeCloseTo(1);
  });

  it('clips what starts before the first column and drops what lies outside', () => {
    const months = monthColumns(2024, 6);
    expect(spanFractions({ start: '2024-04-01', end: '2024-06-30' }, months)).toMatchObject({
      from: 0,
      isClippedStart: true,
    });
    expect(spanFractions({ start: '2024-04-01', end: '2024-05-31' }, months)).toBeNull();
    expect(spanFractions({ start: '2025-04-01', end: '2025-04-30' }, months)).toBeNull();
  });
});

describe('layoutLanes', () => {
  it('puts overlapping entries on separate rows and keeps milestones on one', () => {
    const months = monthColumns(2024);
    const [analysis, meetings] = layoutLanes(
      [
        entry({ label: 'a', span: { precision: 'month', start: '2024-06-01', end: '2024-07-31' } }),
        entry({ label: 'b', span: { precision: 'day', start: '2024-07-22', end: '2024-07-22' } }),
        entry({ label: 'c', span: { precision: 'month', start: '2024-12-01', end: '2025-03-31' } }),
        entry({
          label: 'm1',
          lane: 'x_meeting',
          isMilestone: true,
          span: { precision: 'day', start: '2024-06-04', end: '2024-06-04' },
        }),
        entry({
          label: 'm2',
          lane: 'x_meeting',
          isMilestone: true,
          span: { precision: 'day', start: '2024-06-05', end: '2024-06-05' },
        }),
      ],
      ['analysis', 'x_meeting'],
      months,
    );
    expect(analysis!.entries.map((placed) => [placed.entry.label, placed.row])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ]);
    expect(analysis!.rows).toBe(2);
    expect(meetings!.entries.map((placed) => placed.row)).toEqual([0, 0]);
  });

  it('starts the view at the first month with an entry', () => {
    expect(
      firstMonthWithEntries(
        [entry({ span: { precision: 'day', start: '2024-06-04', end: '2024-06-04' } })],
        2024,
      ),
    ).toBe(6);
    expect(firstMonthWithEntries([], 2024)).toBe(4);
  });

  it('reads only well-formed search parameters', () => {
    expect(validateScheduleSearch({ fy: '2024', from: '6' })).toEqual({ fy: 2024, from: 6 });
    expect(validateScheduleSearch({ fy: 'x', from: '13' })).toEqual({ fy: undefined, from: undefined });
  });
});
