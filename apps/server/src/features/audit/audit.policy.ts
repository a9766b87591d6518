import { hasAnyRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who may browse the audit trail: the reform office and system admins. */
export const auditPolicy = {
  canBrowse: (user: CurrentUser | null) => hasAnyRole(user, ['reform_office', 'system_admin']),
};
