import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/index.ts';

export type OrgUnitImportValues = {
  code: string;
  name: string;
  nameKana: string | null;
  nameEn: string | null;
  level: (typeof orgUnits.$inferSelect)['level'];
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  sortOrder: number;
};

/** Every org unit with its parent's code, as the import compares and the export writes them. */
export async function listOrgUnitsForImport(db: Executor) {
  const parent = alias(orgUnits, 'parent');
  return db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      nameKana: orgUnits.nameKana,
      nameEn: orgUnits.nameEn,
      level: orgUnits.level,
      parentCode: parent.code,
      effectiveFrom: orgUnits.effectiveFrom,
      effectiveTo: orgUnits.effectiveTo,
      sortOrder: orgUnits.sortOrder,
      version: orgUnits.version,
    })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
}

/** Inserts org units (without parents yet) and returns their ids by code. */
export async function insertImportedOrgUnits(db: Executor, values: OrgUnitImportValues[]) {
  const ids = new Map<string, string>();
  for (let start = 0; start < values.length; start += 500) {
    const rows = await db
      .insert(orgUnits)
      .values(
        values
          .slice(start, start + 500)
          .map(({ parentCode: _parent, ...unit }) => ({ ...unit, parentId: null })),
      )
      .returning({ id: orgUnits.id, code: orgUnits.code });
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
}

/** Updates an org unit's fields (not its parent) and bumps its version. */
export async function updateImportedOrgUnit(db: Executor, code: string, values: OrgUnitImportValues) {
  const { parentCode: _parent, ...fields } = values;
  await db
    .update(orgUnits)
    .set({ ...fields, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
    .where(eq(orgUnits.code, code));
}

/** Sets an org unit's parent (by id). */
export async function setOrgUnitParent(db: Executor, id: string, parentId: string | null) {
  await db.update(orgUnits).set({ parentId }).where(eq(orgUnits.id, id));
}
