import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who may do what with org units: everyone reads the (public) organisation; system admins change it. */
export const orgUnitPolicy = {
  canRead: (_user: CurrentUser | null) => true,
  canManage: (user: CurrentUser | null) => hasRole(user, 'system_admin'),
};
