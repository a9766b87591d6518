// The OpenAPI extension of zod first: some features' schemas are declared with .openapi() at import.
import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisFixtures } from '../features/analyses/analysis-test-support.ts';
import { importRunnerFor } from '../features/imports/import-runner.ts';
import { mintSessionCookie, userIdOf } from '../test/sessions.ts';
import { createTestApp, TEST_ORIGIN, type TestApp, type TestResponse } from '../test/test-app.ts';
import { writeFigures } from './figures.ts';
import {
  cookieFor,
  createMatrixActors,
  createMatrixFixtures,
  isAllowed,
  loadAccessEntries,
  sendRequest,
} from './matrix-harness.ts';

/**
 * Races: fifty identical requests at once take effect exactly once, and concurrent edits that
 * read the same version lose with 412 instead of overwriting each other. On PostgreSQL the
 * requests really run in parallel (a pool of ten connections); on the embedded database they
 * queue on its one connection, which must give the same answers.
 */

const PARALLEL = 50;
let t: TestApp;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  writeFigures('races', figures);
  await importRunnerFor(t.database.db).idle();
  await t.close();
});

function countStatuses(responses: TestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

async function fresh(login: string): Promise<string> {
  return mintSessionCookie(t.database.pool, await userIdOf(t.database.pool, login));
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

describe('fifty identical requests at once', () => {
  it('creates one account for one login; the others get 409', async () => {
    const cookie = await fresh('admin');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.call('POST', '/api/v1/users', { cookie, body: { login: 'race-login', displayName: '競合 確認' } }),
      ),
    );
    const statuses = countStatuses(responses);
    figures.userCreation = statuses;
    expect(statuses[201]).toBe(1);
    expect(statuses[409]).toBe(PARALLEL - 1);
    expect(await count("select count(*)::int as n from users where lower(login) = 'race-login'")).toBe(1);
    expect(
      await count(
        "select count(*)::int as n from audit_events where action = 'user.create' and after->>'login' = 'race-login'",
      ),
    ).toBe(1);
  });

  it('counts one support per person however often it is sent, and every person once', async () => {
    const { rows } = await t.database.pool.query<{ id: string; support_count: number }>(
      `select i.id, i.support_count from platinum_ideas i
       where i.status in ('submitted', 'grouped')
         and i.author_id <> (select id from users where login = 'staff2')
         and not exists (select 1 from platinum_supports s where s.idea_id = i.id and s.user_id = (select id from users where login = 'staff2'))
       order by i.number limit 1`,
    );
    const idea = rows[0];
    expect(idea, 'the demo data set has a supportable idea').toBeDefined();
    const cookie = await fresh('staff2');
    const same = await Promise.all(
      Array.from({ length: PARALLEL }, () => t.call('PUT', `/api/v1/ideas/${idea!.id}/supports`, { cookie })),
    );
    figures.sameSupport = countStatuses(same);
    expect(countStatuses(same)[201]).toBe(1);
    expect(countStatuses(same)[200]).toBe(PARALLEL - 1);
    const afterOne = await t.database.pool.query<{ support_count: number; rows: number }>(
      `select support_count, (select count(*)::int from platinum_supports where idea_id = $1) as rows from platinum_ideas where id = $1`,
      [idea!.id],
    );
    expect(afterOne.rows[0]!.support_count).toBe(idea!.support_count + 1);
    expect(afterOne.rows[0]!.rows).toBe(idea!.support_count + 1);

    // Fifty different people at once: the cached count must not lose an update.
    const supporters: string[] = [];
    for (let index = 0; index < PARALLEL; index++) {
      const { rows: created } = await t.database.pool.query<{ id: string }>(
        `insert into users (login, display_name) values ($1, '賛同 確認') returning id`,
        [`race-supporter-${index}`],
      );
      await t.database.pool.query(`insert into user_roles (user_id, role) values ($1, 'staff')`, [
        created[0]!.id,
      ]);
      supporters.push(await mintSessionCookie(t.database.pool, created[0]!.id));
    }
    const many = await Promise.all(
      supporters.map((supporter) =>
        t.call('PUT', `/api/v1/ideas/${idea!.id}/supports`, { cookie: supporter }),
      ),
    );
    figures.manySupports = countStatuses(many);
    expect(countStatuses(many)[201]).toBe(PARALLEL);
    const afterMany = await t.database.pool.query<{ support_count: number; rows: number }>(
      `select support_count, (select count(*)::int from platinum_supports where idea_id = $1) as rows from platinum_ideas where id = $1`,
      [idea!.id],
    );
    expect(afterMany.rows[0]!.support_count).toBe(idea!.support_count + 1 + PARALLEL);
    expect(afterMany.rows[0]!.rows).toBe(afterMany.rows[0]!.support_count);
  });

  it('publishes an approved bureau policy once; the other publications get 412', async () => {
    const { rows } = await t.database.pool.query<{ id: string; version_id: string }>(
      `select p.id, v.id as version_id from bureau_policies p
       join bureau_policy_versions v on v.policy_id = p.id
       where v.status = 'approved' order by p.id limit 1`,
    );
    const policy = rows[0];
    expect(policy, 'the demo data set has an approved bureau policy').toBeDefined();
    const cookie = await fresh('reform');
    const read = await t.call('GET', `/api/v1/bureau-policies/${policy!.id}`, { cookie });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.call('POST', `/api/v1/bureau-policies/${policy!.id}/transitions`, {
          cookie,
          body: { action: 'publish' },
          headers: { 'if-match': etag },
        }),
      ),
    );
    const statuses = countStatuses(responses);
    figures.bureauPolicyPublication = statuses;
    expect(statuses[200]).toBe(1);
    expect((statuses[412] ?? 0) + (statuses[409] ?? 0)).toBe(PARALLEL - 1);
    expect(
      await count(
        `select count(*)::int as n from bureau_policy_steps where version_id = $1 and action = 'publish'`,
        [policy!.version_id],
      ),
    ).toBe(1);
  });
});

