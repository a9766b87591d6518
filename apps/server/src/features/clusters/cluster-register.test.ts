import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Cluster = {
  id: string;
  number: number;
  name: string;
  group: { code: string; name: string };
  kind: { code: string; name: string } | null;
  isAnalysisTarget: boolean;
  owningOrgUnits: { id: string; name: string }[];
  version: number;
};
type Register = {
  fiscalYear: number;
  groups: { code: string; approach: string; kinds: { code: string }[] }[];
  items: Cluster[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function register(fiscalYear = 2024): Promise<Register> {
  const response = await t.call('GET', `/api/v1/clusters?fy=${fiscalYear}`);
  expect(response.status).toBe(200);
  return response.body as Register;
}

function countBy(items: Cluster[], key: (item: Cluster) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('the FY2024 cluster register (slide 2)', () => {
  it('is public and has the 57 clusters with the seed numbers, groups and kinds', async () => {
    const { items, groups, fiscalYear } = await register();
    expect(fiscalYear).toBe(2024);
    expect(items).toHaveLength(57);
    expect(items.map((item) => item.number)).toEqual(Array.from({ length: 57 }, (_, index) => index + 1));
    expect(countBy(items, (item) => item.group.code)).toEqual({
      policy_program: 42,
      cross_cutting: 8,
      organization: 7,
    });
    expect(countBy(items, (item) => item.kind?.code ?? 'none')).toEqual({
      operations: 9,
      city_original: 28,
      national_system: 5,
      none: 15,
    });
    expect(groups.map((group) => group.code)).toEqual(['policy_program', 'cross_cutting', 'organization']);
    expect(groups[0]!.kinds.map((kind) => kind.code)).toEqual([
      'operations',
      'city_original',
      'national_system',
    ]);
    expect(groups[1]!.approach).toContain('全局的なフレームワーク');
  });

  it('has the names of the seed, kinds included', async () => {
    const { items } = await register();
    const byNumber = new Map(items.map((item) => [item.number, item]));
    expect(byNumber.get(43)).toMatchObject({ name: '上下水道事業', kind: { code: 'operations' } });
    expect(byNumber.get(6)).toMatchObject({ name: '広聴・相談事業', kind: { code: 'city_original' } });
    expect(byNumber.get(16)).toMatchObject({
      name: '介護保険、介護事業（特別会計）',
      kind: { code: 'national_system' },
    });
    expect(byNumber.get(41)).toMatchObject({
      name: '公共施設マネジメント基本計画（社会インフラ版）の見直し',
      group: { code: 'cross_cutting' },
      kind: null,
    });
    expect(byNumber.get(54)).toMatchObject({
      name: 'DXの推進による窓口改革（スマート区役所）',
      group: { code: 'organization' },
    });
    expect(byNumber.get(29)?.name).toBe('スタートアップ×地域課題');
    for (const item of items) expect(item.owningOrgUnits.length).toBeGreaterThan(0);
  });

  it('marks the FY2024 analysis targets known from the schedule', async () => {
    const { items } = await register();
    const targets = items.filter((item) => item.isAnalysisTarget).map((item) => item.number);
    expect(targets).toEqual([13, 22, 23, 25, 34]);
  });

  it('refuses an invalid or unknown fiscal year', async () => {
    expect((await t.call('GET', '/api/v1/clusters?fy=abc')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/clusters?fy=1800')).status).toBe(400);
    const unknown = await t.call('GET', '/api/v1/clusters?fy=2030');
    expect(unknown.status).toBe(404);
    expect((unknown.body as { messages: { ja: string } }).messages.ja).toContain('2030');
  });
});

describe('editing a cluster', () => {
  it('needs the reform office, If-Match and a current version; the audit trail keeps before and after', async () => {
    const { items } = await register();
    const cluster = items.find((item) => item.number === 30)!;
    const path = `/api/v1/clusters/${cluster.id}?fy=2024`;
    const detail = await t.call('GET', path);
    const etag = detail.headers.get('etag')!;
    expect(etag).toBe(`"${cluster.version}"`);

    expect(
      (await t.call('PATCH', path, { body: { name: '観光施策（改）' }, headers: { 'if-match': etag } }))
        .status,
    ).toBe(401);
    const staff = await t.signIn('kodomo-staff');
    expect(
      (
        await t.call('PATCH', path, {
          body: { name: '観光施策（改）' },
          cookie: staff,
          headers: { 'if-match': etag },
        })
      ).status,
    ).toBe(403);
    const reform = await t.signIn('reform');
    expect((await t.call('PATCH', path, { body: { name: '観光施策（改）' }, cookie: reform })).status).toBe(
      428,
    );

    const updated = await t.call('PATCH', path, {
      body: { name: '観光施策（改）' },
      cookie: reform,
      headers: { 'if-match': etag },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '観光施策（改）', number: 30 });
    expect(updated.headers.get('etag')).toBe(`"${cluster.version + 1}"`);

    const stale = await t.call('PATCH', path, {
      body: { name: '別名' },
      cookie: reform,
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect((stale.body as { code: string }).code).toBe('precondition_failed');
    expect((await t.call('GET', path)).body).toMatchObject({ name: '観光施策（改）' });

    const audit = await t.call('GET', `/api/v1/audit-events?entityType=cluster&entityId=${cluster.id}`, {
      cookie: reform,
    });
    expect(audit.status).toBe(200);
    const events = (
      audit.body as {
        items: {
          action: string;
          before: { name: string };
          after: { name: string };
          actor: { displayName: string };
        }[];
      }
    ).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'cluster.update',
      before: { name: '観光施策' },
      after: { name: '観光施策（改）' },
    });
    expect(events[0]!.actor.displayName).toBe('改革 太郎');
  });

  it('keeps group and kind consistent and refuses bad input without writing', async () => {
    const reform = await t.signIn('reform');
    const { items } = await register();
    const cluster = items.find((item) => item.number === 27)!;
    const path = `/api/v1/clusters/${cluster.id}?fy=2024`;
    const headers = { 'if-match': `"${cluster.version}"` };
    const cases: unknown[] = [
      { group: 'policy_program', kind: null },
      { group: 'organization', kind: 'operations' },
      { name: '' },
      { name: 'x'.repeat(100_000) },
      { group: 'unknown' },
      { name: 'ok', unexpected: true },
      { number: -1 },
      { number: 28 },
    ];
    for (const body of cases) {
      const response = await t.call('PATCH', path, { body, cookie: reform, headers });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const malformed = await t.call('PATCH', path, {
      rawBody: '{"name": "a"',
      cookie: reform,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const unknownId = await t.call('PATCH', '/api/v1/clusters/00000000-0000-4000-8000-000000000000?fy=2024', {
      body: { name: 'x' },
      cookie: reform,
      headers,
    });
    expect(unknownId.status).toBe(404);
    expect(
      (
        await t.call('PATCH', '/api/v1/clusters/not-a-uuid?fy=2024', {
          body: { name: 'x' },
          cookie: reform,
          headers,
        })
      ).status,
    ).toBe(400);
    const after = (await t.call('GET', path)).body as Cluster;
    expect(after).toMatchObject({
      name: 'ごみ処理事業',
      number: 27,
      version: cluster.version,
      group: { code: 'policy_program' },
      kind: { code: 'operations' },
    });

    const moved = await t.call('PATCH', path, { body: { group: 'cross_cutting' }, cookie: reform, headers });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ group: { code: 'cross_cutting' }, kind: null });
  });

  it('marks and unmarks an analysis target for the year', async () => {
    const reform = await t.signIn('reform');
    const { items } = await register();
    const cluster = items.find((item) => item.number === 1)!;
    const path = `/api/v1/clusters/${cluster.id}?fy=2024`;
    const marked = await t.call('PATCH', path, {
      body: { isAnalysisTarget: true },
      cookie: reform,
      headers: { 'if-match': `"${cluster.version}"` },
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ isAnalysisTarget: true });
    const unmarked = await t.call('PATCH', path, {
      body: { isAnalysisTarget: false },
      cookie: reform,
      headers: { 'if-match': `"${cluster.version + 1}"` },
    });
    expect(unmarked.body).toMatchObject({ isAnalysisTarget: false });
  });
});

describe('register filters: bureau and analysis stage', () => {
  const orgUnitId = async (code: string) =>
    (await t.database.pool.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!
      .id;
  const filtered = async (query: string, cookie: string | null = null) => {
    const response = await t.call('GET', `/api/v1/clusters?fy=2024&${query}`, { cookie });
    expect(response.status, response.text).toBe(200);
    return response.body as Register;
  };

  it('lists only the clusters a bureau (or a unit below it) owns', async () => {
    const kodomo = await orgUnitId('kodomo');
    const { items, groups } = await filtered(`orgUnit=${kodomo}`);
    expect(groups).toHaveLength(3);
    expect(items.map((item) => item.number)).toContain(22);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(57);
    // A cluster owned by a department below the bureau counts as the bureau's.
    const child = (
      await t.database.pool.query<{ id: string }>(
        'select id from org_units where parent_id = $1 order by sort_order limit 1',
        [kodomo],
      )
    ).rows[0];
    if (child) {
      const cluster = (await register()).items.find((item) => item.number === 1)!;
      await t.database.pool.query('insert into cluster_owners (cluster_id, org_unit_id) values ($1, $2)', [
        cluster.id,
        child.id,
      ]);
      expect((await filtered(`orgUnit=${kodomo}`)).items.map((item) => item.number)).toContain(1);
      expect((await filtered(`orgUnit=${child.id}`)).items.map((item) => item.number)).toEqual([1]);
    }
    const nobody = await filtered('orgUnit=00000000-0000-4000-8000-000000000000');
    expect(nobody.items).toEqual([]);
  });

  it('lists only the clusters whose analysis is at a stage; without a session only published analyses count', async () => {
    const reform = await t.signIn('reform');
    const plan = await t.call('GET', '/api/v1/analyses?fy=2024&stage=progress_reported', { cookie: reform });
    const expected = (plan.body as { items: { cluster: { number: number } }[] }).items
      .map((item) => item.cluster.number)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    const signedIn = await filtered('stage=progress_reported', reform);
    expect(signedIn.items.map((item) => item.number)).toEqual(expected);

    const hidden = signedIn.items[0]!;
    await t.database.pool.query('update analyses set is_published = false where cluster_id = $1', [
      hidden.id,
    ]);
    expect((await filtered('stage=progress_reported', reform)).items.map((item) => item.number)).toContain(
      hidden.number,
    );
    expect((await filtered('stage=progress_reported')).items.map((item) => item.number)).not.toContain(
      hidden.number,
    );
    expect((await filtered('stage=final_reported', reform)).items).toEqual([]);

    const kodomo = await orgUnitId('kodomo');
    const both = await filtered(`stage=progress_reported&orgUnit=${kodomo}`, reform);
    expect(both.items.every((item) => item.owningOrgUnits.some((unit) => unit.name === '子ども家庭局'))).toBe(
      true,
    );
    expect(both.items.map((item) => item.number)).toContain(22);
  });

  it('refuses a malformed bureau or an unknown stage with 400', async () => {
    expect((await t.call('GET', '/api/v1/clusters?orgUnit=kodomo')).status).toBe(400);
    expect((await t.call('GET', '/api/v1/clusters?stage=finished')).status).toBe(400);
  });
});
