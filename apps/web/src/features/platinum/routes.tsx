import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import type { IdeaListSearch } from './components/idea-list-page';
import { IDEA_PROGRESS, IDEA_SORTS, THEMES } from './types';

function readOne<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** The idea list's URL parameters; anything unexpected is dropped. */
export function validateIdeaListSearch(search: Record<string, unknown>): IdeaListSearch {
  const q =
    typeof search.q === 'string' || typeof search.q === 'number' ? String(search.q).trim().slice(0, 100) : '';
  const page = Number(search.page);
  return {
    theme: readOne(search.theme, THEMES),
    status: readOne(search.status, IDEA_PROGRESS),
    q: q || undefined,
    mine: search.mine === true || search.mine === 'true' ? true : undefined,
    sort: readOne(search.sort, IDEA_SORTS),
    page: Number.isInteger(page) && page >= 2 && page <= 100_000 ? page : undefined,
  };
}

const component = (name: Parameters<typeof lazyRouteComponent>[1]) =>
  lazyRouteComponent(() => import('./route-components'), name as 'CampaignRoute');

/**
 * The Platinum screens under the signed-in part of the app: /platinum (campaigns), a campaign and its edit page,
 * its ideas (list, new), PT triage, the board and the funnel; one idea; one issue; the bureau's inbox.
 * The pages are loaded on first use.
 */
export function createPlatinumRoutes<TParent extends AnyRoute>(parent: TParent) {
  const route = <TPath extends string>(path: TPath, name: string) =>
    createRoute({ getParentRoute: () => parent, path, component: component(name) });
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.platinum.path,
      component: lazyRouteComponent(() => import('./components/platinum-home-page'), 'PlatinumHomePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.platinumAssigned.path,
      component: lazyRouteComponent(() => import('./components/assigned-page'), 'AssignedPage'),
    }),
    route(paths.platinumCampaign.path, 'CampaignRoute'),
    route(paths.platinumCampaignEdit.path, 'CampaignEditRoute'),
    createRoute({
      getParentRoute: () => parent,
      path: paths.platinumIdeas.path,
      validateSearch: validateIdeaListSearch,
      component: component('IdeasRoute'),
    }),
    route(paths.platinumNewIdea.path, 'NewIdeaRoute'),
    route(paths.platinumTriage.path, 'TriageRoute'),
    route(paths.platinumBoard.path, 'BoardRoute'),
    route(paths.platinumFunnel.path, 'FunnelRoute'),
    route(paths.platinumIdea.path, 'IdeaRoute'),
    route(paths.platinumIssue.path, 'IssueRoute'),
  ] as const;
}

/** Reads `?fy=` (a fiscal year) and drops anything else. */
function validateYear(search: Record<string, unknown>): { fy?: number | undefined } {
  const year = Number(search.fy);
  return { fy: Number.isInteger(year) && year >= 1989 && year <= 2100 ? year : undefined };
}

/** The public Platinum page (no sign-in): the responses the bureau heads announced. */
export function createPlatinumPublicRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicPlatinum.path,
      validateSearch: validateYear,
      component: lazyRouteComponent(() => import('./public-route'), 'PublicResponsesRoute'),
    }),
  ] as const;
}
