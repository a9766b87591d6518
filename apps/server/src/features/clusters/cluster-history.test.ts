import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type RegisterItem = {
  id: string;
  number: number;
  name: string;
  group: { code: string };
  kind: { code: string } | null;
};
type History = {
  version: number;
  owningOrgUnits: { name: string }[];
  revisions: {
    validFromFiscalYear: number;
    validToFiscalYear: number | null;
    number: number;
    name: string;
    changeKind: string;
  }[];
  events: {
    fiscalYear: number;
    kind: string;
    relatedClusters: { number: number; name: string }[];
    changes: { field: string; before: string | null; after: string | null }[];
    note: string;
    actor: unknown;
    createdAt: string;
  }[];
  analyses: { fiscalYear: number; stage: string }[];
};

let t: TestApp;
let reform: string;
const ids = new Map<number, string>();

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  // The next fiscal year is open, so changes can take effect from it.
  await t.database.pool.query('insert into fiscal_years (year) values (2025) on conflict do nothing');
  for (const item of (await register(2024)).items) ids.set(item.number, item.id);
});
afterAll(async () => {
  await t.close();
});

async function register(fiscalYear: number) {
  const response = await t.call('GET', `/api/v1/clusters?fy=${fiscalYear}`);
  expect(response.status).toBe(200);
  return response.body as { items: RegisterItem[] };
}

async function history(clusterId: string, cookie: string | null = null): Promise<History> {
  const response = await t.call('GET', `/api/v1/clusters/${clusterId}/history`, { cookie });
  expect(response.status, response.text).toBe(200);
  return response.body as History;
}

async function version(clusterId: string) {
  return (await history(clusterId)).version;
}

const kodomo = async () =>
  (await t.database.pool.query<{ id: string }>("select id from org_units where code = 'kodomo'")).rows[0]!.id;

describe('the history of a cluster', () => {
  it('shows how a demo cluster stands from FY2024 and its analysis, to everyone', async () => {
    const result = await history(ids.get(22)!);
    expect(result.revisions).toMatchObject([
      {
        validFromFiscalYear: 2024,
        validToFiscalYear: null,
        number: 22,
        name: '保育所・幼稚園',
        changeKind: 'created',
      },
    ]);
    expect(result.owningOrgUnits.map((unit) => unit.name)).toEqual(['子ども家庭局']);
    expect(result.analyses).toMatchObject([{ fiscalYear: 2024, stage: 'progress_reported' }]);
    expect(
      (await t.call('GET', '/api/v1/clusters/00000000-0000-4000-8000-000000000000/history')).status,
    ).toBe(404);
  });
});

