import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import {
  deleteSession,
  findAccountByLogin,
  insertSession,
  lockThrottle,
  saveThrottle,
} from './sessions.queries.ts';

export const MAX_FAILED_SIGN_INS = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** The session id stored in the database: SHA-256 of the cookie token, so a database leak yields no cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function throttleKey(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/**
 * Counts an attempt before checking the password, so parallel guesses cannot exceed the limit;
 * a successful sign-in clears the count again.
 */
export async function reserveAttempt(db: Database, key: string, now: Date): Promise<void> {
  const lockedUntil = await db.transaction(async (tx) => {
    const row = await lockThrottle(tx, key);
    if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
    const isWindowOver = now.getTime() - row.windowStartedAt.getTime() > THROTTLE_WINDOW_MS;
    const failureCount = isWindowOver ? 1 : row.failureCount + 1;
    const windowStartedAt = isWindowOver ? now : row.windowStartedAt;
    const nextLock = failureCount > MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : null;
    await saveThrottle(tx, key, { failureCount, windowStartedAt, lockedUntil: nextLock });
    return nextLock;
  });
  if (lockedUntil) {
    const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    throw new AppError('too_many_attempts', { headers: { 'retry-after': String(retryAfter) } });
  }
}

/** Signs a person in: checks the lockout, the password and the account, then opens a fresh session. */
export async function signIn(
  db: Database,
  options: {
    login: string;
    password: string;
    previousSessionId: string | null;
    absoluteHours: number;
    actor: Actor;
    userAgent: string | null;
    now?: Date;
  },
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const key = throttleKey(options.login);
  await reserveAttempt(db, key, now);

  const account = await findAccountByLogin(db, options.login.normalize('NFKC').trim());
  let isPasswordRight = false;
  if (account?.passwordHash) isPasswordRight = await verifyPassword(account.passwordHash, options.password);
  else await verifyAgainstDummy(options.password);
  if (!account || !isPasswordRight || !account.isActive) {
    await db.transaction((tx) =>
      recordAudit(tx, options.actor, {
        action: 'session.sign_in_failed',
        entityType: 'session',
        entityId: null,
        after: { login: key.slice(0, 200) },
      }),
    );
    throw new AppError('invalid_credentials');
  }

  // A new token at every sign-in: a session id planted before sign-in is never promoted.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.absoluteHours * 3600 * 1000);
  await db.transaction(async (tx) => {
    await saveThrottle(tx, key, { failureCount: 0, windowStartedAt: now, lockedUntil: null });
    if (options.previousSessionId) await deleteSession(tx, options.previousSessionId);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: account.id,
      expiresAt,
      ip: options.actor.ip ?? null,
      userAgent: options.userAgent?.slice(0, 500) ?? null,
    });
    await recordAudit(
      tx,
      { ...options.actor, userId: account.id },
      {
        action: 'session.sign_in',
        entityType: 'user',
        entityId: account.id,
      },
    );
  });
  return { token, userId: account.id, expiresAt };
}
