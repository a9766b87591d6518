import { hasAnyRole, hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree, seesEveryUnit, UNIT_ROLES } from '../bureau-policies/index.ts';

/**
 * Who may do what with ニーズ・課題: the reform office and the executive read every unit's needs;
 * a unit's head and department staff read and keep their own. A citizen's name and contact are
 * shown only to the reform office and the unit that holds the need. Only the reform office marks
 * a need public; the public sees nothing else, and never personal data.
 */
export const needPolicy = {
  canList: (user: CurrentUser | null) => seesEveryUnit(user) || hasAnyRole(user, UNIT_ROLES),
  canRead: (user: CurrentUser | null, tree: OrgUnitTree, orgUnitId: string) =>
    seesEveryUnit(user) || actsFor(user, tree, orgUnitId),
  canSeePersonalData: (user: CurrentUser | null, tree: OrgUnitTree, orgUnitId: string) =>
    hasRole(user, 'reform_office') || actsFor(user, tree, orgUnitId),
  canManage: (user: CurrentUser | null, tree: OrgUnitTree, orgUnitId: string) =>
    hasRole(user, 'reform_office') || actsFor(user, tree, orgUnitId),
  canPublish: (user: CurrentUser | null) => hasRole(user, 'reform_office'),
  canImport: (user: CurrentUser | null) => hasRole(user, 'reform_office') || hasAnyRole(user, UNIT_ROLES),
};
