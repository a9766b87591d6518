/** Types shared by several features; each feature keeps its own resource types in its `types.ts`. */

/** A text the server sends in both languages (problem messages and the like). */
export type LocalizedText = { ja: string; en: string };

export const ROLES = [
  'reform_office',
  'executive',
  'bureau_head',
  'department_staff',
  'staff',
  'pt_member',
  'system_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that only make sense together with an org unit. */
export const SCOPED_ROLES: readonly Role[] = ['bureau_head', 'department_staff', 'pt_member'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isScopedRole(role: Role): boolean {
  return SCOPED_ROLES.includes(role);
}

/** The signed-in user as `GET /api/v1/me` returns it. */
export type Me = {
  id: string;
  login: string;
  displayName: string;
  displayNameKana: string | null;
  email: string | null;
  orgUnit: { id: string; code: string; name: string } | null;
  roles: { role: Role; orgUnitId: string | null; orgUnitName: string | null }[];
};

/** A page of a paged list endpoint. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** 年度 as `GET /api/v1/fiscal-years` lists it (label: 令和6年度). */
export type FiscalYear = { year: number; label: string; labelEn?: string; isCurrent: boolean };
