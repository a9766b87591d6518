import type { Me, Role } from '@/types/api';

/** Whether the user holds at least one of the roles (anywhere in the organisation). */
export function hasAnyRole(user: Me | null | undefined, roles: readonly Role[]): boolean {
  if (!user) return false;
  return user.roles.some((assignment) => roles.includes(assignment.role));
}

/** Who may open each protected area of the web app. The server decides again on every request. */
export const ACCESS = {
  admin: ['system_admin'],
  audit: ['reform_office', 'system_admin'],
  editClusters: ['reform_office'],
  effects: ['reform_office', 'executive', 'bureau_head', 'department_staff'],
} as const satisfies Record<string, readonly Role[]>;
