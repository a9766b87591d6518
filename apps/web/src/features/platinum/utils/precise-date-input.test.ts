import { describe, expect, it } from 'vitest';
import { preciseDateFromInput } from './precise-date-input';

describe('preciseDateFromInput', () => {
  it.each([
    ['month', '2025-01', '', { precision: 'month', start: '2025-01-01', end: '2025-01-31' }],
    ['month', '2024-02', '', { precision: 'month', start: '2024-02-01', end: '2024-02-29' }],
    ['month', '2025-02', '', { precision: 'month', start: '2025-02-01', end: '2025-02-28' }],
    ['early', '2024-10', '', { precision: 'early', start: '2024-10-01', end: '2024-10-10' }],
    ['mid', '2024-10', '', { precision: 'mid', start: '2024-10-11', end: '2024-10-20' }],
    ['late', '2024-04', '', { precision: 'late', start: '2024-04-21', end: '2024-04-30' }],
    ['day', '', '2025-01-06', { precision: 'day', start: '2025-01-06', end: '2025-01-06' }],
  ] as const)('%s %s %s', (precision, month, day, expected) => {
    expect(preciseDateFromInput(precision, month, day)).toEqual(expected);
  });

  it('gives nothing for incomplete or impossible input, never a made-up day', () => {
    expect(preciseDateFromInput('month', '', '')).toBeNull();
    expect(preciseDateFromInput('month', '2025-13', '')).toBeNull();
    expect(preciseDateFromInput('day', '2025-01', '')).toBeNull();
    expect(preciseDateFromInput('early', '2025', '')).toBeNull();
  });
});
