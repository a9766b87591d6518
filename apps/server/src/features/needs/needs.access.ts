import {
  type AccessEntry,
  actorHas,
  actorHasFor,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';

/**
 * Who may call the ニーズ・課題 routes. Object scopes: 'own-unit' is a need held by 子ども家庭局
 * (kodomo-head and kodomo-staff act for it), 'other-unit' one held by 建設局. The reform office and
 * the executive read all; personal data and publication are checked by the feature tests.
 */

const OWN = 'own-unit';
const OTHER = 'other-unit';
const UNIT_ROLES = ['bureau_head', 'department_staff'] as const;

const ownUnit = (actor: MatrixActor, scope: string) =>
  scope === OWN && actorHasFor(actor, 'kodomo', ...UNIT_ROLES);
const reads = (actor: MatrixActor, scope: string) =>
  actorHas(actor, 'reform_office', 'executive') || ownUnit(actor, scope);
const manages = (actor: MatrixActor, scope: string) =>
  actorHas(actor, 'reform_office') || ownUnit(actor, scope);
const imports = (actor: MatrixActor) => actorHas(actor, 'reform_office', ...UNIT_ROLES);

function needOf(fixtures: MatrixFixtures, scope: string): Promise<string> {
  return fixtures.once(`need-${scope}`, async () => {
    const created = await fixtures.call('reform', 'POST', '/api/v1/needs', {
      body: {
        side: 'recipient',
        channel: 'counter',
        body: '行列確認のニーズ（連絡先 090-0000-0000）',
        receivedOn: '2024-10-01',
        orgUnitId: fixtures.orgUnitId(scope === OTHER ? 'kensetsu' : 'kodomo'),
        reporterName: '行列 確認',
        reporterContact: '090-0000-0000',
      },
    });
    if (created.status !== 201) throw new Error(`cannot record a need: ${created.text}`);
    return (created.body as { id: string }).id;
  });
}

const CSV = '受付日,区分,経路,組織コード,内容\n2024-10-01,受け手,窓口,kodomo,行列確認の取込\n';

export const needAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/needs', allow: ['reform_office', 'executive', ...UNIT_ROLES] },
  {
    method: 'POST',
    path: '/api/v1/needs',
    allow: manages,
    scopes: [OWN, OTHER],
    request: (fixtures, _actor, scope) => ({
      path: '/api/v1/needs',
      body: {
        side: 'bearer',
        channel: 'hearing',
        body: '行列確認のニーズ',
        receivedOn: '2024-10-01',
        orgUnitId: fixtures.orgUnitId(scope === OTHER ? 'kensetsu' : 'kodomo'),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/needs/:id',
    allow: reads,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({ path: `/api/v1/needs/${await needOf(fixtures, scope)}` }),
    verify: (response, actor) => {
      const body = response.body as { reporter: unknown; body: string };
      if (actorHas(actor, 'reform_office') || actorHasFor(actor, 'kodomo', ...UNIT_ROLES)) return;
      if (body.reporter !== null || body.body.includes('090-0000-0000'))
        throw new Error('personal data shown to the executive');
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/needs/:id',
    allow: manages,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const path = `/api/v1/needs/${await needOf(fixtures, scope)}`;
      return {
        path,
        body: { status: 'answered' },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/needs/:id/links',
    allow: manages,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const id = await needOf(fixtures, scope);
      return {
        path: `/api/v1/needs/${id}/links`,
        body: { links: [{ kind: 'cluster', targetId: fixtures.clusterId(23) }] },
        headers: { 'if-match': await fixtures.etag('reform', `/api/v1/needs/${id}`) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/needs/import/preview',
    allow: imports,
    request: () => ({
      path: '/api/v1/needs/import/preview',
      rawBody: CSV,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/needs/import',
    allow: (actor) => actorHas(actor, 'reform_office') || actorHasFor(actor, 'kodomo', ...UNIT_ROLES),
    request: () => ({ path: '/api/v1/needs/import', rawBody: CSV, headers: { 'content-type': 'text/csv' } }),
    note: 'Any unit may import, but only rows for its own units: a row for 子ども家庭局 fails for other units (422).',
  },
  {
    method: 'GET',
    path: '/api/v1/public/needs',
    allow: 'public',
    verify: (response) => {
      if (/reporter|090-0000-0000|行列 確認/.test(response.text))
        throw new Error('the public list shows personal data');
    },
  },
];
