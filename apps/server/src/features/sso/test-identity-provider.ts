import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person the test provider knows: what they type to sign in and the claims it sends about them. */
export type TestIdentity = {
  login: string;
  password: string;
  subject: string;
  claims: Record<string, unknown>;
};

export type TestClient = { clientId: string; clientSecret: string; redirectUri: string };

export type TestIdentityProvider = {
  issuer: string;
  /** Adds or replaces a person (claims may change between sign-ins). */
  setIdentity: (identity: TestIdentity) => void;
  close: () => Promise<void>;
};

// Claims the provider may release under the profile scope; org_unit and roles are the city's own.
const PROFILE_CLAIMS = ['name', 'preferred_username', 'name_kana', 'org_unit', 'roles'];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

function signInPage(uid: string, message: string | null): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>統合認証（テスト用）</title></head>
<body><main><h1>統合認証（テスト用）</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<p><label for="login">ユーザーID</label> <input id="login" name="login" autocomplete="username"></p>
<p><label for="password">パスワード</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">サインイン</button></p>
</form></main></body></html>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a loopback port, with its own sign-in page
 * (ユーザーID and パスワード) and consent given in advance for the registered client, as a city's
 * identity provider does for its own applications.
 */
export async function startTestIdentityProvider(options: {
  client: TestClient;
  identities: TestIdentity[];
}): Promise<TestIdentityProvider> {
  const byLogin = new Map(options.identities.map((identity) => [identity.login, identity]));
  const bySubject = () => new Map([...byLogin.values()].map((identity) => [identity.subject, identity]));
  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const tenMinutes = () => 600;
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    ttl: {
      Interaction: tenMinutes,
      Session: tenMinutes,
      Grant: tenMinutes,
      AccessToken: tenMinutes,
      IdToken: tenMinutes,
      AuthorizationCode: () => 60,
    },
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: [options.client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: PROFILE_CLAIMS, email: ['email', 'email_verified'] },
    scopes: ['openid', 'profile', 'email'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['totonoe-test-identity-provider'] },
    findAccount: (_ctx, subject) => {
      const identity = bySubject().get(subject);
      if (!identity) return undefined;
      return { accountId: subject, claims: () => ({ sub: subject, ...identity.claims }) };
    },
    // The city's own applications need no consent screen: the grant is made on first use.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  const providerCallback = provider.callback();

  handler = (request, response) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(request.url ?? '');
    if (!match) {
      providerCallback(request, response);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(request, response);
        if (details.uid !== match[1]) throw new Error('interaction mismatch');
        if (request.method === 'POST') {
          const form = await readForm(request);
          const identity = byLogin.get(form.get('login') ?? '');
          if (!identity || identity.password !== form.get('password')) {
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(signInPage(details.uid, 'ユーザーIDまたはパスワードが違います。'));
            return;
          }
          await provider.interactionFinished(
            request,
            response,
            { login: { accountId: identity.subject } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(signInPage(details.uid, null));
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(String(error));
      }
    })();
  };

  return {
    issuer,
    setIdentity: (identity) => {
      byLogin.set(identity.login, identity);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Cookies of one browser at one host, enough to follow the provider's redirects in tests. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      if (index > 0) this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays the browser at the provider: opens the authorisation URL, signs in on the provider's page
 * and follows redirects until the provider sends the browser back to the app. Returns that URL.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  password: string,
): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 20; step++) {
    if (url.origin !== origin) return url;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: {
        cookie: jar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ?? undefined,
      redirect: 'manual',
    });
    jar.store(response);
    form = null;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200 || !html.includes('name="login"')) {
      throw new Error(`unexpected answer from the provider: ${response.status} ${html.slice(0, 300)}`);
    }
    if (html.includes('role="alert"')) throw new Error('the provider refused the sign-in');
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error('no sign-in form at the provider');
    url = new URL(action, url);
    form = new URLSearchParams({ login, password });
  }
  throw new Error('too many redirects at the provider');
}
