import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, ssoSignInAttempts, userRoles, users } from '../../db/schema/index.ts';
import type { RoleGrant } from '../../lib/context.ts';

/** Stores a started sign-in and clears those that were never finished. */
export async function insertSignInAttempt(db: Executor, values: typeof ssoSignInAttempts.$inferInsert) {
  await db.delete(ssoSignInAttempts).where(lt(ssoSignInAttempts.expiresAt, new Date()));
  await db.insert(ssoSignInAttempts).values(values);
}

/** Takes a started sign-in out of the table (each is used at most once); null when unknown. */
export async function takeSignInAttempt(db: Executor, id: string) {
  const rows = await db.delete(ssoSignInAttempts).where(eq(ssoSignInAttempts.id, id)).returning();
  return rows[0] ?? null;
}

const accountColumns = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  displayNameKana: users.displayNameKana,
  email: users.email,
  orgUnitId: users.orgUnitId,
  isActive: users.isActive,
  oidcSubject: users.oidcSubject,
  version: users.version,
};

/** The account bound to a provider subject, locked for the update that follows. */
export async function lockAccountBySubject(db: Executor, subject: string) {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .where(eq(users.oidcSubject, subject))
    .for('update');
  return rows[0] ?? null;
}

/** The account with a login (case-insensitive), locked. */
export async function lockAccountByLogin(db: Executor, login: string) {
  const rows = await db
    .select(accountColumns)
    .from(users)
    .where(sql`lower(${users.login}) = lower(${login})`)
    .for('update');
  return rows[0] ?? null;
}

export type SsoAccount = NonNullable<Awaited<ReturnType<typeof lockAccountBySubject>>>;

/** Org unit ids by code, for the codes that exist and are in effect today. */
export async function orgUnitIdsByCode(db: Executor, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.code, unique),
        sql`(${orgUnits.effectiveTo} is null or ${orgUnits.effectiveTo} >= current_date)`,
      ),
    );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The roles a user holds. */
export async function rolesOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
}

/** Inserts an account created from a provider's claims (no password: it signs in through the provider). */
export async function insertSsoAccount(
  db: Executor,
  values: Pick<
    typeof users.$inferInsert,
    'login' | 'displayName' | 'displayNameKana' | 'email' | 'orgUnitId' | 'oidcSubject'
  >,
): Promise<string> {
  const rows = await db
    .insert(users)
    .values({ ...values, passwordHash: null })
    .returning({ id: users.id });
  return rows[0]!.id;
}

/** Updates an account from claims and bumps its version. */
export async function updateSsoAccount(
  db: Executor,
  id: string,
  values: Partial<
    Pick<
      typeof users.$inferInsert,
      'login' | 'displayName' | 'displayNameKana' | 'email' | 'orgUnitId' | 'oidcSubject'
    >
  >,
  version: number,
) {
  await db
    .update(users)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Replaces a user's roles. */
export async function replaceRolesOf(db: Executor, userId: string, roles: RoleGrant[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((grant) => ({ userId, ...grant })));
}
