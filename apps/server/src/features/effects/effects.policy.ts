import { hasAnyRole, hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree } from '../bureau-policies/index.ts';

/**
 * Who may do what with the effect ledger: the reform office, the executive, bureau heads and
 * department staff read it; a unit records the planned effects of its own initiatives; only the
 * reform office confirms an effect as actual (実績) and keeps the programme targets.
 */
export const effectPolicy = {
  canRead: (user: CurrentUser | null) =>
    hasAnyRole(user, ['reform_office', 'executive', 'bureau_head', 'department_staff']),
  canRecordFor: (user: CurrentUser | null, tree: OrgUnitTree, orgUnitId: string) =>
    hasRole(user, 'reform_office') || actsFor(user, tree, orgUnitId),
  canConfirmActual: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canManageTargets: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
};
