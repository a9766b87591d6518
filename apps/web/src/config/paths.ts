/**
 * Every route path of the web app, in one place. Route definitions (app/router.tsx) and links
 * use these, so a path is spelled once.
 */
export const paths = {
  home: { path: '/' },
  login: { path: '/login' },
  meetings: { path: '/meetings' },
  meeting: { path: '/meetings/$meetingId' },
  meetingAgenda: { path: '/meetings/$meetingId/agenda' },
  meetingPrint: { path: '/meetings/$meetingId/print' },
  publicMeeting: { path: '/public/meetings/$meetingId' },
  actions: { path: '/actions' },
  policies: { path: '/policies' },
  policyInbox: { path: '/policies/inbox' },
  policyNew: { path: '/policies/new' },
  policy: { path: '/policies/$policyId' },
  publicPolicies: { path: '/public/policies' },
  publicPolicy: { path: '/public/policies/$policyId' },
  clusters: { path: '/clusters' },
  clusterHistory: { path: '/clusters/$clusterId' },
  search: { path: '/search' },
  analyses: { path: '/analyses' },
  analysis: { path: '/analyses/$analysisId' },
  initiatives: { path: '/initiatives' },
  initiativeNew: { path: '/initiatives/new' },
  initiativeRoadmap: { path: '/initiatives/roadmap' },
  initiative: { path: '/initiatives/$initiativeId' },
  effects: { path: '/effects' },
  platinum: { path: '/platinum' },
  platinumAssigned: { path: '/platinum/assigned' },
  platinumCampaign: { path: '/platinum/campaigns/$campaignId' },
  platinumCampaignEdit: { path: '/platinum/campaigns/$campaignId/edit' },
  platinumIdeas: { path: '/platinum/campaigns/$campaignId/ideas' },
  platinumNewIdea: { path: '/platinum/campaigns/$campaignId/ideas/new' },
  platinumTriage: { path: '/platinum/campaigns/$campaignId/triage' },
  platinumBoard: { path: '/platinum/campaigns/$campaignId/board' },
  platinumFunnel: { path: '/platinum/campaigns/$campaignId/funnel' },
  platinumIdea: { path: '/platinum/ideas/$ideaId' },
  platinumIssue: { path: '/platinum/issues/$issueId' },
  notifications: { path: '/notifications' },
  needs: { path: '/needs' },
  needNew: { path: '/needs/new' },
  needImport: { path: '/needs/import' },
  need: { path: '/needs/$needId' },
  mailSettings: { path: '/settings/mail' },
  imports: { path: '/imports' },
  progress: { path: '/progress' },
  progressRecords: { path: '/progress/records' },
  overview: { path: '/overview' },
  schedule: { path: '/schedule' },
  publicHome: { path: '/public' },
  publicOpenData: { path: '/public/open-data' },
  publicNeeds: { path: '/public/needs' },
  publicPlatinum: { path: '/public/platinum' },
  admin: {
    users: { path: '/admin/users' },
    orgUnits: { path: '/admin/org-units' },
    audit: { path: '/admin/audit' },
  },
} as const;

/**
 * Whether a `redirect` value may be followed after sign-in: a path on this site only
 * (never `//host` or `/\host`, which browsers treat as another site), and not the sign-in page.
 */
export function isSafeRedirect(value: string | undefined): value is string {
  if (!value) return false;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return false;
  return !value.startsWith(paths.login.path);
}
