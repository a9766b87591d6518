import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import type { AnalysisPlanSearch } from './components/analysis-plan-page';
import { ANALYSIS_TABS, type AnalysisPageSearch } from './components/analysis-tabs';
import { STAGES } from './types';

function readYear(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1989 && number <= 2100
    ? number
    : undefined;
}

function readOne<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function readUuid(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}

function readVersion(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 1_000_000
    ? number
    : undefined;
}

/** The plan's URL parameters; anything unexpected is dropped. */
export function validatePlanSearch(search: Record<string, unknown>): AnalysisPlanSearch {
  return { fy: readYear(search.fy), stage: readOne(search.stage, STAGES), orgUnit: readUuid(search.orgUnit) };
}

/** The analysis page's URL parameters: the open tab and the versions compared. */
export function validateAnalysisSearch(search: Record<string, unknown>): AnalysisPageSearch {
  return {
    tab: readOne(search.tab, ANALYSIS_TABS),
    from: readVersion(search.from),
    to: search.to === 'current' ? 'current' : readVersion(search.to),
  };
}

/** The 経営分析 screens under the signed-in part of the app: the year's plan and one analysis. */
export function createAnalysisRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.analyses.path,
      validateSearch: validatePlanSearch,
      component: lazyRouteComponent(() => import('./route-components'), 'AnalysisPlanRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.analysis.path,
      validateSearch: validateAnalysisSearch,
      component: lazyRouteComponent(() => import('./route-components'), 'AnalysisRoute'),
    }),
  ];
}

/** The public page of one cluster's history, beside the public cluster register. */
export function createClusterHistoryRoute<TParent extends AnyRoute>(parent: TParent) {
  return createRoute({
    getParentRoute: () => parent,
    path: paths.clusterHistory.path,
    component: lazyRouteComponent(() => import('./route-components'), 'ClusterHistoryRoute'),
  });
}
