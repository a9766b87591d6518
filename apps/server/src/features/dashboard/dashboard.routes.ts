import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearOf, isoDateOf } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import type { App } from '../../lib/context.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { cachedJson } from '../../lib/response-cache.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { dashboardPolicy } from './dashboard.policy.ts';
import {
  dashboardRecordsSchema,
  dashboardSchema,
  overviewSchema,
  presentDashboard,
  presentDashboardRecords,
  presentOverview,
} from './dashboard.presenter.ts';
import { loadDashboard } from './load-dashboard.ts';
import { DASHBOARD_METRICS, loadDashboardRecords } from './load-dashboard-records.ts';
import { loadOverview } from './load-overview.ts';

const scopeQuery = { fy: fiscalYearQuery.optional(), orgUnit: z.string().uuid().optional() };

const dashboardRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/dashboard',
  tags: ['dashboard'],
  summary: 'The progress dashboard of a fiscal year, optionally for one bureau and the units below it',
  request: { query: z.object(scopeQuery) },
  responses: { 200: jsonResponse(dashboardSchema, 'The dashboard'), ...errorResponses(400, 401, 404) },
});
const recordsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/dashboard/records',
  tags: ['dashboard'],
  summary: 'The records behind one number of the dashboard',
  request: {
    query: z.object({
      ...scopeQuery,
      metric: z.enum(DASHBOARD_METRICS),
      key: z
        .string()
        .max(80)
        .regex(/^[a-z_:]+$/),
    }),
  },
  responses: { 200: jsonResponse(dashboardRecordsSchema, 'The records'), ...errorResponses(400, 401, 404) },
});
const overviewRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/overview',
  tags: ['dashboard'],
  summary: 'The whole picture (全体像・相互関係) with live counts',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: { 200: jsonResponse(overviewSchema, 'The whole picture'), ...errorResponses(400, 401, 404) },
});

/**
 * What the dashboard's cached answer depends on, each bumped by statement triggers in the writer's
 * transaction (drizzle 0005, 0025, 0026, 0031, 0032): the register's reference data, the analyses,
 * their due meetings and versions ('cluster_register'); meetings, agendas, decisions and
 * instructions ('public_meetings'); bureau policies, versions and consultations ('public_policies');
 * needs ('public_needs'); Platinum campaigns, issues and assignments ('public_platinum') and idea
 * totals ('platinum_idea_totals', never a support); initiatives, their updates, the effect ledger
 * and targets ('progress'). Each table bumps one shared topic row, so writers cannot deadlock on them.
 */
const DASHBOARD_CACHE_TOPICS = [
  'cluster_register',
  'public_meetings',
  'public_policies',
  'public_needs',
  'public_platinum',
  'platinum_idea_totals',
  'progress',
];

/** 進捗状況: the dashboard, its drill-down and the whole picture. */
export function registerDashboardRoutes(app: App): void {
  app.openapi(dashboardRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(dashboardPolicy.canRead(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const now = new Date();
    // The same for everyone of a visibility class on a day (overdue and stale counts follow the
    // date): served from cache until a write to anything it shows bumps one of its topics.
    return cachedJson(c, {
      key: [
        'dashboard',
        query.fy ?? `current-${fiscalYearOf(now)}`,
        query.orgUnit ?? 'all',
        isoDateOf(now),
        dashboardPolicy.visibilityClass(user),
      ].join(':'),
      topics: DASHBOARD_CACHE_TOPICS,
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, query.fy);
        return presentDashboard(await loadDashboard(db, { fiscalYear, orgUnitId: query.orgUnit, now, user }));
      },
    }) as never;
  });

  app.openapi(recordsRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(dashboardPolicy.canRead(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const drill = await loadDashboardRecords(db, {
      fiscalYear,
      orgUnitId: query.orgUnit,
      metric: query.metric,
      key: query.key,
      user,
    });
    return c.json(presentDashboardRecords(query.metric, query.key, drill), 200);
  });

  app.openapi(overviewRouteDef, async (c) => {
    authorize(dashboardPolicy.canRead(requireUser(c)));
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    return c.json(presentOverview(await loadOverview(db, fiscalYear)), 200);
  });
}
