export const ORG_UNIT_LEVELS = ['bureau', 'ward', 'office', 'department', 'section', 'unit'] as const;

/** 局 / 区 / 室 / 部 / 課 / 係 */
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** An org unit as `GET /api/v1/org-units` lists it. */
export type OrgUnit = {
  id: string;
  code: string;
  name: string;
  nameKana: string | null;
  level: OrgUnitLevel;
  parentId: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  sortOrder: number;
  /** Present if the server lists it; otherwise the ETag is read from `GET /org-units/:id`. */
  version?: number;
};

/** The fields `POST /api/v1/org-units` takes and `PATCH /api/v1/org-units/:id` may change. */
export type OrgUnitInput = {
  code: string;
  name: string;
  nameKana: string | null;
  level: OrgUnitLevel;
  parentId: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  sortOrder: number;
};
