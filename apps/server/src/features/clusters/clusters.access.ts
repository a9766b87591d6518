import type { AccessEntry } from '../../test/access-entry.ts';

/** The cluster register is public; the reform office keeps it. */
export const clusterAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/clusters', allow: 'public' },
  {
    method: 'GET',
    path: '/api/v1/clusters/:id',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/clusters/${fixtures.clusterId(57)}?fy=${fixtures.fiscalYear}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/clusters/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const id = fixtures.clusterId(57);
      const path = `/api/v1/clusters/${id}?fy=${fixtures.fiscalYear}`;
      return {
        path,
        body: { name: fixtures.unique('BPR推進') },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
];
