import type { Role } from '@totonoe/domain';
import type { Context } from 'hono';
import type { AppEnv, CurrentUser } from './context.ts';
import { AppError } from './errors.ts';

/** True when the user holds the role (in any scope). */
export function hasRole(user: CurrentUser | null, role: Role): boolean {
  return user?.roles.some((grant) => grant.role === role) ?? false;
}

/** True when the user holds any of the roles. */
export function hasAnyRole(user: CurrentUser | null, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(user, role));
}

/** True when the user holds the role scoped to the given org unit (or unscoped). */
export function hasRoleFor(user: CurrentUser | null, role: Role, orgUnitId: string | null): boolean {
  if (!user || !orgUnitId) return false;
  return user.roles.some((grant) => grant.role === role && grant.orgUnitId === orgUnitId);
}

/** Org units the user acts for in a scoped role. */
export function scopedOrgUnits(user: CurrentUser | null, roles: readonly Role[]): string[] {
  if (!user) return [];
  return user.roles
    .filter((grant) => roles.includes(grant.role) && grant.orgUnitId)
    .map((grant) => grant.orgUnitId!);
}

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** Throws 403 unless the check passed; deny by default. */
export function authorize(isAllowed: boolean): void {
  if (!isAllowed) throw new AppError('forbidden');
}
