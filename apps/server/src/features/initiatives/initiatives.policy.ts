import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree, seesEveryUnit } from '../bureau-policies/index.ts';

/**
 * Who may do what with 取組: every signed-in employee reads them; the owning unit (its head and
 * department staff) and the reform office register and edit them; only the owning unit reports
 * progress; the reform office and the executive watch which are overdue across the city.
 */
export const initiativePolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  canManage: (user: CurrentUser | null, tree: OrgUnitTree, ownerOrgUnitId: string) =>
    hasRole(user, 'reform_office') || actsFor(user, tree, ownerOrgUnitId),
  canReport: (user: CurrentUser | null, tree: OrgUnitTree, ownerOrgUnitId: string) =>
    actsFor(user, tree, ownerOrgUnitId),
  canWatchEveryUnit: (user: CurrentUser | null) => seesEveryUnit(user),
};
