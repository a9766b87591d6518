import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../apps/server/src/features/sso/test-identity-provider.ts';
import { type RunningApp, reservePort, startAppWithEnvironment } from './app-with-environment.ts';
import { expectAccessible, launchBrowser } from './helpers.ts';

const CLIENT_SECRET = 'journey-client-secret-of-reasonable-length';

let browser: Browser;
let provider: TestIdentityProvider;
let app: RunningApp;

beforeAll(async () => {
  const port = await reservePort();
  const redirectUri = `http://127.0.0.1:${port}/api/v1/sso/callback`;
  provider = await startTestIdentityProvider({
    client: { clientId: 'totonoe', clientSecret: CLIENT_SECRET, redirectUri },
    identities: [
      {
        login: 'sato.misaki',
        password: 'provider-password',
        subject: 'e2e-subject-misaki',
        claims: {
          preferred_username: 'sato.misaki',
          name: '佐藤 美咲',
          email: 'misaki.sato@city.example.lg.jp',
          org_unit: 'kodomo',
          roles: ['staff', 'department_staff'],
        },
      },
    ],
  });
  app = await startAppWithEnvironment(
    {
      TOTONOE_OIDC_ISSUER: provider.issuer,
      TOTONOE_OIDC_CLIENT_ID: 'totonoe',
      TOTONOE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      TOTONOE_OIDC_REDIRECT_URL: redirectUri,
    },
    { port },
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await provider?.close();
});

/** A page that fails the test on a request to any host but the app and the identity provider. */
async function newSsoPage(): Promise<{ page: Page; outside: string[] }> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(app.baseUrl) && !url.startsWith(provider.issuer) && !url.startsWith('data:'))
      outside.push(url);
  });
  return { page, outside };
}

describe('single sign-on journey', () => {
  it('signs in through the city’s identity provider and lands as the right person in the right org unit', async () => {
    const { page, outside } = await newSsoPage();
    await page.goto(`${app.baseUrl}/clusters`);
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/login/);
    const ssoButton = page.getByRole('link', { name: '統合認証でログイン' });
    await ssoButton.waitFor();
    // Local accounts stay available beside it.
    await page.getByLabel('ログインID').waitFor();
    await expectAccessible(page);

    await ssoButton.click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByLabel('ユーザーID').fill('sato.misaki');
    await page.getByLabel('パスワード').fill('provider-password');
    await page.getByRole('button', { name: 'サインイン' }).click();

    await page.waitForURL((url) => url.href.startsWith(app.baseUrl) && !url.pathname.startsWith('/login'));
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('banner').getByText('佐藤 美咲').first().waitFor();
    const me = (await page.evaluate(() => fetch('/api/v1/me').then((response) => response.json()))) as {
      login: string;
      email: string;
      orgUnit: { code: string; name: string };
      roles: { role: string; orgUnitName: string | null }[];
    };
    expect(me).toMatchObject({
      login: 'sato.misaki',
      email: 'misaki.sato@city.example.lg.jp',
      orgUnit: { code: 'kodomo', name: '子ども家庭局' },
    });
    expect(me.roles.map((grant) => `${grant.role}:${grant.orgUnitName ?? ''}`).sort()).toEqual([
      'department_staff:子ども家庭局',
      'staff:',
    ]);
    await expectAccessible(page);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('explains on the sign-in page why a single sign-on did not sign the person in', async () => {
    const { page } = await newSsoPage();
    await page.goto(`${app.baseUrl}/api/v1/sso/callback?code=forged&state=forged`);
    await page.waitForURL(/\/login\?sso_error=expired/);
    await page.getByRole('alert').getByText('有効期限が切れました').waitFor();
    await expectAccessible(page);
    await page.close();
  });
});
