import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, sessions, signInThrottles, userRoles, users } from '../../db/schema/index.ts';
import type { CurrentUser, RoleGrant } from '../../lib/context.ts';

/** Finds an account by login for sign-in (case-insensitive). */
export async function findAccountByLogin(db: Executor, login: string) {
  const rows = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(sql`lower(${users.login}) = lower(${login})`)
    .limit(1);
  return rows[0] ?? null;
}

/** Loads the user with roles as policies need them. */
export async function loadCurrentUser(
  db: Executor,
  userId: string,
): Promise<(CurrentUser & { isActive: boolean }) | null> {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      orgUnitId: users.orgUnitId,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  const user = rows[0];
  if (!user) return null;
  const roles: RoleGrant[] = await db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return { ...user, roles };
}

/** The profile shown by GET /me. */
export async function loadProfile(db: Executor, userId: string) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      displayNameKana: users.displayNameKana,
      email: users.email,
      orgUnitId: orgUnits.id,
      orgUnitCode: orgUnits.code,
      orgUnitName: orgUnits.name,
    })
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, userId))
    .limit(1);
  const profile = rows[0];
  if (!profile) return null;
  const roles = await db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId, orgUnitName: orgUnits.name })
    .from(userRoles)
    .leftJoin(orgUnits, eq(orgUnits.id, userRoles.orgUnitId))
    .where(eq(userRoles.userId, userId));
  return { ...profile, roles };
}

/** Inserts a session row. */
export async function insertSession(
  db: Executor,
  values: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db.insert(sessions).values(values);
}

/**
 * A session with its user and the user's roles, in one round trip: every signed-in request asks
 * this first. (Not a named prepared statement: the embedded database is one PostgreSQL session
 * behind every pooled connection, so a name prepared through one connection collides with the
 * next connection's.)
 */
export async function findSessionWithUser(db: Executor, id: string) {
  const row = (
    await db
      .select({
        session: { userId: sessions.userId, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt },
        user: {
          id: users.id,
          login: users.login,
          displayName: users.displayName,
          orgUnitId: users.orgUnitId,
          isActive: users.isActive,
        },
        roles: sql<
          RoleGrant[]
        >`coalesce((select json_agg(json_build_object('role', ${userRoles.role}, 'orgUnitId', ${userRoles.orgUnitId})) from ${userRoles} where ${userRoles.userId} = ${sessions.userId}), '[]'::json)`,
      })
      .from(sessions)
      .leftJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .limit(1)
  )[0];
  if (!row) return null;
  return {
    session: row.session,
    user: row.user ? { ...row.user, roles: row.roles } : null,
  };
}

/** Reads a session by its hashed id. */
export async function findSession(db: Executor, id: string) {
  const rows = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Marks a session as used now. */
export async function touchSession(db: Executor, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

/** Ends one session. */
export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (deactivation, password change). */
export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past their absolute expiry. */
export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The throttle row of a login, locked for update inside a transaction. */
export async function lockThrottle(db: Executor, login: string) {
  await db
    .insert(signInThrottles)
    .values({ login, failureCount: 0, windowStartedAt: new Date() })
    .onConflictDoNothing();
  const rows = await db.select().from(signInThrottles).where(eq(signInThrottles.login, login)).for('update');
  return rows[0]!;
}

/** Saves a throttle row. */
export async function saveThrottle(
  db: Executor,
  login: string,
  values: { failureCount: number; windowStartedAt: Date; lockedUntil: Date | null },
) {
  await db
    .update(signInThrottles)
    .set(values)
    .where(and(eq(signInThrottles.login, login)));
}
