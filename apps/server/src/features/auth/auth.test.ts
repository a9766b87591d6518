import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { MAX_FAILED_SIGN_INS } from './sign-in.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in and sessions', () => {
  it('signs in, shows the user with roles and org unit, and signs out', async () => {
    const response = await t.call('POST', '/api/v1/session', {
      body: { login: 'kodomo-head', password: 'totonoe-demo' },
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/totonoe_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // served over plain HTTP here
    const cookie = setCookie.split(';')[0]!;
    const me = await t.call('GET', '/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      login: 'kodomo-head',
      orgUnit: { code: 'kodomo', name: '子ども家庭局' },
    });
    expect((me.body as { roles: { role: string }[] }).roles.map((grant) => grant.role).sort()).toEqual([
      'bureau_head',
      'staff',
    ]);
    expect((await t.call('DELETE', '/api/v1/session', { cookie })).status).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401);
  });

  it('refuses a login with U+0000 (which PostgreSQL cannot store) as invalid input, not a 500', async () => {
    const response = await t.call('POST', '/api/v1/session', {
      body: { login: '\u0000', password: 'totonoe-demo' },
    });
    expect(response.status).toBe(400);
    expect((response.body as { code: string }).code).toBe('validation_failed');
  });

  it('keeps recognising a session after the pool replaces its connection', async () => {
    const cookie = await t.signIn('staff1');
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
    // Drop every pooled connection: the next request reads the session over a new one (on the
    // embedded database, the same PostgreSQL session behind a new socket).
    for (let round = 0; round < 2; round++) {
      const client = await t.database.pool.connect();
      client.release(true);
      const me = await t.call('GET', '/api/v1/me', { cookie });
      expect(me.status, me.text).toBe(200);
    }
  });

  it('marks the cookie Secure when served over TLS behind a trusted proxy only', async () => {
    const response = await t.call('POST', '/api/v1/session', {
      body: { login: 'staff1', password: 'totonoe-demo' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // The proxy is not trusted by default, so the header is ignored.
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('answers wrong credentials with 401 without saying which part was wrong', async () => {
    const unknown = await t.call('POST', '/api/v1/session', {
      body: { login: 'nobody', password: 'totonoe-demo' },
    });
    const wrong = await t.call('POST', '/api/v1/session', {
      body: { login: 'staff2', password: 'wrong-password' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((unknown.body as { code: string }).code).toBe('invalid_credentials');
    expect((unknown.body as { detail: string }).detail).toBe((wrong.body as { detail: string }).detail);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('issues a new session id at every sign-in', async () => {
    const first = await t.signIn('staff1');
    const second = await t.signIn('staff1');
    expect(first).not.toBe(second);
    const again = await t.call('POST', '/api/v1/session', {
      body: { login: 'staff1', password: 'totonoe-demo' },
      cookie: first,
    });
    const third = (again.headers.get('set-cookie') ?? '').split(';')[0];
    expect(third).not.toBe(first);
    // The session presented at sign-in is ended, not promoted.
    expect((await t.call('GET', '/api/v1/me', { cookie: first })).status).toBe(401);
  });

  it('locks an account for 15 minutes after 10 failures, even for the right password', async () => {
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      const response = await t.call('POST', '/api/v1/session', {
        body: { login: 'pt1', password: `wrong-${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    const locked = await t.call('POST', '/api/v1/session', {
      body: { login: 'pt1', password: 'totonoe-demo' },
    });
    expect(locked.status).toBe(429);
    expect((locked.body as { code: string }).code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another account is not affected.
    expect(
      (await t.call('POST', '/api/v1/session', { body: { login: 'staff2', password: 'totonoe-demo' } }))
        .status,
    ).toBe(200);
    // When the lock has passed, the right password works again.
    await t.database.pool.query(
      "update sign_in_throttles set locked_until = now() - interval '1 second', window_started_at = now() - interval '20 minutes' where login = 'pt1'",
    );
    expect(
      (await t.call('POST', '/api/v1/session', { body: { login: 'pt1', password: 'totonoe-demo' } })).status,
    ).toBe(200);
  });

  it('counts parallel guesses so that no more than the limit are checked', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        t.call('POST', '/api/v1/session', { body: { login: 'mayor', password: `guess-${index}` } }),
      ),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - MAX_FAILED_SIGN_INS);
  });

  it('ends idle sessions and sessions past their absolute limit', async () => {
    const cookie = await t.signIn('staff2');
    await t.database.pool.query("update sessions set last_seen_at = now() - interval '31 minutes'");
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401);
    const other = await t.signIn('staff2');
    await t.database.pool.query("update sessions set expires_at = now() - interval '1 second'");
    expect((await t.call('GET', '/api/v1/me', { cookie: other })).status).toBe(401);
  });

  it('records activity at most once a minute, and a session used within its idle limit goes on', async () => {
    const cookie = await t.signIn('kodomo-staff');
    const ofUser = "user_id = (select id from users where login = 'kodomo-staff')";
    const lastSeen = async () =>
      (await t.database.pool.query(`select last_seen_at from sessions where ${ofUser}`)).rows.map((row) =>
        (row.last_seen_at as Date).getTime(),
      );
    // Seen 30 seconds ago: a request does not write the session again.
    await t.database.pool.query(
      `update sessions set last_seen_at = now() - interval '30 seconds' where ${ofUser}`,
    );
    const [recent] = await lastSeen();
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
    expect(await lastSeen()).toEqual([recent]);
    // Seen 29 minutes ago (the idle limit is 30): still signed in, and the activity is recorded.
    await t.database.pool.query(
      `update sessions set last_seen_at = now() - interval '29 minutes' where ${ofUser}`,
    );
    const [old] = await lastSeen();
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
    const [touched] = await lastSeen();
    expect(touched! - old!).toBeGreaterThan(28 * 60 * 1000);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });

  it('refuses a state-changing request from another origin', async () => {
    const cookie = await t.signIn('reform');
    const response = await t.call('DELETE', '/api/v1/session', {
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect((response.body as { code: string }).code).toBe('bad_origin');
    const crossSite = await t.call('DELETE', '/api/v1/session', {
      cookie,
      headers: { origin: '', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });

  it('rejects malformed, mistyped and over-long sign-in bodies with problem+json', async () => {
    const malformed = await t.call('POST', '/api/v1/session', {
      rawBody: '{"login":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { code: string }).code).toBe('malformed_json');
    const wrongType = await t.call('POST', '/api/v1/session', { body: { login: 1, password: true } });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { code: string }).code).toBe('validation_failed');
    const unknownField = await t.call('POST', '/api/v1/session', {
      body: { login: 'a', password: 'b', isAdmin: true },
    });
    expect(unknownField.status).toBe(400);
    const long = await t.call('POST', '/api/v1/session', {
      body: { login: 'x'.repeat(100_000), password: 'y' },
    });
    expect(long.status).toBe(400);
    const notJson = await t.call('POST', '/api/v1/session', {
      rawBody: 'login=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, ends the other sessions and keeps the caller signed in', async () => {
    const other = await t.signIn('kodomo-staff');
    const cookie = await t.signIn('kodomo-staff');
    const wrong = await t.call('PUT', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'nope', newPassword: 'a-new-password-123' },
    });
    expect(wrong.status).toBe(401);
    const weak = await t.call('PUT', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'totonoe-demo', newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const changed = await t.call('PUT', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'totonoe-demo', newPassword: 'a-new-password-123' },
    });
    expect(changed.status).toBe(204);
    const fresh = (changed.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(fresh).not.toBe(cookie);
    expect((await t.call('GET', '/api/v1/me', { cookie: other })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { cookie: fresh })).status).toBe(200);
    expect(await t.signIn('kodomo-staff', 'a-new-password-123')).toMatch(/totonoe_session/);
  });

  it('is limited like sign-in: 429 after 10 wrong current passwords', async () => {
    const cookie = await t.signIn('reform');
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await t.call('PUT', '/api/v1/me/password', {
        cookie,
        body: { currentPassword: `wrong-${attempt}`, newPassword: 'a-new-password-123' },
      });
      expect(response.status).toBe(401);
    }
    const locked = await t.call('PUT', '/api/v1/me/password', {
      cookie,
      body: { currentPassword: 'totonoe-demo', newPassword: 'a-new-password-123' },
    });
    expect(locked.status).toBe(429);
    expect((await t.call('GET', '/api/v1/me', { cookie })).status).toBe(200);
  });
});
