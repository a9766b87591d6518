import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { paths } from '@/config/paths';

/** The effect-ledger screen. */
export function createEffectRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: paths.effects.path,
      component: lazyRouteComponent(() => import('./route-components'), 'LedgerRoute'),
    }),
  ] as const;
}
