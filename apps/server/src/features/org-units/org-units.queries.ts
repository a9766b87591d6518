import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type OrgUnitValues = Omit<typeof orgUnits.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Every org unit in display order. */
export function listOrgUnits(db: Executor) {
  return db.select().from(orgUnits).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/** One org unit, or null. */
export async function findOrgUnit(db: Executor, id: string): Promise<OrgUnitRow | null> {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows[0] ?? null;
}

/** One org unit locked until the transaction ends, or null. */
export async function lockOrgUnit(db: Executor, id: string): Promise<OrgUnitRow | null> {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** One org unit by its code, or null. */
export async function findOrgUnitByCode(db: Executor, code: string): Promise<OrgUnitRow | null> {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.code, code)).limit(1);
  return rows[0] ?? null;
}

/** Inserts an org unit. */
export async function insertOrgUnit(db: Executor, values: OrgUnitValues): Promise<OrgUnitRow> {
  const rows = await db.insert(orgUnits).values(values).returning();
  return rows[0]!;
}

/** Updates an org unit and bumps its version. */
export async function updateOrgUnitRow(
  db: Executor,
  id: string,
  values: Partial<OrgUnitValues>,
  version: number,
) {
  const rows = await db
    .update(orgUnits)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(eq(orgUnits.id, id))
    .returning();
  return rows[0]!;
}
