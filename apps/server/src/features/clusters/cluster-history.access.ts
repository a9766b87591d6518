import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

let madeNumbers = 0;

/** A fresh cluster in the FY2024 register, for changes that use one up. */
async function freshCluster(fixtures: MatrixFixtures): Promise<{ id: string; version: number }> {
  madeNumbers += 1;
  const response = await fixtures.call('reform', 'POST', '/api/v1/clusters', {
    body: {
      fiscalYear: fixtures.fiscalYear,
      cluster: {
        number: 7000 + madeNumbers,
        name: fixtures.unique('行列確認'),
        group: 'organization',
        kind: null,
      },
    },
  });
  if (response.status !== 201) throw new Error(`cannot add a cluster: ${response.text}`);
  const id = (response.body as { clusterIds: string[] }).clusterIds[0]!;
  const [row] = await fixtures.query<{ version: number }>('select version from clusters where id = $1', [id]);
  return { id, version: row!.version };
}

/** Another fiscal year for changes to take effect from (the register of FY2024 is kept as it stood). */
async function nextYear(fixtures: MatrixFixtures): Promise<number> {
  return fixtures.once('cluster-history-next-year', async () => {
    await fixtures.query('insert into fiscal_years (year) values ($1) on conflict do nothing', [
      fixtures.fiscalYear + 1,
    ]);
    return fixtures.fiscalYear + 1;
  });
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
        body: { fiscalYear: await nextYear(fixtures) },
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
          fiscalYear: await nextYear(fixtures),
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
          fiscalYear: await nextYear(fixtures),
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
