import type { CurrentUser } from '../../lib/context.ts';
import { actsFor, type OrgUnitTree, seesEveryUnit } from '../bureau-policies/index.ts';

/**
 * Who may read the progress dashboard and the whole picture: every signed-in employee. Numbers are
 * totals; the records behind them come through each stream's own exports, which leave out what
 * the stream keeps private (authors of anonymous ideas, reporters of needs).
 */
export const dashboardPolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
  /**
   * The title of a bureau policy not yet published, as the bureau policies show it: to the unit's
   * own people, the reform office and the executives. Everyone else sees its state only.
   */
  canSeeUnpublishedPolicy: (user: CurrentUser | null, tree: OrgUnitTree, policyUnitId: string) =>
    seesEveryUnit(user) || actsFor(user, tree, policyUnitId),
};
