import {
  type AccessEntry,
  actorHas,
  actorHasFor,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';

/**
 * Who may call the effect-ledger routes. Object scopes: 'own-unit' is a planned line of an initiative
 * owned by 子ども家庭局, 'other-unit' one of 保健福祉局's. Readers are the reform office, the
 * executive, bureau heads and department staff; a unit books planned lines for its own initiatives;
 * targets are the reform office's.
 */

const OWN = 'own-unit';
const OTHER = 'other-unit';
const READERS = ['reform_office', 'executive', 'bureau_head', 'department_staff'] as const;

const records = (actor: MatrixActor, scope: string) =>
  actorHas(actor, 'reform_office') ||
  (scope === OWN && actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff'));

function initiativeOf(fixtures: MatrixFixtures, scope: string): Promise<string> {
  const title = scope === OTHER ? '介護予防教室の効果検証' : '子育て支援手続のオンライン化';
  return fixtures.once(`effect-initiative-${scope}`, async () => {
    const [row] = await fixtures.query<{ id: string }>('select id from initiatives where title = $1', [
      title,
    ]);
    return row!.id;
  });
}

function targetId(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('effect-target', async () => {
    const [row] = await fixtures.query<{ id: string }>(
      "select id from effect_targets where name = '次世代投資枠'",
    );
    return row!.id;
  });
}

async function lineBody(fixtures: MatrixFixtures, scope: string) {
  return {
    targetId: await targetId(fixtures),
    title: fixtures.unique('行列確認の効果'),
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'one_off',
    stage: 'planned',
    amount: '1000000',
    sourceKind: 'initiative',
    sourceId: await initiativeOf(fixtures, scope),
  };
}

async function freshLine(fixtures: MatrixFixtures, scope: string): Promise<{ id: string; version: number }> {
  const created = await fixtures.call('reform', 'POST', '/api/v1/effects', {
    body: await lineBody(fixtures, scope),
  });
  if (created.status !== 201) throw new Error(`cannot book an effect: ${created.text}`);
  return created.body as { id: string; version: number };
}

export const effectAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/effects', allow: READERS },
  {
    method: 'POST',
    path: '/api/v1/effects',
    allow: records,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: '/api/v1/effects',
      body: await lineBody(fixtures, scope),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/effects/:id',
    allow: READERS,
    request: async (fixtures) => ({
      path: `/api/v1/effects/${(await fixtures.once('effect-line-read', () => freshLine(fixtures, OWN))).id}`,
    }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/effects/:id',
    allow: records,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const line = await fixtures.once(`effect-line-${scope}`, () => freshLine(fixtures, scope));
      const path = `/api/v1/effects/${line.id}`;
      return {
        path,
        body: { basis: fixtures.unique('根拠') },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/effects/:id',
    allow: records,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const line = await freshLine(fixtures, scope);
      return { path: `/api/v1/effects/${line.id}`, headers: { 'if-match': `"${line.version}"` } };
    },
  },
  { method: 'GET', path: '/api/v1/targets', allow: READERS },
  {
    method: 'POST',
    path: '/api/v1/targets',
    allow: ['reform_office'],
    request: (fixtures) => ({
      path: '/api/v1/targets',
      body: {
        name: fixtures.unique('行列確認目標'),
        amount: '1000000000',
        startFiscalYear: 2024,
        endFiscalYear: 2026,
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/targets/:id',
    allow: READERS,
    request: async (fixtures) => ({ path: `/api/v1/targets/${await targetId(fixtures)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/targets/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const path = `/api/v1/targets/${await targetId(fixtures)}`;
      return {
        path,
        body: { description: fixtures.unique('説明') },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/targets/:id/ledger',
    allow: READERS,
    request: async (fixtures) => ({ path: `/api/v1/targets/${await targetId(fixtures)}/ledger` }),
  },
];
