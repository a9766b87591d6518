import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

let madeNumbers = 0;

/**
 * A fresh cluster that has been in the register since the year before the demo's, so that changes
 * can take effect from the demo year without opening another year (which would become the latest
 * and change what other routes show by default).
 */
async function freshCluster(fixtures: MatrixFixtures): Promise<{ id: string; version: number }> {
  madeNumbers += 1;
  const [cluster] = await fixtures.query<{ id: string; version: number }>(
    'insert into clusters default values returning id, version',
  );
  await fixtures.query(
    `insert into cluster_revisions (cluster_id, valid_from_fiscal_year, number, name, group_code)
     values ($1, $2, $3, $4, 'organization')`,
    [cluster!.id, fixtures.fiscalYear - 1, 7000 + madeNumbers, fixtures.unique('行列確認')],
  );
  return cluster!;
}

const organizationCluster = (number: number, name: string) => ({
  number,
  name,
  group: 'organization',
  kind: null,
});

/** The register's history is public; the reform office changes the register. */
export const clusterHistoryAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/clusters/:id/history',
    allow: 'public',
    request: (fixtures) => ({ path: `/api/v1/clusters/${fixtures.clusterId(22)}/history` }),
  },
  {
    method: 'POST',
    path: '/api/v1/clusters',
    allow: ['reform_office'],
    request: async (fixtures) => {
      madeNumbers += 1;
      return {
        path: '/api/v1/clusters',
        body: {
          fiscalYear: fixtures.fiscalYear,
          cluster: organizationCluster(7000 + madeNumbers, fixtures.unique('行列確認')),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/:id/retire',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const cluster = await freshCluster(fixtures);
      return {
        path: `/api/v1/clusters/${cluster.id}/retire`,
        body: { fiscalYear: fixtures.fiscalYear },
        headers: { 'if-match': `"${cluster.version}"` },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/merge',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const sources = [await freshCluster(fixtures), await freshCluster(fixtures)];
      madeNumbers += 1;
      return {
        path: '/api/v1/clusters/merge',
        body: {
          fiscalYear: fixtures.fiscalYear,
          sources,
          into: organizationCluster(7000 + madeNumbers, fixtures.unique('統合')),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/:id/split',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const cluster = await freshCluster(fixtures);
      madeNumbers += 2;
      return {
        path: `/api/v1/clusters/${cluster.id}/split`,
        body: {
          fiscalYear: fixtures.fiscalYear,
          parts: [
            organizationCluster(7000 + madeNumbers - 1, fixtures.unique('分割')),
            organizationCluster(7000 + madeNumbers, fixtures.unique('分割')),
          ],
        },
        headers: { 'if-match': `"${cluster.version}"` },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/clusters/:id/owners',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const cluster = await freshCluster(fixtures);
      return {
        path: `/api/v1/clusters/${cluster.id}/owners`,
        body: { fiscalYear: fixtures.fiscalYear, orgUnitIds: [fixtures.orgUnitId('kodomo')] },
        headers: { 'if-match': `"${cluster.version}"` },
      };
    },
  },
];
