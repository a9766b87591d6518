import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { createConfiguredTestApp } from './configured-test-app.ts';
import {
  signInAtProvider,
  startTestIdentityProvider,
  type TestIdentity,
  type TestIdentityProvider,
} from './test-identity-provider.ts';

const CLIENT = {
  clientId: 'totonoe',
  clientSecret: 'a-test-client-secret-of-reasonable-length',
  redirectUri: 'http://totonoe.test/api/v1/sso/callback',
};

const hanako: TestIdentity = {
  login: 'sso-hanako',
  password: 'provider-password',
  subject: 'a1b2c3-hanako',
  claims: {
    preferred_username: 'sso-hanako',
    name: '統合 花子',
    name_kana: 'とうごう はなこ',
    email: 'hanako@city.example.lg.jp',
    org_unit: 'kodomo',
    roles: ['staff', 'department_staff', 'mayor_of_everything'],
  },
};
const jiro: TestIdentity = {
  login: 'sso-jiro',
  password: 'provider-password',
  subject: 'd4e5f6-jiro',
  claims: {
    preferred_username: 'sso-jiro',
    name: '統合 次郎',
    email: 'jiro@city.example.lg.jp',
    org_unit: 'nowhere',
  },
};
const takeover: TestIdentity = {
  login: 'taro',
  password: 'provider-password',
  subject: 'g7h8i9-staff1',
  claims: { preferred_username: 'staff1', name: '別人 太郎', org_unit: 'hoken' },
};

let provider: TestIdentityProvider;
let t: TestApp;

function environment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    TOTONOE_OIDC_ISSUER: provider.issuer,
    TOTONOE_OIDC_CLIENT_ID: CLIENT.clientId,
    TOTONOE_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    TOTONOE_OIDC_REDIRECT_URL: CLIENT.redirectUri,
    TOTONOE_OIDC_CLAIM_NAME_KANA: 'name_kana',
    ...extra,
  };
}

