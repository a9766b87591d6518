import { randomBytes } from 'node:crypto';
import type { Transaction } from '../../db/client.ts';
import { sessionIdOf } from '../auth/sign-in.ts';
import type { AuthorizationRequest } from './oidc-client.ts';
import { insertSignInAttempt } from './sso.queries.ts';

export const SSO_ATTEMPT_MINUTES = 10;

/**
 * Remembers a started single sign-on (state, nonce, PKCE verifier, where to return) under a fresh
 * browser token; returns the token for the browser's cookie.
 */
export async function startSsoSignIn(
  tx: Transaction,
  options: { request: AuthorizationRequest; redirectPath: string; now?: Date },
): Promise<{ browserToken: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const browserToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SSO_ATTEMPT_MINUTES * 60 * 1000);
  await insertSignInAttempt(tx, {
    id: sessionIdOf(browserToken),
    state: options.request.state,
    nonce: options.request.nonce,
    codeVerifier: options.request.codeVerifier,
    redirectPath: options.redirectPath,
    expiresAt,
  });
  return { browserToken, expiresAt };
}
