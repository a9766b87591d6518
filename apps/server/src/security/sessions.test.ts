import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import { SESSION_COOKIE } from '../features/auth/session-middleware.ts';
import type { Services } from '../lib/context.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { listRouterRoutes } from './matrix-harness.ts';

/**
 * Sessions and sign-in beyond `features/auth/auth.test.ts`: what ends a session besides signing
 * out, what the lockout counts, and the Origin check on every state-changing route the router has.
 */

const stateChangingRoutes = listRouterRoutes(
  createApp({ config: loadConfig({ TOTONOE_LOG_LEVEL: 'error' }) } as unknown as Services, {
    webRoot: '/nonexistent',
  }),
).filter((route) => route.method !== 'GET');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type UserBody = { id: string; version: number };

async function createAccount(admin: string, login: string, roles: { role: string; orgUnitId: null }[]) {
  const created = await t.call('POST', '/api/v1/users', {
    cookie: admin,
    body: { login, displayName: 'セッション 確認', password: 'a-long-password-1', roles },
  });
  expect(created.status).toBe(201);
  return created.body as UserBody;
}

describe('what ends a session', () => {
  it('deactivation: the cookie stops working at once and the account cannot sign in again', async () => {
    const admin = await t.signIn('admin');
    const account = await createAccount(admin, 'session-deactivated', [{ role: 'staff', orgUnitId: null }]);
    const cookie = await t.signIn('session-deactivated', 'a-long-password-1');
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
    const deactivated = await t.call('PATCH', `/api/v1/users/${account.id}`, {
      cookie: admin,
      body: { isActive: false },
      headers: { 'if-match': `"${account.version}"` },
    });
    expect(deactivated.status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401);
    const again = await t.call('POST', '/api/v1/session', {
      body: { login: 'session-deactivated', password: 'a-long-password-1' },
    });
    expect(again.status).toBe(401);
    // The same answer as a wrong password: a deactivated account is not revealed.
    expect((again.body as { code: string }).code).toBe('invalid_credentials');
    const { rows } = await t.database.pool.query(
      'select count(*)::int as n from sessions where user_id = $1',
      [account.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('a password set by an administrator ends every session of the account', async () => {
    const admin = await t.signIn('admin');
    const account = await createAccount(admin, 'session-reset', [{ role: 'staff', orgUnitId: null }]);
    const first = await t.signIn('session-reset', 'a-long-password-1');
    const second = await t.signIn('session-reset', 'a-long-password-1');
    const reset = await t.call('PATCH', `/api/v1/users/${account.id}`, {
      cookie: admin,
      body: { password: 'another-long-password-2' },
      headers: { 'if-match': `"${account.version}"` },
    });
    expect(reset.status).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { cookie: first })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie: second })).status).toBe(401);
    expect(await t.signIn('session-reset', 'another-long-password-2')).toMatch(SESSION_COOKIE);
  });

  it('a role taken away no longer counts on the next request of an open session', async () => {
    const admin = await t.signIn('admin');
    const account = await createAccount(admin, 'session-demoted', [
      { role: 'system_admin', orgUnitId: null },
    ]);
    const cookie = await t.signIn('session-demoted', 'a-long-password-1');
    expect((await t.call('GET', '/api/v1/users', { cookie })).status).toBe(200);
    const demoted = await t.call('PATCH', `/api/v1/users/${account.id}`, {
      cookie: admin,
      body: { roles: [{ role: 'staff', orgUnitId: null }] },
      headers: { 'if-match': `"${account.version}"` },
    });
    expect(demoted.status).toBe(200);
    expect((await t.call('GET', '/api/v1/users', { cookie })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });

  it('a deleted session row, a forged token and an over-long cookie all count as no session', async () => {
    const cookie = await t.signIn('staff1');
    await t.database.pool.query(
      "delete from sessions where user_id = (select id from users where login = 'staff1')",
    );
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401);
    const forged = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    expect((await t.call('GET', '/api/v1/me', { cookie: forged })).status).toBe(401);
    const overLong = `${SESSION_COOKIE}=${'A'.repeat(5000)}`;
    const response = await t.call('GET', '/api/v1/me', { cookie: overLong });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('never stores the cookie token itself: the session id is its SHA-256', async () => {
    const cookie = await t.signIn('staff2');
    const token = cookie.split('=')[1]!;
    const { rows } = await t.database.pool.query<{ id: string }>('select id from sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.id === token)).toBe(false);
  });
});

describe('the sign-in lockout', () => {
  it('counts a login in any case or width as the same account', async () => {
    const variants = ['Kodomo-Head', 'ＫＯＤＯＭＯ－ＨＥＡＤ', ' kodomo-head ', 'KODOMO-HEAD'];
    for (let attempt = 0; attempt < 10; attempt++) {
      const login = variants[attempt % variants.length]!;
      const response = await t.call('POST', '/api/v1/session', {
        body: { login, password: `wrong-${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    const locked = await t.call('POST', '/api/v1/session', {
      body: { login: 'kodomo-head', password: 'totonoe-demo' },
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('records failed sign-ins in the audit trail without the password that was tried', async () => {
    await t.call('POST', '/api/v1/session', { body: { login: 'staff2', password: 'secret-guess-xyz' } });
    const { rows } = await t.database.pool.query<{ after: unknown }>(
      "select after from audit_events where action = 'session.sign_in_failed'",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('secret-guess-xyz');
  });
});

describe('cross-site requests', () => {
  it('refuses every state-changing route from another origin before it reads the body', async () => {
    expect(stateChangingRoutes.length).toBeGreaterThan(5);
    const cookie = await t.signIn('reform');
    const accepted: string[] = [];
    for (const route of stateChangingRoutes) {
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');
      const forgeries: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: '', 'sec-fetch-site': 'cross-site' },
        { origin: '', 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of forgeries) {
        const response = await t.call(route.method, path, { cookie, headers, body: {} });
        if (response.status !== 403 || (response.body as { code?: string }).code !== 'bad_origin')
          accepted.push(`${route.method} ${route.path} with ${JSON.stringify(headers)}: ${response.status}`);
      }
    }
    expect(accepted).toEqual([]);
    // The session survives a refused forgery.
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });
});