describe('fifty identical stage moves and import commits at once', () => {
  it('moves an analysis once: one transition recorded, the others get 412 or 409', async () => {
    const f = await analysisFixtures(t);
    const analysisId = await f.plan(await f.newCluster('kodomo'), 'kodomo');
    const before = await f.detail(analysisId);
    expect(before.stage).toBe('planned');
    const cookie = await fresh('reform');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.call('POST', `/api/v1/analyses/${analysisId}/transitions`, {
          cookie,
          body: { to: 'started', meetingId: f.meetingId(0), directionKind: null, note: '着手' },
          headers: { 'if-match': `"${before.version}"` },
        }),
      ),
    );
    const statuses = countStatuses(responses);
    figures.analysisStageMove = statuses;
    expect(responses.filter((response) => response.status < 300)).toHaveLength(1);
    expect((statuses[412] ?? 0) + (statuses[409] ?? 0)).toBe(PARALLEL - 1);
    expect(
      await count('select count(*)::int as n from analysis_transitions where analysis_id = $1', [analysisId]),
    ).toBe(1);
    const after = await f.detail(analysisId);
    expect(after.stage).toBe('started');
    expect(after.version).toBe(before.version + 1);
  });

  it('commits an import once: its rows are written once, the other commits get 412 or 409', async () => {
    const admin = await fresh('admin');
    const header = [
      '組織コード',
      '組織名',
      '組織名（かな）',
      '区分',
      '上位組織コード',
      '設置日',
      '廃止日',
      '表示順',
    ];
    const rows = [
      header,
      ['race-ka-1', '競合確認第一課', '', '課', 'kodomo', '2024-04-01', '', '91'],
      ['race-ka-2', '競合確認第二課', '', '課', 'kodomo', '2024-04-01', '', '92'],
    ];
    const form = new FormData();
    form.set('kind', 'org_units');
    form.set('file', new File([`${rows.map((cells) => cells.join(',')).join('\r\n')}\r\n`], 'race.csv'));
    const uploaded = await t.app.request(`${TEST_ORIGIN}/api/v1/imports`, {
      method: 'POST',
      body: form,
      headers: { origin: TEST_ORIGIN, cookie: admin },
    });
    expect(uploaded.status).toBe(201);
    const job = (await uploaded.json()) as { id: string; version: number; mapping: unknown };
    const checked = await t.call('PUT', `/api/v1/imports/${job.id}/mapping`, {
      cookie: admin,
      headers: { 'if-match': `"${job.version}"` },
      body: { mapping: job.mapping },
    });
    expect(checked.status, checked.text).toBe(200);
    const previewed = checked.body as { version: number; isCommittable: boolean };
    expect(previewed.isCommittable).toBe(true);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        t.call('POST', `/api/v1/imports/${job.id}/commit`, {
          cookie: admin,
          headers: { 'if-match': `"${previewed.version}"` },
        }),
      ),
    );
    const statuses = countStatuses(responses);
    figures.importCommit = statuses;
    expect(responses.filter((response) => response.status < 300)).toHaveLength(1);
    expect(responses.filter((response) => response.status >= 500)).toHaveLength(0);
    expect((statuses[412] ?? 0) + (statuses[409] ?? 0)).toBe(PARALLEL - 1);
    await importRunnerFor(t.database.db).idle();
    expect(await count("select count(*)::int as n from org_units where code like 'race-ka-%'")).toBe(2);
    expect(
      await count(
        "select count(*)::int as n from audit_events where action = 'import.commit' and entity_id = $1",
        [job.id],
      ),
    ).toBe(1);
  });
});

