import { hasRole } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree, seesEveryUnit } from './org-scope.ts';

/**
 * Who may do what with 局区X方針. Signed-in staff read published versions; a unit's own people,
 * the units it consults, the reform office and the executive read drafts. The unit's department
 * staff and head draft; the units named for 合議 answer for themselves; the unit's head approves
 * (決裁); the head or the reform office publishes. The public reads only published versions.
 */
export const bureauPolicyPolicy = {
  canList: (user: CurrentUser | null) => user !== null,
  canReadDrafts: (
    user: CurrentUser | null,
    tree: OrgUnitTree,
    policyUnitId: string,
    consultedUnitIds: readonly string[],
  ) =>
    seesEveryUnit(user) ||
    actsFor(user, tree, policyUnitId) ||
    consultedUnitIds.some((unitId) => bureauPolicyPolicy.canConsultFor(user, tree, unitId)),
  canDraft: (user: CurrentUser | null, tree: OrgUnitTree, policyUnitId: string) =>
    actsFor(user, tree, policyUnitId),
  canConsultFor: (user: CurrentUser | null, tree: OrgUnitTree, consultedUnitId: string) =>
    actsFor(user, tree, consultedUnitId) ||
    // The reform office answers for its own unit without holding a scoped role there.
    (hasRole(user, 'reform_office') && user?.orgUnitId === consultedUnitId),
  canApprove: (user: CurrentUser | null, tree: OrgUnitTree, policyUnitId: string) =>
    actsFor(user, tree, policyUnitId, ['bureau_head']),
  canPublish: (user: CurrentUser | null, tree: OrgUnitTree, policyUnitId: string) =>
    hasRole(user, 'reform_office') || actsFor(user, tree, policyUnitId, ['bureau_head']),
};
