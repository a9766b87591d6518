import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import { isSafeRedirect, paths } from '@/config/paths';
import { validateActionsSearch } from '@/features/actions/types';
import { createAnalysisRoutes, createClusterHistoryRoute } from '@/features/analyses/routes';
import { getMeQueryOptions } from '@/features/auth/api/get-me';
import { createPolicyRoutes, createPublicPolicyRoutes } from '@/features/bureau-policies/routes';
import { createEffectRoutes } from '@/features/effects/routes';
import { createInitiativeRoutes } from '@/features/initiatives/routes';
import { validateMeetingsSearch } from '@/features/meetings/utils/meetings-search';
import { createNeedRoutes, createPublicNeedRoutes } from '@/features/needs/routes';
import { createPlatinumPublicRoutes, createPlatinumRoutes } from '@/features/platinum/routes';
import { validateSearchParams } from '@/features/search/search-params';
import type { Me } from '@/types/api';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { createProgressRoutes, createPublicPortalRoutes } from './routes/progress';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import {
  validateAuditSearch,
  validateClustersSearch,
  validateLoginSearch,
  validateUserSearch,
} from './search-params';

export type RouterContext = { queryClient: QueryClient };

/*
 * Route tree (code-based; no file-based router plugin).
 *
 *   root                        layout for every page, 404 and error pages
 *   ├─ /login                   public
 *   ├─ /clusters                public (the cluster register)
 *   ├─ /public/meetings/:id     public (a meeting's published parts)
 *   ├─ /public/policies/…       public (published 局区X方針)
 *   ├─ /public/needs            public (ニーズ・課題 the reform office published)
 *   └─ (authenticated)          redirects to /login when GET /api/v1/me answers 401
 *      ├─ /                     home
 *      ├─ /meetings, /actions   X会議 (series, meeting, agenda builder, 次第) and 指示事項
 *      ├─ /policies, /initiatives, /effects, /needs   局区X方針 (inbox, drafting), 取組 (工程表), 効果額, ニーズ・課題
 *      └─ /admin/…              lazy-loaded; the pages check roles themselves
 */

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundRoute,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.login.path,
  validateSearch: validateLoginSearch,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(getMeQueryOptions()).catch(() => null);
    if (me) throw redirect({ href: isSafeRedirect(search.redirect) ? search.redirect : paths.home.path });
  },
  component: LoginRoute,
});

const clustersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.clusters.path,
  validateSearch: validateClustersSearch,
  component: lazyRouteComponent(() => import('./routes/clusters'), 'ClustersRoute'),
});

const publicMeetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.publicMeeting.path,
  component: lazyRouteComponent(() => import('./routes/meetings/public-meeting'), 'PublicMeetingRoute'),
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.search.path,
  validateSearch: validateSearchParams,
  component: lazyRouteComponent(() => import('@/features/search/components/search-page'), 'SearchPage'),
});

const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    const me = await context.queryClient.ensureQueryData({ ...getMeQueryOptions(), revalidateIfStale: true });
    if (!me) throw redirect({ to: paths.login.path, search: { redirect: location.href } });
    return { me };
  },
});

const homeRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.home.path,
  component: HomeRoute,
});

// X会議: the series, each meeting's record, the agenda builder, the printable 次第, and 指示事項.
const meetingsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.meetings.path,
  validateSearch: validateMeetingsSearch,
  component: lazyRouteComponent(() => import('./routes/meetings/meetings-list'), 'MeetingsListRoute'),
});
const meetingRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.meeting.path,
  component: lazyRouteComponent(() => import('./routes/meetings/meeting'), 'MeetingRoute'),
});
const meetingAgendaRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.meetingAgenda.path,
  component: lazyRouteComponent(() => import('./routes/meetings/meeting'), 'AgendaBuilderRoute'),
});
const meetingPrintRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.meetingPrint.path,
  component: lazyRouteComponent(() => import('./routes/meetings/meeting'), 'AgendaPrintRoute'),
});
const actionsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.actions.path,
  validateSearch: validateActionsSearch,
  component: lazyRouteComponent(() => import('./routes/meetings/my-actions'), 'MyActionsRoute'),
});

const platinumRoutes = createPlatinumRoutes(authenticatedRoute);
const analysisRoutes = createAnalysisRoutes(authenticatedRoute);
const policyRoutes = createPolicyRoutes(authenticatedRoute);
const initiativeRoutes = createInitiativeRoutes(authenticatedRoute);
const effectRoutes = createEffectRoutes(authenticatedRoute);
const needRoutes = createNeedRoutes(authenticatedRoute);
const publicPolicyRoutes = createPublicPolicyRoutes(rootRoute);
const progressRoutes = createProgressRoutes(authenticatedRoute);
const publicPortalRoutes = createPublicPortalRoutes(rootRoute);

const notificationsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.notifications.path,
  component: lazyRouteComponent(
    () => import('@/features/notifications/components/notifications-page'),
    'NotificationsPage',
  ),
});

const importsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.imports.path,
  component: lazyRouteComponent(() => import('@/features/imports/components/imports-page'), 'ImportsPage'),
});

const mailSettingsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.mailSettings.path,
  component: lazyRouteComponent(
    () => import('@/features/mail/components/mail-settings-page'),
    'MailSettingsPage',
  ),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.admin.users.path,
  validateSearch: validateUserSearch,
  component: lazyRouteComponent(() => import('./routes/admin/users'), 'AdminUsersRoute'),
});

const adminOrgUnitsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.admin.orgUnits.path,
  component: lazyRouteComponent(() => import('./routes/admin/org-units'), 'AdminOrgUnitsRoute'),
});

const adminAuditRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.admin.audit.path,
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('./routes/admin/audit'), 'AdminAuditRoute'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  clustersRoute,
  createClusterHistoryRoute(rootRoute),
  searchRoute,
  publicMeetingRoute,
  ...publicPolicyRoutes,
  ...publicPortalRoutes,
  ...createPublicNeedRoutes(rootRoute),
  ...createPlatinumPublicRoutes(rootRoute),
  authenticatedRoute.addChildren([
    ...progressRoutes,
    homeRoute,
    meetingsRoute,
    meetingRoute,
    meetingAgendaRoute,
    meetingPrintRoute,
    actionsRoute,
    ...policyRoutes,
    ...initiativeRoutes,
    ...effectRoutes,
    ...platinumRoutes,
    ...analysisRoutes,
    notificationsRoute,
    ...needRoutes,
    mailSettingsRoute,
    importsRoute,
    adminUsersRoute,
    adminOrgUnitsRoute,
    adminAuditRoute,
  ]),
]);

/**
 * The app's router; the query client is in its context so that guards can ask who is signed in.
 * Tests may pass a memory history.
 */
export function createAppRouter(queryClient: QueryClient, options: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    history: options.history,
    context: { queryClient },
    defaultPreload: 'intent',
    // Route data comes from TanStack Query, which has its own freshness rules.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
