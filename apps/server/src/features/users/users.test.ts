import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type User = {
  id: string;
  login: string;
  isActive: boolean;
  version: number;
  roles: { role: string; orgUnitId: string | null }[];
};
type OrgUnit = { id: string; code: string; name: string; version: number; parentId: string | null };

let t: TestApp;
let admin: string;
let units: OrgUnit[];
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  units = ((await t.call('GET', '/api/v1/org-units')).body as { items: OrgUnit[] }).items;
});
afterAll(async () => {
  await t.close();
});

const unit = (code: string) => units.find((candidate) => candidate.code === code)!;

describe('user administration', () => {
  it('is for system admins only', async () => {
    expect((await t.call('GET', '/api/v1/users')).status).toBe(401);
    const reform = await t.signIn('reform');
    expect((await t.call('GET', '/api/v1/users', { cookie: reform })).status).toBe(403);
    const list = await t.call('GET', '/api/v1/users?pageSize=5', { cookie: admin });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 5 });
    expect((list.body as { items: User[] }).items).toHaveLength(5);
    const everyone = await t.call('GET', '/api/v1/users?pageSize=200', { cookie: admin });
    const logins = (everyone.body as { items: User[]; total: number }).items.map((user) => user.login);
    expect((everyone.body as { total: number }).total).toBe(logins.length);
    for (const login of [
      'reform',
      'mayor',
      'kodomo-head',
      'kodomo-staff',
      'staff1',
      'staff2',
      'pt1',
      'admin',
    ]) {
      expect(logins).toContain(login);
    }
    expect(list.text).not.toContain('password');
    const filtered = await t.call('GET', '/api/v1/users?role=bureau_head', { cookie: admin });
    const heads = (filtered.body as { items: User[] }).items;
    expect(heads.map((user) => user.login)).toContain('kodomo-head');
    expect(heads.every((user) => user.roles.some((grant) => grant.role === 'bureau_head'))).toBe(true);
  });

  it('creates a user who can sign in, and refuses weak passwords and unscoped scoped roles', async () => {
    const weak = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: { login: 'new-user', displayName: '新 規', password: 'short', roles: [] },
    });
    expect(weak.status).toBe(400);
    const unscoped = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: {
        login: 'new-user',
        displayName: '新 規',
        password: 'a-long-enough-password',
        roles: [{ role: 'bureau_head' }],
      },
    });
    expect(unscoped.status).toBe(400);
    const created = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: {
        login: 'new-user',
        displayName: '新 規',
        displayNameKana: 'しん き',
        email: 'new@example.jp',
        orgUnitId: unit('kankyo').id,
        password: '長いパスワードでも大丈夫です🔐',
        roles: [{ role: 'staff' }, { role: 'department_staff', orgUnitId: unit('kankyo').id }],
      },
    });
    expect(created.status).toBe(201);
    const duplicate = await t.call('POST', '/api/v1/users', {
      cookie: admin,
      body: { login: 'NEW-USER', displayName: 'x', password: 'a-long-enough-password', roles: [] },
    });
    expect(duplicate.status).toBe(409);
    expect(await t.signIn('new-user', '長いパスワードでも大丈夫です🔐')).toMatch(/totonoe_session=/);
  });

  it('ends all sessions of a user who is deactivated or whose password changes', async () => {
    const first = await t.signIn('staff2');
    const second = await t.signIn('staff2');
    const list = (await t.call('GET', '/api/v1/users?q=staff2', { cookie: admin })).body as { items: User[] };
    const user = list.items[0]!;
    const changed = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${user.version}"` },
      body: { password: 'a-brand-new-password' },
    });
    expect(changed.status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie: first })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie: second })).status).toBe(401);
    const third = await t.signIn('staff2', 'a-brand-new-password');
    const deactivated = await t.call('PATCH', `/api/v1/users/${user.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${user.version + 1}"` },
      body: { isActive: false },
    });
    expect(deactivated.status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie: third })).status).toBe(401);
    const refused = await t.call('POST', '/api/v1/session', {
      body: { login: 'staff2', password: 'a-brand-new-password' },
    });
    expect(refused.status).toBe(401);
  });

  it('refuses a stale update and an admin deactivating themselves', async () => {
    const list = (await t.call('GET', '/api/v1/users?q=admin', { cookie: admin })).body as { items: User[] };
    const self = list.items.find((user) => user.login === 'admin')!;
    const stale = await t.call('PATCH', `/api/v1/users/${self.id}`, {
      cookie: admin,
      headers: { 'if-match': '"999"' },
      body: { displayName: 'x' },
    });
    expect(stale.status).toBe(412);
    const selfDeactivate = await t.call('PATCH', `/api/v1/users/${self.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${self.version}"` },
      body: { isActive: false },
    });
    expect(selfDeactivate.status).toBe(422);
  });
});

describe('org units', () => {
  it('lists the demo organisation publicly, with the seven wards', async () => {
    const wards = units.filter((candidate) => candidate.code.startsWith('ward-'));
    expect(wards.map((ward) => ward.name)).toEqual([
      '門司区',
      '小倉北区',
      '小倉南区',
      '若松区',
      '八幡東区',
      '八幡西区',
      '戸畑区',
    ]);
  });

  it('lets system admins create and update units, refusing cycles and duplicate codes', async () => {
    const body = {
      code: 'kodomo-new',
      name: '新しい課',
      level: 'section',
      parentId: unit('kodomo').id,
      effectiveFrom: '2025-04-01',
    };
    const reform = await t.signIn('reform');
    expect((await t.call('POST', '/api/v1/org-units', { cookie: reform, body })).status).toBe(403);
    const created = await t.call('POST', '/api/v1/org-units', { cookie: admin, body });
    expect(created.status).toBe(201);
    expect((await t.call('POST', '/api/v1/org-units', { cookie: admin, body })).status).toBe(409);
    const badDate = await t.call('POST', '/api/v1/org-units', {
      cookie: admin,
      body: { ...body, code: 'x1', effectiveFrom: '2024-02-30' },
    });
    expect(badDate.status).toBe(400);
    const kodomo = unit('kodomo');
    const cycle = await t.call('PATCH', `/api/v1/org-units/${kodomo.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${kodomo.version}"` },
      body: { parentId: (created.body as OrgUnit).id },
    });
    expect(cycle.status).toBe(422);
    const renamed = await t.call('PATCH', `/api/v1/org-units/${kodomo.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${kodomo.version}"` },
      body: { name: 'こども未来局' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'こども未来局', version: kodomo.version + 1 });
  });
});

describe('audit trail browsing', () => {
  it('is for the reform office and system admins and filters by actor, entity and time', async () => {
    const staff = await t.signIn('staff1');
    expect((await t.call('GET', '/api/v1/audit-events', { cookie: staff })).status).toBe(403);
    const byEntity = await t.call('GET', '/api/v1/audit-events?entityType=org_unit', { cookie: admin });
    expect(byEntity.status).toBe(200);
    const items = (byEntity.body as { items: { entityType: string; actor: { displayName: string } }[] })
      .items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.entityType === 'org_unit')).toBe(true);
    const future = await t.call('GET', '/api/v1/audit-events?from=2099-01-01', { cookie: admin });
    expect((future.body as { total: number }).total).toBe(0);
    expect((await t.call('GET', '/api/v1/audit-events?from=yesterday', { cookie: admin })).status).toBe(400);
  });

  it('cannot be changed, even by SQL', async () => {
    await expect(t.database.pool.query('delete from audit_events')).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query("update audit_events set action = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });
});
