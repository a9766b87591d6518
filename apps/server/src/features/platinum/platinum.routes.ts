import type { App } from '../../lib/context.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { registerIdeaRoutes } from './ideas.routes.ts';
import { registerIssueRoutes } from './issues.routes.ts';
import { registerPlatinumPublicRoutes } from './public-responses.routes.ts';
import { registerPlatinumReportRoutes } from './reports.routes.ts';

/** プラチナ市役所プロジェクト: campaigns, ideas, issues, the board and the funnel; announced responses for the public. */
export function registerPlatinumRoutes(app: App): void {
  registerCampaignRoutes(app);
  registerPlatinumReportRoutes(app);
  registerIdeaRoutes(app);
  registerIssueRoutes(app);
  registerPlatinumPublicRoutes(app);
}
