export { registerPlatinumRoutes } from './platinum.routes.ts';
export {
  listCampaignsOfYear,
  listIdeasReachingStage,
  listIssuesOfYear,
  listPublishedResponsesOfYear,
  loadPlatinumProgress,
  type PlatinumProgress,
} from './progress.queries.ts';
