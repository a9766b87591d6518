import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';

export type YearSearch = { fy?: number | undefined };

/** Reads `?fy=` (a fiscal year) and drops anything else. */
export function validateYearSearch(search: Record<string, unknown>): YearSearch {
  const fy = typeof search.fy === 'string' ? Number(search.fy) : search.fy;
  return { fy: typeof fy === 'number' && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? fy : undefined };
}

const component = (name: Parameters<typeof lazyRouteComponent>[1]) =>
  lazyRouteComponent(() => import('./route-components'), name as 'PolicyRoute');

/** The signed-in 局区X方針 screens: the list per year, the approval inbox, drafting and one policy. */
export function createPolicyRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.policies.path,
      validateSearch: validateYearSearch,
      component: component('PoliciesRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.policyInbox.path,
      component: component('InboxRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.policyNew.path,
      validateSearch: validateYearSearch,
      component: component('NewPolicyRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.policy.path,
      component: component('PolicyRoute'),
    }),
  ] as const;
}

/** The public pages of published policies (no sign-in). */
export function createPublicPolicyRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicPolicies.path,
      validateSearch: validateYearSearch,
      component: component('PublicPoliciesRoute'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: paths.publicPolicy.path,
      component: component('PublicPolicyRoute'),
    }),
  ] as const;
}