beforeAll(async () => {
  provider = await startTestIdentityProvider({ client: CLIENT, identities: [hanako, jiro, takeover] });
  t = await createConfiguredTestApp(environment());
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

function cookieOf(response: { headers: Headers }, name: string): string | null {
  const line = response.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  return line ? line.split(';')[0]! : null;
}

/** Starts single sign-on in the app and returns where it sends the browser, with the browser's cookie. */
async function startSignIn(app: TestApp, redirect = '/clusters') {
  const started = await app.call('GET', `/api/v1/sso/login?redirect=${encodeURIComponent(redirect)}`);
  expect(started.status).toBe(302);
  return {
    location: started.headers.get('location')!,
    ssoCookie: cookieOf(started, 'totonoe_sso')!,
    started,
  };
}

/** Goes all the way: app → provider sign-in → back to the app's callback. */
async function signInThroughProvider(app: TestApp, identity: TestIdentity, redirect = '/clusters') {
  const { location, ssoCookie } = await startSignIn(app, redirect);
  const callback = await signInAtProvider(location, identity.login, identity.password);
  return app.call('GET', `${callback.pathname}${callback.search}`, { cookie: ssoCookie });
}

async function auditActions(app: TestApp, entityId: string | null, since: number) {
  const { rows } = await app.database.pool.query(
    'select action, after from audit_events where id > $1 and (entity_id = $2 or $2 is null) order by id',
    [since, entityId],
  );
  return rows as { action: string; after: Record<string, unknown> | null }[];
}

async function lastAuditId(app: TestApp): Promise<number> {
  const { rows } = await app.database.pool.query('select coalesce(max(id), 0)::int as id from audit_events');
  return rows[0].id as number;
}

describe('single sign-on by OpenID Connect', () => {
  it('offers both ways to sign in when the provider is configured', async () => {
    const methods = await t.call('GET', '/api/v1/sign-in-methods');
    expect(methods.status).toBe(200);
    expect(methods.body).toEqual({ isLocalLoginEnabled: true, isSingleSignOnEnabled: true });
    expect(await t.signIn('staff1')).toMatch(/^totonoe_session=/);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, bound to a Lax HttpOnly cookie', async () => {
    const { location, started } = await startSignIn(t);
    const url = new URL(location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe('totonoe');
    expect(url.searchParams.get('redirect_uri')).toBe(CLIENT.redirectUri);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const cookie = started.headers.getSetCookie().find((line) => line.startsWith('totonoe_sso='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/sso/);
    // Nothing secret in the browser: the verifier stays in the database.
    const { rows } = await t.database.pool.query('select code_verifier from sso_sign_in_attempts');
    expect(location).not.toContain(rows.at(-1).code_verifier);
  });

  it('creates the person on the first sign-in from the claims and lands them in their org unit', async () => {
    const since = await lastAuditId(t);
    const callback = await signInThroughProvider(t, hanako, '/clusters?fy=2024');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/clusters?fy=2024');
    const session = cookieOf(callback, 'totonoe_session')!;
    expect(session).toBeTruthy();
    expect(callback.headers.getSetCookie().join('\n')).toMatch(/totonoe_sso=;/);

    const me = await t.call('GET', '/api/v1/me', { cookie: session });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      login: 'sso-hanako',
      displayName: '統合 花子',
      displayNameKana: 'とうごう はなこ',
      email: 'hanako@city.example.lg.jp',
      orgUnit: { code: 'kodomo', name: '子ども家庭局' },
    });
    const roles = (me.body as { roles: { role: string; orgUnitName: string | null }[] }).roles;
    expect(roles.map((grant) => `${grant.role}:${grant.orgUnitName ?? ''}`).sort()).toEqual([
      'department_staff:子ども家庭局',
      'staff:',
    ]);
    const { rows } = await t.database.pool.query(
      "select oidc_subject, password_hash from users where login = 'sso-hanako'",
    );
    expect(rows[0]).toEqual({ oidc_subject: hanako.subject, password_hash: null });

    const events = await auditActions(t, null, since);
    expect(events.map((event) => event.action)).toEqual(['user.create', 'session.sign_in']);
    expect(events[0]!.after).toMatchObject({ source: 'oidc', ignoredClaims: ['role:mayor_of_everything'] });
  });

  it('matches the person by subject on later sign-ins and brings name, org unit and roles up to date', async () => {
    provider.setIdentity({
      ...hanako,
      claims: {
        ...hanako.claims,
        name: '統合 花子（異動）',
        org_unit: 'hoken',
        roles: ['bureau_head', 'pt_member:kodomo'],
      },
    });
    const callback = await signInThroughProvider(t, hanako);
    const session = cookieOf(callback, 'totonoe_session')!;
    const me = (await t.call('GET', '/api/v1/me', { cookie: session })).body as {
      id: string;
      displayName: string;
      orgUnit: { code: string };
      roles: { role: string; orgUnitName: string | null }[];
    };
    expect(me.displayName).toBe('統合 花子（異動）');
    expect(me.orgUnit.code).toBe('hoken');
    expect(me.roles.map((grant) => `${grant.role}:${grant.orgUnitName ?? ''}`).sort()).toEqual([
      'bureau_head:保健福祉局',
      'pt_member:子ども家庭局',
      'staff:',
    ]);
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from users where login = 'sso-hanako'",
    );
    expect(rows[0].n).toBe(1);
    const events = await auditActions(t, me.id, 0);
    expect(events.filter((event) => event.action === 'user.update')).toHaveLength(1);
    provider.setIdentity(hanako);
  });

  it('keeps the org unit of an unknown code out and records it', async () => {
    const callback = await signInThroughProvider(t, jiro);
    const me = (await t.call('GET', '/api/v1/me', { cookie: cookieOf(callback, 'totonoe_session')! }))
      .body as {
      id: string;
      orgUnit: unknown;
      roles: { role: string }[];
    };
    expect(me.orgUnit).toBeNull();
    expect(me.roles.map((grant) => grant.role)).toEqual(['staff']);
    const created = (await auditActions(t, me.id, 0)).find((event) => event.action === 'user.create')!;
    expect(created.after).toMatchObject({ ignoredClaims: ['org_unit:nowhere'] });
  });

  it('refuses a deactivated person and ends nothing else', async () => {
    const admin = await t.signIn('admin');
    const list = (await t.call('GET', '/api/v1/users?q=sso-jiro', { cookie: admin })).body as {
      items: { id: string; version: number }[];
    };
    const jiroAccount = list.items[0]!;
    const deactivated = await t.call('PATCH', `/api/v1/users/${jiroAccount.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${jiroAccount.version}"` },
      body: { isActive: false },
    });
    expect(deactivated.status).toBe(200);
    const since = await lastAuditId(t);
    const callback = await signInThroughProvider(t, jiro);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/login?sso_error=deactivated');
    expect(cookieOf(callback, 'totonoe_session')).toBeNull();
    const events = await auditActions(t, null, since);
    expect(events.map((event) => event.action)).toEqual(['session.sign_in_failed']);
    expect(events[0]!.after).toMatchObject({ method: 'oidc', reason: 'deactivated', subject: jiro.subject });
    expect((await t.call('GET', '/api/v1/me', { cookie: admin })).status).toBe(200);
  });

  it('never takes over a local account by its login unless told to', async () => {
    const callback = await signInThroughProvider(t, takeover);
    expect(callback.headers.get('location')).toBe('/login?sso_error=account_conflict');
    const { rows } = await t.database.pool.query("select oidc_subject from users where login = 'staff1'");
    expect(rows[0].oidc_subject).toBeNull();
  });

  it('accepts the provider’s answer once, only in the browser that started, with the right state', async () => {
    const { location, ssoCookie } = await startSignIn(t);
    const callback = await signInAtProvider(location, hanako.login, hanako.password);
    const path = `${callback.pathname}${callback.search}`;

    const otherBrowser = await t.call('GET', path);
    expect(otherBrowser.headers.get('location')).toBe('/login?sso_error=expired');
    const forged = await t.call('GET', path, { cookie: 'totonoe_sso=forged-token' });
    expect(forged.headers.get('location')).toBe('/login?sso_error=expired');

    const first = await t.call('GET', path, { cookie: ssoCookie });
    expect(first.headers.get('location')).toBe('/clusters');
    const replay = await t.call('GET', path, { cookie: ssoCookie });
    expect(replay.headers.get('location')).toBe('/login?sso_error=expired');

    const second = await startSignIn(t);
    const answer = await signInAtProvider(second.location, hanako.login, hanako.password);
    answer.searchParams.set('state', 'tampered');
    const tampered = await t.call('GET', `${answer.pathname}${answer.search}`, { cookie: second.ssoCookie });
    expect(tampered.headers.get('location')).toBe('/login?sso_error=failed');
    expect(cookieOf(tampered, 'totonoe_session')).toBeNull();
  });

  it('ends an expired attempt and reports a cancelled sign-in', async () => {
    const { ssoCookie } = await startSignIn(t);
    await t.database.pool.query("update sso_sign_in_attempts set expires_at = now() - interval '1 second'");
    const expired = await t.call('GET', '/api/v1/sso/callback?code=x&state=y', { cookie: ssoCookie });
    expect(expired.headers.get('location')).toBe('/login?sso_error=expired');

    const cancelled = await startSignIn(t);
    const state = new URL(cancelled.location).searchParams.get('state')!;
    const answer = await t.call(
      'GET',
      `/api/v1/sso/callback?error=access_denied&state=${encodeURIComponent(state)}`,
      { cookie: cancelled.ssoCookie },
    );
    expect(answer.headers.get('location')).toBe('/login?sso_error=cancelled');
  });

  it('returns only to paths inside the app', async () => {
    for (const redirect of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      '/api/v1/me',
      '/login',
    ]) {
      const callback = await signInThroughProvider(t, hanako, redirect);
      expect(callback.headers.get('location')).toBe('/');
    }
  });

  it('links a local account by login when the installation allows it, then matches it by subject', async () => {
    const linking = await createConfiguredTestApp(environment({ TOTONOE_OIDC_LINK_BY_LOGIN: 'true' }));
    try {
      const { rows } = await linking.database.pool.query("select id from users where login = 'staff1'");
      const callback = await signInThroughProvider(linking, takeover);
      expect(callback.headers.get('location')).toBe('/clusters');
      const me = (await linking.call('GET', '/api/v1/me', { cookie: cookieOf(callback, 'totonoe_session')! }))
        .body as { id: string; login: string };
      expect(me).toMatchObject({ id: rows[0].id, login: 'staff1' });
      const events = await auditActions(linking, rows[0].id, 0);
      expect(events.map((event) => event.action)).toContain('user.link_oidc');
      // The local password still works until an administrator removes it.
      expect(await linking.signIn('staff1')).toMatch(/^totonoe_session=/);
    } finally {
      await linking.close();
    }
  });
});

