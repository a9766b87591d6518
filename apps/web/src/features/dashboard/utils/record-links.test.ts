import { describe, expect, it } from 'vitest';
import { recordHref, validateDashboardSearch } from './record-links';

describe('recordHref', () => {
  it('links a record to its own page, or to its stream’s list', () => {
    expect(recordHref({ type: 'meeting', id: 'm-1' })).toBe('/meetings/m-1');
    expect(recordHref({ type: 'bureau_policy', id: 'p 2' })).toBe('/policies/p%202');
    expect(recordHref({ type: 'platinum_issue', id: 'i' })).toBe('/platinum/issues/i');
    expect(recordHref({ type: 'cluster', id: 'c' }, 2024)).toBe('/clusters?fy=2024');
    expect(recordHref({ type: 'effect', id: 'e' })).toBe('/effects');
    expect(recordHref({ type: 'analysis', id: 'a' }, 2024)).toMatch(/^\/(analyses\/a|clusters\?fy=2024)$/);
  });
});

describe('validateDashboardSearch', () => {
  it('keeps well-formed values and drops the rest', () => {
    expect(
      validateDashboardSearch({
        fy: '2024',
        orgUnit: '00000000-0000-4000-8000-000000000000',
        metric: 'analyses',
        key: 'stage:started',
      }),
    ).toEqual({
      fy: 2024,
      orgUnit: '00000000-0000-4000-8000-000000000000',
      metric: 'analyses',
      key: 'stage:started',
    });
    expect(
      validateDashboardSearch({ fy: '1900', orgUnit: 'x', metric: 'secrets', key: 'DROP TABLE' }),
    ).toEqual({
      fy: undefined,
      orgUnit: undefined,
      metric: undefined,
      key: undefined,
    });
  });
});
