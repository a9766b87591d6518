import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/** Every role a person can hold; a person may hold several. */
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

/**
 * Roles that only mean something together with a scope: bureau heads and department staff
 * act for one org unit, PT members for one Platinum campaign (its project team).
 */
export const SCOPED_ROLES = ['bureau_head', 'department_staff', 'pt_member'] as const;

export type ScopedRole = (typeof SCOPED_ROLES)[number];

/** One role held by a person; `scope` is the org unit or campaign id for scoped roles, null otherwise. */
export type RoleAssignment = { role: Role; scope: string | null };

const ROLE_LABELS: Readonly<Record<Role, LocalizedText>> = {
  reform_office: { ja: '市政変革室', en: 'Reform Office' },
  executive: { ja: '経営層', en: 'Executive' },
  bureau_head: { ja: '局長・区長等', en: 'Bureau or Ward Head' },
  department_staff: { ja: '所管部署担当', en: 'Department Staff' },
  staff: { ja: '職員', en: 'Staff' },
  pt_member: { ja: 'プラチナPTメンバー', en: 'Platinum PT Member' },
  system_admin: { ja: 'システム管理者', en: 'System Administrator' },
};

/** Zod schema for a role identifier. */
export const roleSchema = z.enum(ROLES);

// Tells whether an unknown value is a role identifier.
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// Tells whether a role must be bound to a scope (an org unit or, for PT members, a campaign).
export function isScopedRole(role: Role): role is ScopedRole {
  return (SCOPED_ROLES as readonly string[]).includes(role);
}

// Returns the display name of a role (ja 市政変革室 …, en Reform Office …).
export function roleLabel(role: Role, locale: Locale = 'ja'): string {
  const label = ROLE_LABELS[role];
  if (label === undefined) {
    throw new RangeError(`Unknown role: ${JSON.stringify(role)}`);
  }
  return label[locale];
}

/** Zod schema for a role assignment: scoped roles need a non-empty scope, the others must have none. */
export const roleAssignmentSchema = z
  .object({
    role: roleSchema,
    scope: z.string().trim().min(1).nullable(),
  })
  .superRefine((value, context) => {
    if (isScopedRole(value.role) && value.scope === null) {
      context.addIssue({ code: 'custom', path: ['scope'], message: `Role '${value.role}' needs a scope` });
    }
    if (!isScopedRole(value.role) && value.scope !== null) {
      context.addIssue({ code: 'custom', path: ['scope'], message: `Role '${value.role}' takes no scope` });
    }
  });
