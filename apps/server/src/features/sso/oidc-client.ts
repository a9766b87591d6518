import * as client from 'openid-client';
import type { OidcConfig } from '../../env.ts';

const REQUEST_TIMEOUT_SECONDS = 10;

// One discovery per configuration and process; a failed discovery is not kept, so the next sign-in retries.
const configurations = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** True for http://localhost and 127.0.0.1 / ::1: an identity provider on the same machine (tests, trials). */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's metadata and our client, discovered once from the issuer. */
export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let pending = configurations.get(oidc);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    // Plain HTTP only for a provider on this machine; anywhere else the provider must use TLS.
    const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [];
    pending = client.discovery(
      issuer,
      oidc.clientId,
      undefined,
      oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
      { execute, timeout: REQUEST_TIMEOUT_SECONDS },
    );
    pending.catch(() => configurations.delete(oidc));
    configurations.set(oidc, pending);
  }
  return pending;
}

export type AuthorizationRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

/** Builds the provider's authorisation URL for the code flow with PKCE (S256), a state and a nonce. */
export async function buildAuthorizationRequest(oidc: OidcConfig): Promise<AuthorizationRequest> {
  const configuration = await oidcConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUrl,
    scope: oidc.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the authorisation code for tokens (checking state, nonce, PKCE and the ID token) and
 * returns the ID token's claims merged with UserInfo's, which many providers keep profile claims in.
 */
export async function exchangeAuthorizationCode(
  oidc: OidcConfig,
  callbackSearch: URLSearchParams,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const configuration = await oidcConfiguration(oidc);
  // The URL the provider redirected to, rebuilt from configuration rather than from request headers.
  const currentUrl = new URL(oidc.redirectUrl);
  currentUrl.search = callbackSearch.toString();
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('The provider returned no ID token');
  let userInfo: Record<string, unknown> = {};
  if (configuration.serverMetadata().userinfo_endpoint) {
    userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
  }
  return { ...userInfo, ...idClaims };
}
