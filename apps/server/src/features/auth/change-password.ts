import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser, insertSession, saveThrottle } from './sessions.queries.ts';
import { reserveAttempt } from './sign-in.ts';

/**
 * Changes the signed-in user's own password after checking the current one. Wrong current
 * passwords count against the same limit as sign-ins (10 in 15 minutes, then 429), every session
 * of the user ends, and the caller gets a fresh one.
 */
export async function changeOwnPassword(
  db: Database,
  options: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    absoluteHours: number;
    actor: Actor;
    now?: Date;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const key = `password-change:${options.userId}`;
  await reserveAttempt(db, key, now);
  const rows = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, options.userId))
    .limit(1);
  const passwordHash = rows[0]?.passwordHash;
  if (!passwordHash || !(await verifyPassword(passwordHash, options.currentPassword))) {
    throw new AppError('invalid_credentials', {
      messages: { ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
    });
  }
  const newHash = await hashPassword(options.newPassword);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + options.absoluteHours * 3600 * 1000);
  await db.transaction(async (tx) => {
    await saveThrottle(tx, key, { failureCount: 0, windowStartedAt: now, lockedUntil: null });
    await tx
      .update(users)
      .set({ passwordHash: newHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, options.userId));
    await deleteSessionsOfUser(tx, options.userId);
    await insertSession(tx, {
      id: createHash('sha256').update(token).digest('base64url'),
      userId: options.userId,
      expiresAt,
      ip: options.actor.ip ?? null,
      userAgent: null,
    });
    await recordAudit(tx, options.actor, {
      action: 'user.change_own_password',
      entityType: 'user',
      entityId: options.userId,
    });
  });
  return { token, expiresAt };
}
