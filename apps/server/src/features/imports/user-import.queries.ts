import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, userRoles, users } from '../../db/schema/index.ts';
import type { RoleGrant } from '../../lib/context.ts';

export type UserImportValues = {
  login: string;
  displayName: string;
  displayNameKana: string | null;
  email: string | null;
  orgUnitId: string | null;
  /** null: keep the roles the person holds. */
  roles: RoleGrant[] | null;
  isActive: boolean;
};

/** Every account with its org unit code and roles, as the import compares and the export writes them. */
export async function listUsersForImport(db: Executor) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      displayNameKana: users.displayNameKana,
      email: users.email,
      orgUnitId: users.orgUnitId,
      orgUnitCode: orgUnits.code,
      isActive: users.isActive,
    })
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .orderBy(asc(users.login));
  const grants = await db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      orgUnitId: userRoles.orgUnitId,
      orgUnitCode: orgUnits.code,
    })
    .from(userRoles)
    .leftJoin(orgUnits, eq(orgUnits.id, userRoles.orgUnitId))
    .orderBy(asc(userRoles.role), asc(orgUnits.code));
  const byUser = new Map<string, typeof grants>();
  for (const grant of grants) {
    const list = byUser.get(grant.userId) ?? [];
    list.push(grant);
    byUser.set(grant.userId, list);
  }
  return rows.map((row) => ({ ...row, roles: byUser.get(row.id) ?? [] }));
}

/** Org unit ids and codes. */
export async function listOrgUnitCodes(db: Executor) {
  return db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
}

/** Inserts accounts (without passwords) and returns their ids by lower-case login. */
export async function insertImportedUsers(db: Executor, values: UserImportValues[]) {
  const ids = new Map<string, string>();
  for (let start = 0; start < values.length; start += 500) {
    const rows = await db
      .insert(users)
      .values(
        values
          .slice(start, start + 500)
          .map(({ roles: _roles, ...user }) => ({ ...user, passwordHash: null })),
      )
      .returning({ id: users.id, login: users.login });
    for (const row of rows) ids.set(row.login.toLowerCase(), row.id);
  }
  return ids;
}

/** Updates an account's fields and bumps its version. */
export async function updateImportedUser(db: Executor, id: string, values: UserImportValues) {
  const { roles: _roles, login: _login, ...fields } = values;
  await db
    .update(users)
    .set({ ...fields, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Replaces the roles of several people at once. */
export async function replaceRolesOfMany(db: Executor, grantsByUser: Map<string, RoleGrant[]>) {
  const ids = [...grantsByUser.keys()];
  for (let start = 0; start < ids.length; start += 500) {
    await db.delete(userRoles).where(inArray(userRoles.userId, ids.slice(start, start + 500)));
  }
  const rows = [...grantsByUser].flatMap(([userId, grants]) => grants.map((grant) => ({ userId, ...grant })));
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insert(userRoles).values(rows.slice(start, start + 1000));
  }
}
