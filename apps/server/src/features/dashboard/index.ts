/** What other features (reports, the public portal) may use of the dashboard's figures. */

export {
  type ClusterWithAnalysis,
  listClustersWithAnalyses,
  listGroupsAndKinds,
} from './dashboard.queries.ts';
export { type Dashboard, loadDashboard, type MeetingFigure } from './load-dashboard.ts';
export { loadOverview, OVERVIEW_RELATIONS, type Overview } from './load-overview.ts';
export { type Breakdown, type RecordRef, UNPUBLISHED_POLICY_TITLE } from './stream-adapters.ts';
