import {
  type AccessEntry,
  actorHas,
  actorHasFor,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';

/**
 * Who may call the 取組 routes. Object scopes: 'own-unit' is an initiative owned by 子ども家庭局
 * (kodomo-head and kodomo-staff act for it), 'other-unit' one owned by 保健福祉局. The reform office
 * manages both; only the owning unit reports progress and KPI actuals.
 */

const OWN = 'own-unit';
const OTHER = 'other-unit';

const actsForOwn = (actor: MatrixActor, scope: string) =>
  scope === OWN && actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff');
const manages = (actor: MatrixActor, scope: string) =>
  actorHas(actor, 'reform_office') || actsForOwn(actor, scope);

type Fresh = { id: string; kpiId: string };

/** One initiative per scope, with a KPI that has a FY2024 target. */
function initiativeOf(fixtures: MatrixFixtures, scope: string): Promise<Fresh> {
  return fixtures.once(`initiative-${scope}`, async () => {
    const created = await fixtures.call('reform', 'POST', '/api/v1/initiatives', {
      body: {
        fiscalYear: fixtures.fiscalYear,
        title: fixtures.unique('行列確認の取組'),
        sourceKind: 'voluntary_reform',
        ownerOrgUnitId: fixtures.orgUnitId(scope === OTHER ? 'hoken' : 'kodomo'),
      },
    });
    if (created.status !== 201) throw new Error(`cannot create an initiative: ${created.text}`);
    const initiative = created.body as { id: string; version: number };
    const withKpi = await fixtures.call('reform', 'PUT', `/api/v1/initiatives/${initiative.id}/kpis`, {
      body: { kpis: [{ name: '行列確認KPI', targets: [{ fiscalYear: fixtures.fiscalYear, value: '10' }] }] },
      headers: { 'if-match': `"${initiative.version}"` },
    });
    if (withKpi.status !== 200) throw new Error(`cannot set a KPI: ${withKpi.text}`);
    return { id: initiative.id, kpiId: (withKpi.body as { kpis: { id: string }[] }).kpis[0]!.id };
  });
}

async function write(fixtures: MatrixFixtures, scope: string, suffix: string, body: unknown) {
  const initiative = await initiativeOf(fixtures, scope);
  return {
    path: `/api/v1/initiatives/${initiative.id}${suffix.replace(':kpiId', initiative.kpiId)}`,
    body,
    headers: { 'if-match': await fixtures.etag('reform', `/api/v1/initiatives/${initiative.id}`) },
  };
}

export const initiativeAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/initiatives', allow: 'signed_in' },
  { method: 'GET', path: '/api/v1/initiatives/summary', allow: 'signed_in' },
  { method: 'GET', path: '/api/v1/initiatives/roadmap', allow: 'signed_in' },
  {
    method: 'POST',
    path: '/api/v1/initiatives',
    allow: manages,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) => ({
      path: '/api/v1/initiatives',
      body: {
        fiscalYear: fixtures.fiscalYear,
        title: '行列確認の取組',
        sourceKind: 'voluntary_reform',
        ownerOrgUnitId: fixtures.orgUnitId(scope === OTHER ? 'hoken' : 'kodomo'),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/initiatives/:id',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/initiatives/${(await initiativeOf(fixtures, OWN)).id}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/initiatives/:id',
    allow: manages,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) => write(fixtures, scope, '', { summary: fixtures.unique('概要') }),
  },
  {
    method: 'PUT',
    path: '/api/v1/initiatives/:id/milestones',
    allow: manages,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) =>
      write(fixtures, scope, '/milestones', {
        milestones: [
          { title: '検討', from: { fiscalYear: 2024, quarter: 3 }, to: { fiscalYear: 2024, quarter: 4 } },
        ],
      }),
  },
  {
    method: 'POST',
    path: '/api/v1/initiatives/:id/updates',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) =>
      write(fixtures, scope, '/updates', { reportedOn: '2024-10-01', body: '進捗を報告します。' }),
    note: 'Progress is reported by the owning unit only, not by the reform office.',
  },
  {
    method: 'PUT',
    path: '/api/v1/initiatives/:id/kpis',
    allow: manages,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const initiative = await initiativeOf(fixtures, scope);
      return write(fixtures, scope, '/kpis', {
        kpis: [
          {
            id: initiative.kpiId,
            name: '行列確認KPI',
            targets: [{ fiscalYear: fixtures.fiscalYear, value: '10' }],
          },
        ],
      });
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/initiatives/:id/kpis/:kpiId/actuals/:fiscalYear',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) =>
      write(fixtures, scope, `/kpis/:kpiId/actuals/${fixtures.fiscalYear}`, { actual: '7' }),
  },
];
