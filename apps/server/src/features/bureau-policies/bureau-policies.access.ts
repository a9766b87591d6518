import {
  type AccessEntry,
  actorHas,
  actorHasFor,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';

/**
 * Who may call the 局区X方針 routes. Object scopes: 'own-unit' is a policy of an office under
 * 子ども家庭局 (the demo's kodomo-head and kodomo-staff act for it), 'other-unit' one under
 * 保健福祉局 (no matrix actor does); 'published' is 子ども家庭局's demo policy, 'unpublished'
 * 保健福祉局's policy in 合議.
 */

const OWN = 'own-unit';
const OTHER = 'other-unit';
const PUBLISHED = 'published';
const UNPUBLISHED = 'unpublished';

type Fresh = { id: string; version: number };

const actsForOwn = (actor: MatrixActor, scope: string) =>
  scope === OWN && actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff');
const readsDrafts = (actor: MatrixActor, scope: string) =>
  actor.isSignedIn && (scope === PUBLISHED || actorHas(actor, 'reform_office', 'executive'));

/** A new office under the scope's bureau: a unit with no policy yet. */
async function freshOffice(fixtures: MatrixFixtures, scope: string): Promise<string> {
  const parent = fixtures.orgUnitId(scope === OTHER ? 'hoken' : 'kodomo');
  const [row] = await fixtures.query<{ id: string }>(
    `insert into org_units (code, name, level, parent_id, effective_from) values ($1, '行列確認室', 'office', $2, '2024-04-01') returning id`,
    [fixtures.unique('matrix-office'), parent],
  );
  return row!.id;
}

/** A new policy drafted by the scope's own drafter, moved along the route as far as asked. */
async function freshPolicy(
  fixtures: MatrixFixtures,
  scope: string,
  state: 'draft' | 'published',
): Promise<Fresh> {
  const [drafter, head] = scope === OTHER ? ['hoken-staff', 'hoken-head'] : ['kodomo-staff', 'kodomo-head'];
  const created = await fixtures.call(drafter, 'POST', '/api/v1/bureau-policies', {
    body: {
      orgUnitId: await freshOffice(fixtures, scope),
      fiscalYear: fixtures.fiscalYear,
      title: fixtures.unique('行列確認方針'),
    },
  });
  if (created.status !== 201) throw new Error(`cannot draft a policy: ${created.text}`);
  let policy = created.body as Fresh;
  if (state === 'published') {
    for (const [login, body] of [
      [drafter, { action: 'submit', consultOrgUnitIds: [] }],
      [head, { action: 'approve' }],
      [head, { action: 'publish' }],
    ] as const) {
      const moved = await fixtures.call(login, 'POST', `/api/v1/bureau-policies/${policy.id}/transitions`, {
        body,
        headers: { 'if-match': `"${policy.version}"` },
      });
      if (moved.status !== 200) throw new Error(`cannot ${body.action} the policy: ${moved.text}`);
      policy = moved.body as Fresh;
    }
  }
  return policy;
}

/** The demo policy of a unit (kodomo: published; hoken: in 合議). */
async function demoPolicy(fixtures: MatrixFixtures, scope: string): Promise<string> {
  const code = scope === PUBLISHED ? 'kodomo' : 'hoken';
  return fixtures.once(`demo-policy-${code}`, async () => {
    const [row] = await fixtures.query<{ id: string }>(
      'select id from bureau_policies where org_unit_id = $1 and fiscal_year = $2',
      [fixtures.orgUnitId(code), fixtures.fiscalYear],
    );
    return row!.id;
  });
}

export const bureauPolicyAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/bureau-policies', allow: 'signed_in' },
  { method: 'GET', path: '/api/v1/bureau-policies/inbox', allow: 'signed_in' },
  {
    method: 'POST',
    path: '/api/v1/bureau-policies',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: '/api/v1/bureau-policies',
      body: {
        orgUnitId: await freshOffice(fixtures, scope),
        fiscalYear: fixtures.fiscalYear,
        title: '行列確認方針',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/bureau-policies/:id',
    allow: readsDrafts,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/bureau-policies/${await demoPolicy(fixtures, scope)}`,
    }),
    note: 'A draft is not found for those who may not read drafts; the published version is for every employee.',
  },
  {
    method: 'GET',
    path: '/api/v1/bureau-policies/:id/versions/:versionNumber',
    allow: readsDrafts,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/bureau-policies/${await demoPolicy(fixtures, scope)}/versions/1`,
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/bureau-policies/:id',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const policy = await fixtures.once(`policy-draft-${scope}`, () =>
        freshPolicy(fixtures, scope, 'draft'),
      );
      const path = `/api/v1/bureau-policies/${policy.id}`;
      return {
        path,
        body: { vision: fixtures.unique('ビジョン') },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/bureau-policies/:id/transitions',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const policy = await freshPolicy(fixtures, scope, 'draft');
      return {
        path: `/api/v1/bureau-policies/${policy.id}/transitions`,
        body: { action: 'submit', consultOrgUnitIds: [] },
        headers: { 'if-match': `"${policy.version}"` },
      };
    },
    note: 'Submitting is tried here; who answers a 合議, approves and publishes is covered by the feature tests.',
  },
  {
    method: 'POST',
    path: '/api/v1/bureau-policies/:id/revisions',
    allow: actsForOwn,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const policy = await freshPolicy(fixtures, scope, 'published');
      return {
        path: `/api/v1/bureau-policies/${policy.id}/revisions`,
        body: {},
        headers: { 'if-match': `"${policy.version}"` },
      };
    },
  },
  { method: 'GET', path: '/api/v1/public/bureau-policies', allow: 'public' },
  {
    method: 'GET',
    path: '/api/v1/public/bureau-policies/:id',
    allow: 'public',
    request: async (fixtures) => ({
      path: `/api/v1/public/bureau-policies/${await demoPolicy(fixtures, PUBLISHED)}`,
    }),
    verify: (response) => {
      if (/drafter|approvedBy|steps|consultations/.test(response.text))
        throw new Error('the public page shows the route');
    },
  },
];