describe('changing the register from a fiscal year', () => {
  it('adds a cluster from FY2025, leaving FY2024 as it stood', async () => {
    const response = await t.call('POST', '/api/v1/clusters', {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        cluster: {
          number: 58,
          name: '窓口DXの推進',
          group: 'organization',
          kind: null,
          owningOrgUnitIds: [await kodomo()],
        },
        note: '令和7年度から新設',
      },
    });
    expect(response.status, response.text).toBe(201);
    expect((await register(2024)).items).toHaveLength(57);
    const next = (await register(2025)).items;
    expect(next).toHaveLength(58);
    expect(next.at(-1)).toMatchObject({ number: 58, name: '窓口DXの推進' });
    const created = await history((response.body as { clusterIds: string[] }).clusterIds[0]!, reform);
    expect(created.events).toMatchObject([
      {
        fiscalYear: 2025,
        kind: 'created',
        note: '令和7年度から新設',
        actor: { displayName: expect.any(String) },
      },
    ]);
  });

  it('renames from FY2025 through the register’s update, keeping the FY2024 name in history', async () => {
    const id = ids.get(12)!;
    const path = `/api/v1/clusters/${id}?fy=2025`;
    const current = await t.call('GET', path);
    const response = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: 'スポーツ・レクリエーション振興事業' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(response.status, response.text).toBe(200);
    const result = await history(id);
    expect(
      result.revisions.map((revision) => [
        revision.validFromFiscalYear,
        revision.validToFiscalYear,
        revision.name,
      ]),
    ).toEqual([
      [2024, 2024, 'スポーツ振興事業'],
      [2025, null, 'スポーツ・レクリエーション振興事業'],
    ]);
    // The rename is in the history: what changed, from which year, by whom, when.
    const recorded = await history(id, reform);
    expect(recorded.events).toMatchObject([
      {
        fiscalYear: 2025,
        kind: 'renamed',
        changes: [{ field: 'name', before: 'スポーツ振興事業', after: 'スポーツ・レクリエーション振興事業' }],
        actor: { displayName: expect.any(String) },
      },
    ]);
    expect(Date.parse(recorded.events[0]!.createdAt)).not.toBeNaN();
    // Without a session the change shows, its author does not.
    expect(result.events).toMatchObject([{ kind: 'renamed', actor: null }]);
  });

  it('records renumbering, regrouping and a rename made together as one line each, with the note', async () => {
    const id = ids.get(30)!;
    const path = `/api/v1/clusters/${id}?fy=2025`;
    const current = await t.call('GET', path);
    const before = current.body as RegisterItem;
    const response = await t.call('PATCH', path, {
      cookie: reform,
      body: { number: 90, name: '再編後の名称', group: 'organization', kind: null, note: '組織再編に伴う' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(response.status, response.text).toBe(200);
    const result = await history(id, reform);
    expect(result.events.map((event) => event.kind)).toEqual(['renamed', 'regrouped', 'renumbered']);
    for (const event of result.events) {
      expect(event).toMatchObject({
        fiscalYear: 2025,
        note: '組織再編に伴う',
        actor: { displayName: expect.any(String) },
      });
    }
    expect(result.events.find((event) => event.kind === 'renumbered')!.changes).toEqual([
      { field: 'number', before: '30', after: '90' },
    ]);
    expect(result.events.find((event) => event.kind === 'renamed')!.changes).toEqual([
      { field: 'name', before: before.name, after: '再編後の名称' },
    ]);
    expect(result.events.find((event) => event.kind === 'regrouped')!.changes).toEqual([
      { field: 'group', before: '施策・事業グループ', after: '組織強化グループ' },
      { field: 'kind', before: expect.any(String), after: null },
    ]);
    // A second change in the same year edits that year's revision and adds its own line.
    const again = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: '再編後の名称（改）' },
      headers: { 'if-match': response.headers.get('etag')! },
    });
    expect(again.status, again.text).toBe(200);
    const after = await history(id, reform);
    expect(after.revisions.map((revision) => revision.name)).toEqual([before.name, '再編後の名称（改）']);
    expect(after.events.at(-1)).toMatchObject({
      kind: 'renamed',
      changes: [{ field: 'name', before: '再編後の名称', after: '再編後の名称（改）' }],
    });
  });

  it('writes no line for a change that changes nothing, only the analysis plan, or is refused', async () => {
    const id = ids.get(31)!;
    const path = `/api/v1/clusters/${id}?fy=2025`;
    const current = await t.call('GET', path);
    const same = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: (current.body as RegisterItem).name },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(same.status, same.text).toBe(200);
    const stale = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: '古い版からの変更' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(stale.status).toBe(412);
    const tooLong = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: '長すぎる理由', note: 'あ'.repeat(2_001) },
      headers: { 'if-match': same.headers.get('etag')! },
    });
    expect(tooLong.status).toBe(400);
    const result = await history(id, reform);
    expect(result.events).toEqual([]);
    expect(result.revisions).toHaveLength(1);
  });

  it('retires a cluster from FY2025; FY2024 still has it', async () => {
    const id = ids.get(21)!;
    const response = await t.call('POST', `/api/v1/clusters/${id}/retire`, {
      cookie: reform,
      body: { fiscalYear: 2025, note: '民営化により廃止' },
      headers: { 'if-match': `"${await version(id)}"` },
    });
    expect(response.status, response.text).toBe(200);
    expect((await register(2024)).items.some((item) => item.number === 21)).toBe(true);
    expect((await register(2025)).items.some((item) => item.number === 21)).toBe(false);
    expect((await history(id, reform)).events).toMatchObject([
      {
        fiscalYear: 2025,
        kind: 'retired',
        note: '民営化により廃止',
        actor: { displayName: expect.any(String) },
      },
    ]);
  });

  it('merges two clusters into a new one, which takes their owners', async () => {
    const sources = [ids.get(40)!, ids.get(41)!];
    const response = await t.call('POST', '/api/v1/clusters/merge', {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        sources: await Promise.all(sources.map(async (id) => ({ id, version: await version(id) }))),
        into: { number: 40, name: '公共施設マネジメント計画の見直し', group: 'cross_cutting', kind: null },
        note: '実行計画と基本計画を一体で見直す',
      },
    });
    expect(response.status, response.text).toBe(201);
    const mergedId = (response.body as { clusterIds: string[] }).clusterIds[0]!;
    const next = (await register(2025)).items;
    expect(
      next.filter((item) => [40, 41].includes(item.number)).map((item) => [item.number, item.name]),
    ).toEqual([[40, '公共施設マネジメント計画の見直し']]);
    const merged = await history(mergedId);
    expect(merged.owningOrgUnits.map((unit) => unit.name).sort()).toEqual(['建設局', '財政局']);
    expect(merged.events[0]!.relatedClusters.map((cluster) => cluster.number).sort()).toEqual([40, 41]);
    expect(merged.events).toMatchObject([
      { fiscalYear: 2025, kind: 'created', note: '実行計画と基本計画を一体で見直す' },
    ]);
    const source = await history(ids.get(41)!, reform);
    expect(source.events).toMatchObject([
      {
        fiscalYear: 2025,
        kind: 'merged',
        relatedClusters: [{ number: 40, name: '公共施設マネジメント計画の見直し' }],
        actor: { displayName: expect.any(String) },
      },
    ]);
    expect(source.revisions[0]!.validToFiscalYear).toBe(2024);
  });

  it('splits a cluster into parts that keep its owners unless told otherwise', async () => {
    const id = ids.get(52)!;
    const response = await t.call('POST', `/api/v1/clusters/${id}/split`, {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        parts: [
          { number: 52, name: '業務プロセス改革', group: 'organization', kind: null },
          { number: 59, name: '内部事務の集約', group: 'organization', kind: null },
        ],
      },
      headers: { 'if-match': `"${await version(id)}"` },
    });
    expect(response.status, response.text).toBe(201);
    const partIds = (response.body as { clusterIds: string[] }).clusterIds;
    expect(partIds).toHaveLength(2);
    const part = await history(partIds[1]!);
    expect(part.owningOrgUnits.map((unit) => unit.name)).toEqual(['総務局']);
    expect(part.events).toMatchObject([{ kind: 'created', relatedClusters: [{ number: 52 }] }]);
    expect((await history(id, reform)).events).toMatchObject([
      {
        fiscalYear: 2025,
        kind: 'split',
        relatedClusters: [{ number: 52 }, { number: 59 }],
        actor: { displayName: expect.any(String) },
      },
    ]);
  });

  it('assigns owners', async () => {
    const id = ids.get(29)!;
    const response = await t.call('PUT', `/api/v1/clusters/${id}/owners`, {
      cookie: reform,
      body: { fiscalYear: 2025, orgUnitIds: [await kodomo()], note: '子ども施策に集約' },
      headers: { 'if-match': `"${await version(id)}"` },
    });
    expect(response.status, response.text).toBe(200);
    const result = await history(id, reform);
    expect(result.owningOrgUnits.map((unit) => unit.name)).toEqual(['子ども家庭局']);
    expect(result.events.at(-1)).toMatchObject({
      fiscalYear: 2025,
      kind: 'owners_changed',
      changes: [{ field: 'owners', before: expect.any(String), after: '子ども家庭局' }],
      note: '子ども施策に集約',
      actor: { displayName: expect.any(String) },
    });
  });
});

