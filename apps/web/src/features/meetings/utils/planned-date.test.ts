import { describe, expect, it } from 'vitest';
import { fiscalYearOfDay, plannedSpan } from './planned-date';

describe('planned spans', () => {
  it('covers 上旬, 中旬, 下旬 and whole months without inventing a day', () => {
    expect(plannedSpan('early', '2024-10')).toEqual({
      precision: 'early',
      start: '2024-10-01',
      end: '2024-10-10',
    });
    expect(plannedSpan('mid', '2025-01')).toEqual({
      precision: 'mid',
      start: '2025-01-11',
      end: '2025-01-20',
    });
    expect(plannedSpan('late', '2024-12')).toEqual({
      precision: 'late',
      start: '2024-12-21',
      end: '2024-12-31',
    });
    expect(plannedSpan('late', '2024-02')).toEqual({
      precision: 'late',
      start: '2024-02-21',
      end: '2024-02-29',
    });
    expect(plannedSpan('month', '2025-02')).toEqual({
      precision: 'month',
      start: '2025-02-01',
      end: '2025-02-28',
    });
    expect(plannedSpan('day', '2024-07-22')).toEqual({
      precision: 'day',
      start: '2024-07-22',
      end: '2024-07-22',
    });
  });

  it('refuses values that do not fit the precision', () => {
    expect(plannedSpan('day', '2024-02-30')).toBeNull();
    expect(plannedSpan('day', '2024-10')).toBeNull();
    expect(plannedSpan('early', '2024-10-01')).toBeNull();
    expect(plannedSpan('month', '2024-13')).toBeNull();
  });

  it('places January–March in the fiscal year before', () => {
    expect(fiscalYearOfDay('2025-01-15')).toBe(2024);
    expect(fiscalYearOfDay('2024-04-01')).toBe(2024);
    expect(fiscalYearOfDay('2024-03-31')).toBe(2023);
  });
});
