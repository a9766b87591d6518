import type { CurrentUser } from '../../lib/context.ts';

/**
 * Who may read the progress dashboard and the whole picture: every signed-in employee. Numbers are
 * totals; the records behind them come through each stream's own exports, which leave out what
 * the stream keeps private (authors of anonymous ideas, reporters of needs).
 */
export const dashboardPolicy = {
  canRead: (user: CurrentUser | null) => user !== null,
};