describe('concurrent edits with If-Match', () => {
  it('lets one of fifty cluster edits of the same version win; the others get 412 and change nothing', async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(
      'select cluster_id as id from cluster_revisions where number = 13 limit 1',
    );
    const path = `/api/v1/clusters/${rows[0]!.id}?fy=2024`;
    const read = await t.call('GET', path);
    const etag = read.headers.get('etag')!;
    const cookie = await fresh('reform');
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        t.call('PATCH', path, {
          cookie,
          body: { name: `文化振興施策（編集${index}）` },
          headers: { 'if-match': etag },
        }),
      ),
    );
    const statuses = countStatuses(responses);
    figures.clusterEdits = statuses;
    expect(statuses[200]).toBe(1);
    expect(statuses[412]).toBe(PARALLEL - 1);
    const winner = responses.find((response) => response.status === 200)!.body as {
      name: string;
      version: number;
    };
    const after = await t.call('GET', path);
    expect((after.body as { name: string }).name).toBe(winner.name);
    expect(after.headers.get('etag')).toBe(`"${Number(etag.replaceAll('"', '')) + 1}"`);
  });

  it.each([
    ['an account', async () => `/api/v1/users/${await userIdOf(t.database.pool, 'staff1')}`, 'displayName'],
    [
      'an org unit',
      async () =>
        `/api/v1/org-units/${(await t.database.pool.query<{ id: string }>("select id from org_units where code = 'kankyo'")).rows[0]!.id}`,
      'nameKana',
    ],
  ])(
    'lets one of twenty administrators editing %s from the same version win; the others get 412',
    async (_what, pathOf, field) => {
      const path = await pathOf();
      const admin = await fresh('admin');
      const version = (
        await t.database.pool.query<{ version: number }>(
          `select version from ${path.includes('/users/') ? 'users' : 'org_units'} where id = $1`,
          [path.split('/').at(-1)],
        )
      ).rows[0]!.version;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          t.call('PATCH', path, {
            cookie: admin,
            body: { [field]: `同時編集${index}` },
            headers: { 'if-match': `"${version}"` },
          }),
        ),
      );
      const statuses = countStatuses(responses);
      figures[`ifMatch ${path.split('/')[3]}`] = statuses;
      // Two writers that read the same version must not both win: the second would overwrite the first.
      expect(statuses[200]).toBe(1);
      expect(statuses[412]).toBe(19);
    },
  );
});

describe('every update with If-Match, at once', () => {
  it('lets exactly one of twenty identical requests from one version succeed, on every route that takes If-Match', async () => {
    const entries = (await loadAccessEntries()).filter((entry) => entry.method !== 'GET' && entry.request);
    const actors = await createMatrixActors(t);
    const fixtures = await createMatrixFixtures(t);
    const writers = ['reform', 'admin', 'kodomo-head', 'kodomo-staff', 'pt1', 'staff1', 'mayor'];
    const violations: string[] = [];
    const tried: string[] = [];
    for (const entry of entries) {
      const scope = entry.scopes?.[0] ?? '-';
      const actor = writers
        .map((name) => actors.find((candidate) => candidate.name === name)!)
        .find((candidate) => isAllowed(entry, candidate, scope));
      if (!actor) continue;
      const spec = await entry.request!(fixtures, actor, scope);
      if (!spec.headers?.['if-match'] || spec.form) continue;
      tried.push(`${entry.method} ${entry.path}`);
      const cookie = await cookieFor(t, actor);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => sendRequest(t.app, entry.method, spec, cookie)),
      );
      const statuses = countStatuses(responses);
      const succeeded = responses.filter((response) => response.status < 300).length;
      const failedBadly = responses.filter((response) => response.status >= 500).length;
      if (succeeded !== 1 || failedBadly > 0)
        violations.push(`${entry.method} ${entry.path}: ${JSON.stringify(statuses)}`);
    }
    figures.ifMatchRoutes = tried.length;
    expect(tried.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  }, 300_000);
});
