import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';

/** Who may do what with the cluster register: public to read; the reform office keeps it. */
export const clusterPolicy = {
  canRead: (_user: CurrentUser | null) => true,
  canEdit: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
};