describe('refusals', () => {
  it('refuses to retire a cluster from a year it has an analysis in, and writes nothing', async () => {
    const id = ids.get(22)!;
    const before = await history(id);
    const response = await t.call('POST', `/api/v1/clusters/${id}/retire`, {
      cookie: reform,
      body: { fiscalYear: 2024 },
      headers: { 'if-match': `"${before.version}"` },
    });
    expect(response.status).toBe(409);
    expect((response.body as { messages: { ja: string } }).messages.ja).toContain('経営分析');
    expect(await history(id)).toEqual(before);
  });

  it('refuses a taken number, a kind that does not fit the group, a stale version, an unopened year', async () => {
    const taken = await t.call('POST', '/api/v1/clusters', {
      cookie: reform,
      body: { fiscalYear: 2025, cluster: { number: 1, name: '重複', group: 'cross_cutting', kind: null } },
    });
    expect(taken.status).toBe(409);
    // The refusal names the field, so the form shows it beside the number.
    expect((taken.body as { errors: { path: string; messages: { ja: string } }[] }).errors).toEqual([
      {
        path: 'cluster.number',
        messages: expect.objectContaining({ ja: expect.stringContaining('番号 1 は') }),
      },
    ]);
    const kind = await t.call('POST', '/api/v1/clusters', {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        cluster: { number: 70, name: '種類なし', group: 'policy_program', kind: null },
      },
    });
    expect(kind.status).toBe(400);
    const stale = await t.call('POST', '/api/v1/clusters/merge', {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        sources: [
          { id: ids.get(46)!, version: 99 },
          { id: ids.get(51)!, version: 1 },
        ],
        into: { number: 46, name: '外郭団体・指定管理の見直し', group: 'cross_cutting', kind: null },
      },
    });
    expect(stale.status).toBe(412);
    const unopened = await t.call('POST', '/api/v1/clusters', {
      cookie: reform,
      body: { fiscalYear: 2031, cluster: { number: 71, name: '未来', group: 'organization', kind: null } },
    });
    expect(unopened.status).toBe(404);
    const split = await t.call('POST', `/api/v1/clusters/${ids.get(53)!}/split`, {
      cookie: reform,
      body: {
        fiscalYear: 2025,
        parts: [
          { number: 53, name: 'A', group: 'organization', kind: null },
          { number: 53, name: 'B', group: 'organization', kind: null },
        ],
      },
      headers: { 'if-match': `"${await version(ids.get(53)!)}"` },
    });
    expect(split.status).toBe(409);
    expect((split.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual([
      'parts.0.number',
      'parts.1.number',
    ]);
    expect((await register(2025)).items.filter((item) => [46, 51, 53].includes(item.number))).toHaveLength(3);
    expect((await register(2025)).items.some((item) => item.number === 70 || item.number === 71)).toBe(false);
  });

  it('refuses to merge, split or retire from a year the cluster has a change starting in, saying why', async () => {
    const id = ids.get(33)!;
    const path = `/api/v1/clusters/${id}?fy=2025`;
    const current = await t.call('GET', path);
    const renamed = await t.call('PATCH', path, {
      cookie: reform,
      body: { name: '市営住宅の管理' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const before = await history(id, reform);
    const retire = await t.call('POST', `/api/v1/clusters/${id}/retire`, {
      cookie: reform,
      body: { fiscalYear: 2025 },
      headers: { 'if-match': `"${before.version}"` },
    });
    expect(retire.status).toBe(409);
    expect((retire.body as { messages: { ja: string } }).messages.ja).toContain('統合・分割・廃止できません');
    expect(await history(id, reform)).toEqual(before);
  });

  it('lets only the reform office change the register', async () => {
    for (const login of ['kodomo-head', 'kodomo-staff', 'mayor', 'admin', 'staff1']) {
      const cookie = await t.signIn(login);
      const response = await t.call('POST', '/api/v1/clusters', {
        cookie,
        body: { fiscalYear: 2025, cluster: { number: 80, name: '不可', group: 'organization', kind: null } },
      });
      expect(response.status, login).toBe(403);
    }
    const anonymous = await t.call('POST', `/api/v1/clusters/${ids.get(1)!}/retire`, {
      body: { fiscalYear: 2025 },
      headers: { 'if-match': '"1"' },
    });
    expect(anonymous.status).toBe(401);
  });
});
