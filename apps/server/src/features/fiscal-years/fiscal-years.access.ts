import type { AccessEntry } from '../../test/access-entry.ts';

/** Fiscal years are public. */
export const fiscalYearAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/fiscal-years', allow: 'public' },
];
