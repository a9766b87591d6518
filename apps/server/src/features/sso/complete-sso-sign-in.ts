import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { OidcConfig } from '../../env.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { logger } from '../../lib/logger.ts';
import { deleteSession, insertSession } from '../auth/sessions.queries.ts';
import { sessionIdOf } from '../auth/sign-in.ts';
import { readIdentityClaims } from './claims.ts';
import { exchangeAuthorizationCode } from './oidc-client.ts';
import { provisionSsoAccount } from './provision-sso-account.ts';
import { takeSignInAttempt } from './sso.queries.ts';
import { SsoSignInError } from './sso-sign-in-error.ts';

export type SsoSignInResult = { token: string; userId: string; expiresAt: Date; redirectPath: string };

async function recordFailure(db: Database, actor: Actor, reason: string, subject: string | null) {
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'session.sign_in_failed',
      entityType: 'session',
      entityId: null,
      after: { method: 'oidc', reason, subject },
    }),
  );
}

/**
 * Finishes a single sign-on: the started attempt is taken (once, from this browser only), the code
 * is exchanged with PKCE and the ID token checked, the account is found or created from the claims,
 * and a fresh session is opened. Every refusal is audited and thrown as an SsoSignInError.
 */
export async function completeSsoSignIn(
  db: Database,
  options: {
    oidc: OidcConfig;
    browserToken: string | undefined;
    callbackSearch: URLSearchParams;
    previousSessionId: string | null;
    absoluteHours: number;
    actor: Actor;
    userAgent: string | null;
    now?: Date;
  },
): Promise<SsoSignInResult> {
  const now = options.now ?? new Date();
  const attempt =
    options.browserToken && options.browserToken.length <= 100
      ? await db.transaction((tx) => takeSignInAttempt(tx, sessionIdOf(options.browserToken!)))
      : null;
  if (!attempt || attempt.expiresAt <= now) {
    await recordFailure(db, options.actor, 'expired', null);
    throw new SsoSignInError('expired');
  }
  const providerError = options.callbackSearch.get('error');
  if (providerError) {
    const reason = providerError === 'access_denied' ? 'cancelled' : 'failed';
    await recordFailure(db, options.actor, `${reason}:${providerError.slice(0, 100)}`, null);
    throw new SsoSignInError(reason);
  }

  let claims: Record<string, unknown>;
  try {
    claims = await exchangeAuthorizationCode(options.oidc, options.callbackSearch, attempt);
  } catch (error) {
    const isUnreachable = error instanceof TypeError || (error as Error)?.name === 'TimeoutError';
    logger.warn('single sign-on: code exchange failed', { error: String(error) });
    await recordFailure(db, options.actor, isUnreachable ? 'unavailable' : 'failed', null);
    throw new SsoSignInError(isUnreachable ? 'unavailable' : 'failed', { cause: error });
  }
  const identity = readIdentityClaims(claims, options.oidc.claims);
  if (!identity) {
    await recordFailure(db, options.actor, 'claims_unusable', null);
    throw new SsoSignInError('failed');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.absoluteHours * 3600 * 1000);
  try {
    const { userId } = await db.transaction(async (tx) => {
      const account = await provisionSsoAccount(tx, { identity, oidc: options.oidc, actor: options.actor });
      if (options.previousSessionId) await deleteSession(tx, options.previousSessionId);
      await insertSession(tx, {
        id: sessionIdOf(token),
        userId: account.userId,
        expiresAt,
        ip: options.actor.ip ?? null,
        userAgent: options.userAgent?.slice(0, 500) ?? null,
      });
      await recordAudit(
        tx,
        { ...options.actor, userId: account.userId },
        {
          action: 'session.sign_in',
          entityType: 'user',
          entityId: account.userId,
          after: { method: 'oidc' },
        },
      );
      return account;
    });
    return { token, userId, expiresAt, redirectPath: attempt.redirectPath };
  } catch (error) {
    const reason = error instanceof SsoSignInError ? error.reason : 'failed';
    if (!(error instanceof SsoSignInError))
      logger.error('single sign-on: provisioning failed', { error: String(error) });
    await recordFailure(db, options.actor, reason, identity.subject);
    throw error instanceof SsoSignInError ? error : new SsoSignInError('failed', { cause: error });
  }
}
