import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Summary = {
  id: string;
  orgUnit: { code: string };
  status: string;
  title: string;
  pendingConsultations: number;
};
type Policy = {
  id: string;
  version: number;
  canReadDrafts: boolean;
  current: { versionNumber: number; status: string; title: string; drafter: { name: string } | null };
  published: { versionNumber: number; title: string } | null;
  versions: { versionNumber: number; status: string }[];
  consultations: { orgUnit: { code: string }; decision: string; comment: string | null }[];
  steps: { action: string; toStatus: string; comment: string | null; actor: { name: string } | null }[];
  permissions: Record<string, unknown>;
};

let t: TestApp;
const cookies: Record<string, string> = {};
const unitIds: Record<string, string> = {};
const userIds: Record<string, string> = {};

async function as(login: string): Promise<string> {
  cookies[login] ??= await t.signIn(login);
  return cookies[login]!;
}

async function policyOf(code: string, login = 'reform'): Promise<Policy> {
  const list = await t.call('GET', '/api/v1/bureau-policies?fy=2024', { cookie: await as(login) });
  const summary = (list.body as { items: Summary[] }).items.find((item) => item.orgUnit.code === code)!;
  const detail = await t.call('GET', `/api/v1/bureau-policies/${summary.id}`, { cookie: await as(login) });
  return detail.body as Policy;
}

async function move(login: string, policy: { id: string; version: number }, body: unknown) {
  return t.call('POST', `/api/v1/bureau-policies/${policy.id}/transitions`, {
    cookie: await as(login),
    body,
    headers: { 'if-match': `"${policy.version}"` },
  });
}

async function auditCount(): Promise<number> {
  const result = await t.database.pool.query(
    "select count(*)::int as n from audit_events where entity_type = 'bureau_policy'",
  );
  return result.rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp();
  const units = await t.database.pool.query('select id, code from org_units');
  for (const row of units.rows) unitIds[row.code] = row.id;
  const users = await t.database.pool.query('select id, login from users');
  for (const row of users.rows) userIds[row.login] = row.id;
  // 産業経済局 gets a drafter (staff1) and a head (staff2), as an administrator would grant them.
  await t.database.pool.query(
    `insert into user_roles (user_id, role, org_unit_id) values ($1, 'department_staff', $3), ($2, 'bureau_head', $3)`,
    [userIds.staff1, userIds.staff2, unitIds.sangyo],
  );
});
afterAll(async () => {
  await t.close();
});

