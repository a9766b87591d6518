import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { validateDashboardSearch } from '@/features/dashboard/utils/record-links';
import { validateScheduleSearch } from '@/features/schedule/utils/chart-layout';

/** Reads `?fy=` (a fiscal year) and drops anything else. */
function validateYear(search: Record<string, unknown>): { fy?: number | undefined } {
  return { fy: validateScheduleSearch(search).fy };
}

const page = (name: 'DashboardRoute' | 'RecordsRoute' | 'OverviewRoute' | 'ScheduleRoute') =>
  lazyRouteComponent(() => import('./progress-pages'), name);
const publicPage = (name: 'PortalHomeRoute' | 'OpenDataRoute') =>
  lazyRouteComponent(() => import('./progress-pages'), name);

/** 進捗状況 (signed in): the dashboard, the records behind its numbers, the whole picture and the year's schedule. */
export function createProgressRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.progress.path,
      validateSearch: validateDashboardSearch,
      component: page('DashboardRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.progressRecords.path,
      validateSearch: validateDashboardSearch,
      component: page('RecordsRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.overview.path,
      validateSearch: validateYear,
      component: page('OverviewRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.schedule.path,
      validateSearch: validateScheduleSearch,
      component: page('ScheduleRoute'),
    }),
  ] as const;
}

/** The public portal (no sign-in): the programme as published and its open data. */
export function createPublicPortalRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicHome.path,
      validateSearch: validateYear,
      component: publicPage('PortalHomeRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicOpenData.path,
      validateSearch: validateYear,
      component: publicPage('OpenDataRoute'),
    }),
  ] as const;
}