describe('sign-in switches', () => {
  it('turns local passwords off with TOTONOE_LOCAL_LOGIN=false', async () => {
    const ssoOnly = await createConfiguredTestApp(environment({ TOTONOE_LOCAL_LOGIN: 'false' }));
    try {
      const methods = await ssoOnly.call('GET', '/api/v1/sign-in-methods');
      expect(methods.body).toEqual({ isLocalLoginEnabled: false, isSingleSignOnEnabled: true });
      const refused = await ssoOnly.call('POST', '/api/v1/session', {
        body: { login: 'staff1', password: 'totonoe-demo' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'local_login_disabled' });
      const callback = await signInThroughProvider(ssoOnly, hanako);
      expect(cookieOf(callback, 'totonoe_session')).toBeTruthy();
    } finally {
      await ssoOnly.close();
    }
  });

  it('has no single sign-on when no issuer is configured', async () => {
    const localOnly = await createConfiguredTestApp({});
    try {
      expect((await localOnly.call('GET', '/api/v1/sign-in-methods')).body).toEqual({
        isLocalLoginEnabled: true,
        isSingleSignOnEnabled: false,
      });
      expect((await localOnly.call('GET', '/api/v1/sso/login')).status).toBe(404);
      expect((await localOnly.call('GET', '/api/v1/sso/callback?code=x')).status).toBe(404);
    } finally {
      await localOnly.close();
    }
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const unreachable = await createConfiguredTestApp(
      environment({ TOTONOE_OIDC_ISSUER: 'http://127.0.0.1:9/unreachable' }),
    );
    try {
      const started = await unreachable.call('GET', '/api/v1/sso/login');
      expect(started.status).toBe(302);
      expect(started.headers.get('location')).toBe('/login?sso_error=unavailable');
    } finally {
      await unreachable.close();
    }
  });

  it('refuses a configuration with an issuer but no client or redirect URL', async () => {
    const { loadConfig } = await import('../../env.ts');
    expect(() => loadConfig({ TOTONOE_OIDC_ISSUER: 'https://id.example.lg.jp' })).toThrow(/CLIENT_ID/);
    expect(() =>
      loadConfig({ TOTONOE_OIDC_ISSUER: 'https://id.example.lg.jp', TOTONOE_OIDC_CLIENT_ID: 'x' }),
    ).toThrow(/REDIRECT_URL/);
    expect(
      loadConfig({
        TOTONOE_OIDC_ISSUER: 'https://id.example.lg.jp',
        TOTONOE_OIDC_CLIENT_ID: 'x',
        TOTONOE_PUBLIC_ORIGIN: 'https://totonoe.city.example.lg.jp',
      }).oidc?.redirectUrl,
    ).toBe('https://totonoe.city.example.lg.jp/api/v1/sso/callback');
  });
});