describe('FY2024 demo policies', () => {
  it('has policies of several bureaus in every state of the route', async () => {
    const list = await t.call('GET', '/api/v1/bureau-policies?fy=2024', { cookie: await as('reform') });
    expect(list.status).toBe(200);
    const byUnit = Object.fromEntries(
      (list.body as { items: Summary[] }).items.map((item) => [item.orgUnit.code, item.status]),
    );
    expect(byUnit).toEqual({
      somu: 'published',
      zaisei: 'approved',
      hoken: 'consulting',
      kodomo: 'published',
      kankyo: 'awaiting_approval',
      kensetsu: 'returned',
      shimin: 'draft',
    });
    const somu = await policyOf('somu');
    expect(somu.versions.map((version) => [version.versionNumber, version.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    const kensetsu = await policyOf('kensetsu');
    expect(kensetsu.steps.at(-1)).toMatchObject({ action: 'return', toStatus: 'returned' });
    expect(kensetsu.steps.at(-1)!.comment).toContain('利用者ニーズ');
  });

  it('shows plain staff only published versions, and the public only through the public pages', async () => {
    const list = await t.call('GET', '/api/v1/bureau-policies?fy=2024', { cookie: await as('pt1') });
    const items = (list.body as { items: Summary[] }).items;
    expect(items.map((item) => item.orgUnit.code).sort()).toEqual(['kodomo', 'somu']);
    expect(items.every((item) => item.status === 'published' && item.pendingConsultations === 0)).toBe(true);
    const hokenId = (await policyOf('hoken')).id;
    expect(
      (await t.call('GET', `/api/v1/bureau-policies/${hokenId}`, { cookie: await as('pt1') })).status,
    ).toBe(404);
    const kodomo = await t.call('GET', `/api/v1/bureau-policies/${(await policyOf('kodomo')).id}`, {
      cookie: await as('pt1'),
    });
    expect(kodomo.body).toMatchObject({ canReadDrafts: false, steps: [], consultations: [] });

    expect((await t.call('GET', '/api/v1/bureau-policies?fy=2024')).status).toBe(401);
    const open = await t.call('GET', '/api/v1/public/bureau-policies?fy=2024');
    expect(open.status).toBe(200);
    const published = (open.body as { items: { orgUnit: { code: string }; versionNumber: number }[] }).items;
    expect(published.map((item) => [item.orgUnit.code, item.versionNumber])).toEqual([
      ['somu', 2],
      ['kodomo', 1],
    ]);
    expect(open.text).not.toMatch(/drafter|approvedBy|totonoe\.invalid/);
    expect((await t.call('GET', `/api/v1/public/bureau-policies/${hokenId}`)).status).toBe(404);
    const page = await t.call('GET', `/api/v1/public/bureau-policies/${(await policyOf('kodomo')).id}`);
    expect(page.body).toMatchObject({
      title: '令和6年度 子ども家庭局X方針',
      orgUnit: { name: '子ども家庭局' },
    });
    expect(
      (page.body as { clusters: { number: number }[] }).clusters.map((cluster) => cluster.number),
    ).toEqual([22, 23, 24, 25]);
  });

  it('lets a consulted unit read the draft it is asked about', async () => {
    const hoken = await policyOf('hoken', 'zaisei-staff');
    expect(hoken.canReadDrafts).toBe(true);
    expect(hoken.permissions.consultAs).toEqual([unitIds.zaisei]);
  });

  it('fills each person’s approval inbox with what waits for them', async () => {
    const inbox = async (login: string) =>
      (
        (await t.call('GET', '/api/v1/bureau-policies/inbox?fy=2024', { cookie: await as(login) })).body as {
          items: { orgUnit: { code: string }; task: string }[];
        }
      ).items.map((item) => `${item.orgUnit.code}:${item.task}`);
    expect(await inbox('zaisei-staff')).toEqual(['hoken:consult']);
    expect(await inbox('kankyo-head')).toEqual(['kankyo:approve']);
    expect(await inbox('kensetsu-staff')).toEqual(['kensetsu:redraft']);
    expect(await inbox('reform')).toEqual(expect.arrayContaining(['zaisei:publish']));
    expect(await inbox('pt1')).toEqual([]);
  });
});

describe('the 決裁 route end to end', () => {
  let policy: Policy;

  it('drafts a policy for the drafter’s own bureau only, with clear errors for bad input', async () => {
    const cookie = await as('staff1');
    const body = {
      orgUnitId: unitIds.sangyo,
      fiscalYear: 2024,
      title: '令和6年度 産業経済局X方針',
      vision: '地元企業の人材確保',
    };
    expect((await t.call('POST', '/api/v1/bureau-policies', { cookie: await as('pt1'), body })).status).toBe(
      403,
    );
    expect((await t.call('POST', '/api/v1/bureau-policies', { body })).status).toBe(401);
    const before = await auditCount();
    const bad = [
      { ...body, extra: 1 },
      { ...body, title: '' },
      { ...body, title: 'x'.repeat(201) },
      { ...body, kpis: [{ name: '雇用者数', target: '十' }] },
      { ...body, fiscalYear: 1900 },
    ];
    for (const invalid of bad) {
      const response = await t.call('POST', '/api/v1/bureau-policies', { cookie, body: invalid });
      expect(response.status, JSON.stringify(invalid)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const unknownCluster = await t.call('POST', '/api/v1/bureau-policies', {
      cookie,
      body: { ...body, clusterIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknownCluster.status).toBe(422);
    const section = await t.call('POST', '/api/v1/bureau-policies', {
      cookie: await as('kodomo-staff'),
      body: { ...body, orgUnitId: unitIds['kodomo-hoiku'] },
    });
    expect(section.status).toBe(422);
    const twice = await t.call('POST', '/api/v1/bureau-policies', {
      cookie: await as('kodomo-staff'),
      body: { ...body, orgUnitId: unitIds.kodomo },
    });
    expect(twice.status).toBe(409);
    expect(await auditCount()).toBe(before);

    const created = await t.call('POST', '/api/v1/bureau-policies', {
      cookie,
      body: {
        ...body,
        kpis: [{ name: '市内就職率', unit: '%', baseline: '41.5', target: '45', targetFiscalYear: 2026 }],
      },
    });
    expect(created.status).toBe(201);
    policy = created.body as Policy;
    expect(created.headers.get('etag')).toBe(`"${policy.version}"`);
    expect(policy.current).toMatchObject({ versionNumber: 1, status: 'draft' });
    expect(policy.permissions).toMatchObject({ canEdit: true, canSubmit: true, canApprove: false });
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses submission to its own unit or a unit named twice', async () => {
    for (const consultOrgUnitIds of [[unitIds.sangyo], [unitIds.zaisei, unitIds.zaisei]]) {
      const response = await move('staff1', policy, { action: 'submit', consultOrgUnitIds });
      expect(response.status).toBe(400);
    }
    const unknown = await move('staff1', policy, {
      action: 'submit',
      consultOrgUnitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(422);
  });

  it('submits for 合議; the draft is locked; a consulted unit returns it with a comment', async () => {
    expect(
      (await move('staff1', policy, { action: 'submit', consultOrgUnitIds: [unitIds.zaisei] })).status,
    ).toBe(200);
    policy = (await t.call('GET', `/api/v1/bureau-policies/${policy.id}`, { cookie: await as('staff1') }))
      .body as Policy;
    expect(policy.current.status).toBe('consulting');
    expect(policy.consultations).toEqual([
      expect.objectContaining({ orgUnit: expect.objectContaining({ code: 'zaisei' }), decision: 'pending' }),
    ]);

    const edit = await t.call('PATCH', `/api/v1/bureau-policies/${policy.id}`, {
      cookie: await as('staff1'),
      body: { title: '変更' },
      headers: { 'if-match': `"${policy.version}"` },
    });
    expect(edit.status).toBe(409);
    // Only the consulted unit answers for itself.
    expect((await move('kodomo-staff', policy, { action: 'concur', orgUnitId: unitIds.zaisei })).status).toBe(
      403,
    );
    expect((await move('kodomo-staff', policy, { action: 'concur', orgUnitId: unitIds.kodomo })).status).toBe(
      409,
    );
    const empty = await move('zaisei-staff', policy, {
      action: 'return',
      orgUnitId: unitIds.zaisei,
      comment: '  ',
    });
    expect(empty.status).toBe(400);
    expect((empty.body as { detail: string }).detail).toContain('差戻し');
    const returned = await move('zaisei-staff', policy, {
      action: 'return',
      orgUnitId: unitIds.zaisei,
      comment: 'KPI の目標年度ごとの値を示してください。',
    });
    expect(returned.status).toBe(200);
    policy = returned.body as Policy;
    expect(policy.current.status).toBe('returned');
    expect(policy.steps.at(-1)).toMatchObject({
      action: 'return',
      comment: 'KPI の目標年度ごとの値を示してください。',
      actor: { name: '財政 調整担当' },
    });
  });

  it('needs If-Match on every step and refuses a stale one', async () => {
    const missing = await t.call('POST', `/api/v1/bureau-policies/${policy.id}/transitions`, {
      cookie: await as('staff1'),
      body: { action: 'submit', consultOrgUnitIds: [] },
    });
    expect(missing.status).toBe(428);
    const stale = await move(
      'staff1',
      { id: policy.id, version: policy.version - 1 },
      { action: 'submit', consultOrgUnitIds: [] },
    );
    expect(stale.status).toBe(412);
  });

  it('is edited after the return, resubmitted for a fresh round, concurred, approved by the head and published', async () => {
    const edit = await t.call('PATCH', `/api/v1/bureau-policies/${policy.id}`, {
      cookie: await as('staff1'),
      body: {
        kpis: [{ name: '市内就職率', unit: '%', baseline: '41.5', target: '45', targetFiscalYear: 2026 }],
        vision: '地元企業の人材確保と創業支援',
      },
      headers: { 'if-match': `"${policy.version}"` },
    });
    expect(edit.status).toBe(200);
    policy = edit.body as Policy;
    policy = (await move('staff1', policy, { action: 'submit', consultOrgUnitIds: [unitIds.zaisei] }))
      .body as Policy;
    expect(policy.consultations).toEqual([expect.objectContaining({ decision: 'pending' })]);
    policy = (await move('zaisei-staff', policy, { action: 'concur', orgUnitId: unitIds.zaisei }))
      .body as Policy;
    expect(policy.current.status).toBe('awaiting_approval');
    // The drafter is not the head; other heads have no say.
    expect((await move('staff1', policy, { action: 'approve' })).status).toBe(403);
    expect((await move('kodomo-head', policy, { action: 'approve' })).status).toBe(403);
    expect((await move('staff2', policy, { action: 'publish' })).status).toBe(409);
    policy = (await move('staff2', policy, { action: 'approve', comment: '了' })).body as Policy;
    expect(policy.current.status).toBe('approved');
    expect((await move('pt1', policy, { action: 'publish' })).status).toBe(403);
    const published = await move('reform', policy, { action: 'publish' });
    expect(published.status).toBe(200);
    policy = published.body as Policy;
    expect(policy.current.status).toBe('published');
    expect(policy.steps.map((step) => step.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'concur',
      'approve',
      'publish',
    ]);
    const open = await t.call('GET', `/api/v1/public/bureau-policies/${policy.id}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({
      title: '令和6年度 産業経済局X方針',
      vision: '地元企業の人材確保と創業支援',
      versionNumber: 1,
    });
  });

  it('revises after publication as a new version with its own approval; the public keeps the old one until then', async () => {
    const cookie = await as('staff1');
    const revision = await t.call('POST', `/api/v1/bureau-policies/${policy.id}/revisions`, {
      cookie,
      body: { revisionNote: '第3回X会議の指示を反映' },
      headers: { 'if-match': `"${policy.version}"` },
    });
    expect(revision.status).toBe(201);
    policy = revision.body as Policy;
    expect(policy.current).toMatchObject({ versionNumber: 2, status: 'draft' });
    const again = await t.call('POST', `/api/v1/bureau-policies/${policy.id}/revisions`, {
      cookie,
      body: {},
      headers: { 'if-match': `"${policy.version}"` },
    });
    expect(again.status).toBe(409);
    policy = (
      await t.call('PATCH', `/api/v1/bureau-policies/${policy.id}`, {
        cookie,
        body: { title: '令和6年度 産業経済局X方針（改訂）' },
        headers: { 'if-match': `"${policy.version}"` },
      })
    ).body as Policy;
    expect((await t.call('GET', `/api/v1/public/bureau-policies/${policy.id}`)).body).toMatchObject({
      versionNumber: 1,
    });
    policy = (await move('staff1', policy, { action: 'submit', consultOrgUnitIds: [] })).body as Policy;
    expect(policy.current.status).toBe('awaiting_approval');
    policy = (await move('staff2', policy, { action: 'approve' })).body as Policy;
    policy = (await move('staff2', policy, { action: 'publish' })).body as Policy;
    expect(policy.versions.map((version) => [version.versionNumber, version.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    const open = await t.call('GET', `/api/v1/public/bureau-policies/${policy.id}`);
    expect(open.body).toMatchObject({ versionNumber: 2, title: '令和6年度 産業経済局X方針（改訂）' });
    const old = await t.call('GET', `/api/v1/bureau-policies/${policy.id}/versions/1`, {
      cookie: await as('pt1'),
    });
    expect(old.body).toMatchObject({ status: 'superseded', title: '令和6年度 産業経済局X方針' });
  });

  it('refuses the head approving a draft they submitted themselves, and changes nothing', async () => {
    const cookie = await as('staff2');
    policy = (
      await t.call('POST', `/api/v1/bureau-policies/${policy.id}/revisions`, {
        cookie,
        body: {},
        headers: { 'if-match': `"${policy.version}"` },
      })
    ).body as Policy;
    policy = (await move('staff2', policy, { action: 'submit', consultOrgUnitIds: [] })).body as Policy;
    expect(policy.current.drafter?.name).toBe('環境 二葉');
    const before = await auditCount();
    const self = await move('staff2', policy, { action: 'approve' });
    expect(self.status).toBe(403);
    expect((self.body as { code: string }).code).toBe('self_approval');
    const after = (await t.call('GET', `/api/v1/bureau-policies/${policy.id}`, { cookie })).body as Policy;
    expect(after.version).toBe(policy.version);
    expect(after.current.status).toBe('awaiting_approval');
    expect(await auditCount()).toBe(before);
    // The drafter may pull it back; someone else may not.
    expect((await move('staff1', policy, { action: 'withdraw' })).status).toBe(403);
    expect((await move('staff2', policy, { action: 'withdraw' })).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('describes every bureau-policy route', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/bureau-policies',
      '/api/v1/bureau-policies/inbox',
      '/api/v1/bureau-policies/{id}',
      '/api/v1/bureau-policies/{id}/transitions',
      '/api/v1/bureau-policies/{id}/revisions',
      '/api/v1/bureau-policies/{id}/versions/{versionNumber}',
      '/api/v1/public/bureau-policies',
      '/api/v1/public/bureau-policies/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
