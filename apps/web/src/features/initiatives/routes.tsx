import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { HEALTHS, type InitiativeFilter, SOURCE_KINDS, STATUSES } from './types';

function readOne<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** The initiative list's URL parameters; anything unexpected is dropped. */
export function validateInitiativeSearch(search: Record<string, unknown>): InitiativeFilter {
  const fy = typeof search.fy === 'string' ? Number(search.fy) : search.fy;
  const flag = (value: unknown) => (value === true || value === 'true' ? true : undefined);
  const owner =
    typeof search.ownerOrgUnitId === 'string' && /^[0-9a-f-]{36}$/i.test(search.ownerOrgUnitId)
      ? search.ownerOrgUnitId
      : undefined;
  return {
    fy: typeof fy === 'number' && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined,
    status: readOne(search.status, STATUSES),
    health: readOne(search.health, HEALTHS),
    sourceKind: readOne(search.sourceKind, SOURCE_KINDS),
    ownerOrgUnitId: owner,
    updateDue: flag(search.updateDue),
    overdue: flag(search.overdue),
    mine: flag(search.mine),
  };
}

const component = (name: Parameters<typeof lazyRouteComponent>[1]) =>
  lazyRouteComponent(() => import('./route-components'), name as 'InitiativeRoute');

/** The 取組 screens: the table with counts and filters, the 工程表, registration and one initiative. */
export function createInitiativeRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.initiatives.path,
      validateSearch: validateInitiativeSearch,
      component: component('InitiativesRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.initiativeRoadmap.path,
      validateSearch: validateInitiativeSearch,
      component: component('RoadmapRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.initiativeNew.path,
      component: component('NewInitiativeRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.initiative.path,
      component: component('InitiativeRoute'),
    }),
  ] as const;
}
