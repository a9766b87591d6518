import type { AccessEntry } from '../../test/access-entry.ts';

/** The progress dashboard, its drill-down and the whole picture: every signed-in employee. */
export const dashboardAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/dashboard',
    allow: 'signed_in',
    request: (fixtures) => ({ path: `/api/v1/dashboard?fy=${fixtures.fiscalYear}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/dashboard/records',
    allow: 'signed_in',
    request: (fixtures) => ({
      path: `/api/v1/dashboard/records?fy=${fixtures.fiscalYear}&metric=analyses&key=targets`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/overview',
    allow: 'signed_in',
    request: (fixtures) => ({ path: `/api/v1/overview?fy=${fixtures.fiscalYear}` }),
  },
];
