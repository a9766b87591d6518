import { z } from '@hono/zod-openapi';
import { ORG_UNIT_LEVELS } from '@totonoe/domain';
import type { OrgUnitRow } from './org-units.queries.ts';

export const orgUnitSchema = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    name: z.string(),
    nameKana: z.string().nullable(),
    nameEn: z.string().nullable(),
    level: z.enum(ORG_UNIT_LEVELS),
    parentId: z.string().uuid().nullable(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    sortOrder: z.number().int(),
    isDemo: z.boolean(),
    version: z.number().int(),
  })
  .openapi('OrgUnit');

/** Shapes an org unit. */
export function presentOrgUnit(row: OrgUnitRow): z.infer<typeof orgUnitSchema> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameKana: row.nameKana,
    nameEn: row.nameEn,
    level: row.level,
    parentId: row.parentId,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    sortOrder: row.sortOrder,
    isDemo: row.isDemo,
    version: row.version,
  };
}
