import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { CHANNELS, NEED_STATUSES, type NeedFilter, type PublicNeedFilter, SIDES } from './types';

function readOne<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** The needs list's URL parameters; anything unexpected is dropped. */
export function validateNeedSearch(search: Record<string, unknown>): NeedFilter {
  const fy = Number(search.fy);
  const page = Number(search.page);
  return {
    fy: Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    status: readOne(search.status, NEED_STATUSES),
    side: readOne(search.side, SIDES),
    channel: readOne(search.channel, CHANNELS),
    page: Number.isInteger(page) && page >= 2 && page <= 100_000 ? page : undefined,
  };
}

const component = (name: Parameters<typeof lazyRouteComponent>[1]) =>
  lazyRouteComponent(() => import('./route-components'), name as 'NeedRoute');

/** The ニーズ・課題 screens: the inbox, recording, CSV import and one need. */
export function createNeedRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.needs.path,
      validateSearch: validateNeedSearch,
      component: component('NeedsRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.needNew.path,
      component: component('NewNeedRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.needImport.path,
      component: component('ImportRoute'),
    }),
    createRoute({ getParentRoute: () => parent, path: paths.need.path, component: component('NeedRoute') }),
  ] as const;
}

/** The public needs page's URL parameters; anything unexpected is dropped. */
export function validatePublicNeedSearch(search: Record<string, unknown>): PublicNeedFilter {
  const fy = Number(search.fy);
  return {
    fy: Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    side: readOne(search.side, SIDES),
  };
}

/** The public page of the needs the reform office published (no sign-in). */
export function createPublicNeedRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicNeeds.path,
      validateSearch: validatePublicNeedSearch,
      component: component('PublicNeedsRoute'),
    }),
  ] as const;
}
