import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who may do what with the year's schedule: every employee reads it; the reform office keeps it. */
export const schedulePolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  canEdit: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
};
