import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, userRoles, users } from '../../db/schema/index.ts';
import type { RoleGrant } from '../../lib/context.ts';

export type UserFilter = { q?: string; orgUnitId?: string; role?: RoleGrant['role']; isActive?: boolean };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function filterConditions(filter: UserFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      or(
        ilike(users.login, pattern),
        ilike(users.displayName, pattern),
        ilike(users.displayNameKana, pattern),
        ilike(users.email, pattern),
      )!,
    );
  }
  if (filter.orgUnitId) conditions.push(eq(users.orgUnitId, filter.orgUnitId));
  if (filter.isActive !== undefined) conditions.push(eq(users.isActive, filter.isActive));
  if (filter.role) {
    conditions.push(
      inArray(
        users.id,
        sql`(select ${userRoles.userId} from ${userRoles} where ${userRoles.role} = ${filter.role})`,
      ),
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** A page of users with their org unit and roles. */
export async function listUsers(db: Executor, filter: UserFilter, page: number, pageSize: number) {
  const where = filterConditions(filter);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: users.id,
        login: users.login,
        displayName: users.displayName,
        displayNameKana: users.displayNameKana,
        email: users.email,
        orgUnitId: users.orgUnitId,
        orgUnitName: orgUnits.name,
        isActive: users.isActive,
        version: users.version,
      })
      .from(users)
      .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(where)
      .orderBy(asc(users.login))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  const roles = rows.length
    ? await db
        .select({ userId: userRoles.userId, role: userRoles.role, orgUnitId: userRoles.orgUnitId })
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return {
    items: rows.map((row) => ({
      ...row,
      roles: roles
        .filter((grant) => grant.userId === row.id)
        .map(({ role, orgUnitId }) => ({ role, orgUnitId })),
    })),
    total: Number(totals[0]?.total ?? 0),
  };
}

/** One user with roles, or null. */
export async function findUser(db: Executor, id: string) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      displayNameKana: users.displayNameKana,
      email: users.email,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      isActive: users.isActive,
      version: users.version,
    })
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const roles = await db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, id));
  return { ...row, roles };
}

export type UserDetail = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Locks a user row until the transaction ends, so a version check and the update that follows are one step. */
export async function lockUserRow(db: Executor, id: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
}

/** True when a login is taken (case-insensitive). */
export async function isLoginTaken(db: Executor, login: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.login}) = lower(${login})`)
    .limit(1);
  return rows.length > 0;
}

/** Inserts a user row. */
export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<string> {
  const rows = await db.insert(users).values(values).returning({ id: users.id });
  return rows[0]!.id;
}

/** Updates a user row and bumps its version. */
export async function updateUserRow(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
  version: number,
) {
  await db
    .update(users)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Replaces a user's role grants. */
export async function replaceRoles(db: Executor, userId: string, roles: RoleGrant[]) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((grant) => ({ userId, ...grant })));
}

/** Ids of org units that exist among the given ones. */
export async function existingOrgUnitIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  return new Set(rows.map((row) => row.id));
}
