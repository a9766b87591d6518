import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree, seesEveryUnit, UNIT_ROLES } from '../bureau-policies/index.ts';

/**
 * Who may read the progress dashboard and the whole picture: every signed-in employee. Numbers are
 * totals; the records behind them come through each stream's own exports, which leave out what
 * the stream keeps private (authors of anonymous ideas, reporters of needs).
 */
export const dashboardPolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  /**
   * The title of a bureau policy's version not yet published, as the bureau policies show it: to
   * the unit's own people, the units consulted on it (合議), the reform office and the executives.
   * Everyone else sees its state and the published version's title, if there is one.
   */
  canSeeUnpublishedPolicy: (
    user: CurrentUser | null,
    tree: OrgUnitTree,
    policyUnitId: string,
    consultedUnitIds: readonly string[] = [],
  ) =>
    seesEveryUnit(user) ||
    actsFor(user, tree, policyUnitId) ||
    consultedUnitIds.some((unitId) => actsFor(user, tree, unitId)),
  /**
   * Who gets the same dashboard: what differs between viewers is only which unpublished policy
   * titles they may read (see canSeeUnpublishedPolicy), so the reform office and the executives
   * share one answer and everyone else shares it with those holding the same unit roles.
   */
  visibilityClass: (user: CurrentUser): string =>
    seesEveryUnit(user)
      ? 'every-unit'
      : `units:${[
          ...new Set(
            user.roles
              .filter((grant) => UNIT_ROLES.includes(grant.role) && grant.orgUnitId !== null)
              .map((grant) => grant.orgUnitId!),
          ),
        ]
          .sort()
          .join(',')}`,
};
