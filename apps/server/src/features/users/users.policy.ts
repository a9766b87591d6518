import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who may do what with user accounts: system admins manage them. */
export const userPolicy = {
  canList: (user: CurrentUser | null) => hasRole(user, 'system_admin'),
  canManage: (user: CurrentUser | null) => hasRole(user, 'system_admin'),
};
