import type { AccessEntry } from '../../test/access-entry.ts';

/** The public portal: everyone, with or without a session; it only ever shows what is published. */
export const publicPortalAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/public/programme',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/public/programme?fy=${fixtures.fiscalYear}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/public/open-data',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/public/open-data?fy=${fixtures.fiscalYear}` }),
  },
  {
    method: 'GET',
    path: '/api/v1/public/open-data/:file',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/public/open-data/meetings.csv?fy=${fixtures.fiscalYear}` }),
  },
];
