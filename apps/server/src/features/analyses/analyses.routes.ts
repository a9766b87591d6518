import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_STAGES, fiscalYearOf } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf, type CurrentUser } from '../../lib/context.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { cachedJson } from '../../lib/response-cache.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { analysisPolicy } from './analyses.policy.ts';
import { analysisDetailSchema, analysisSummarySchema, presentAnalysisSummary } from './analyses.presenter.ts';
import {
  clusterOwnersOf,
  dueMeetingsOf,
  lastTransitionsOf,
  listAnalyses,
  meetingsOfRows,
  orgUnitsWithDescendants,
} from './analyses.queries.ts';
import { registerAnalysisAttachmentRoutes } from './analysis-attachments.routes.ts';
import { ANALYSIS_PLAN_TOPICS, analysisVisibilityClass, cachedAnalysisJson } from './analysis-cache.ts';
import { loadAnalysisContext } from './analysis-context.ts';
import { registerAnalysisDraftRoutes } from './analysis-drafts.routes.ts';
import { registerAnalysisFigureRoutes } from './analysis-figures.routes.ts';
import { accessFor, coveredOrgUnits } from './analysis-ownership.ts';
import { registerAnalysisReportRoutes } from './analysis-report.routes.ts';
import { registerAnalysisStageRoutes } from './analysis-stages.routes.ts';
import { createAnalysis } from './create-analysis.ts';
import { deleteAnalysis } from './delete-analysis.ts';
import { registerFiscalYearOpeningRoutes } from './fiscal-year-opening.routes.ts';
import { getAnalysisDetail } from './get-analysis-detail.ts';
import { updateAnalysisPlan } from './update-analysis-plan.ts';

const dueMeetingsBody = z
  .strictObject({
    progress_reported: z.string().uuid().optional(),
    direction_reported: z.string().uuid().optional(),
    final_reported: z.string().uuid().optional(),
  })
  .openapi('AnalysisDueMeetings');

const createBody = z
  .strictObject({
    clusterId: z.string().uuid(),
    fiscalYear: fiscalYearQuery,
    leadOrgUnitId: z.string().uuid().nullable().default(null),
    contactUserId: z.string().uuid().nullable().default(null),
    dueMeetings: dueMeetingsBody.default({}),
  })
  .openapi('AnalysisCreate');

const updateBody = z
  .strictObject({
    leadOrgUnitId: z.string().uuid().nullable().optional(),
    contactUserId: z.string().uuid().nullable().optional(),
    dueMeetings: dueMeetingsBody.optional(),
    isPublished: z.boolean().optional(),
  })
  .openapi('AnalysisPlanUpdate');

const listQuery = z.object({
  fy: fiscalYearQuery.optional(),
  stage: z.enum(ANALYSIS_STAGES).optional(),
  orgUnit: z.string().uuid().optional(),
  dueMeeting: z.string().uuid().optional(),
  cluster: z.string().uuid().optional(),
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses',
  tags: ['analyses'],
  summary: 'The analysis plan of a fiscal year (the public sees published analyses only)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), items: z.array(analysisSummarySchema) }),
      'Analyses by cluster number',
    ),
    ...errorResponses(400, 404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses',
  tags: ['analyses'],
  summary: 'Put a cluster on a fiscal year’s analysis plan (reform office)',
  request: jsonBody(createBody),
  responses: {
    201: jsonResponse(analysisDetailSchema, 'Created'),
    ...errorResponses(400, 401, 403, 409, 422),
  },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}',
  tags: ['analyses'],
  summary: 'One analysis: plan, stage, transitions and, for those who may read it, the working copy',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(analysisDetailSchema, 'The analysis'), ...errorResponses(404) },
});

const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/analyses/{id}',
  tags: ['analyses'],
  summary: 'Change an analysis’s plan or publication (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(analysisDetailSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/analyses/{id}',
  tags: ['analyses'],
  summary: 'Take a planned analysis off the plan (reform office, If-Match)',
  request: { params: uuidParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409, 412, 428) },
});

/** The year's analysis plan as the user may see it (reviewStatus only where they may read the working copy). */
async function buildAnalysisList(db: Executor, user: CurrentUser | null, query: z.infer<typeof listQuery>) {
  const fiscalYear = await resolveFiscalYear(db, query.fy);
  const rows = await listAnalyses(db, {
    fiscalYear,
    stage: query.stage,
    leadOrgUnitIds: query.orgUnit ? await orgUnitsWithDescendants(db, [query.orgUnit]) : undefined,
    dueMeetingId: query.dueMeeting,
    clusterId: query.cluster,
    onlyPublished: user === null,
  });
  const ids = rows.map((row) => row.analysis.id);
  const [dueByAnalysis, lastByAnalysis, ownersByCluster, covered] = await Promise.all([
    dueMeetingsOf(db, ids),
    lastTransitionsOf(db, ids),
    clusterOwnersOf(
      db,
      rows.map((row) => row.analysis.clusterId),
    ),
    coveredOrgUnits(db, user),
  ]);
  const meetingsById = meetingsOfRows([...lastByAnalysis.values()]);
  const items = rows.map((row) => {
    const owning = [
      row.analysis.leadOrgUnitId,
      ...(ownersByCluster.get(row.analysis.clusterId) ?? []).map((owner) => owner.id),
    ].filter((id): id is string => id !== null);
    return presentAnalysisSummary(row, {
      dueMeetings: dueByAnalysis.get(row.analysis.id) ?? [],
      lastTransition: lastByAnalysis.get(row.analysis.id) ?? null,
      meetingsById,
      isReviewVisible: analysisPolicy.canReadWorkingCopy(accessFor(user, covered, owning)),
      isSignedIn: user !== null,
    });
  });
  return { fiscalYear, items };
}

/** 経営分析: the year's plan, each analysis's report, review, stages, figures and attachments. */
export function registerAnalysisRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const { db } = c.get('services');
    const user = c.get('user');
    authorize(analysisPolicy.canList(user));
    const query = c.req.valid('query');
    const build = () => buildAnalysisList(db, user, query);
    // The plan of a year (optionally one stage) is the same for everyone of a visibility class:
    // cached until a write bumps one of its topics. Other filters are rarer and built each time.
    if (query.orgUnit || query.dueMeeting || query.cluster) return c.json(await build(), 200);
    const year = query.fy ?? `current-${fiscalYearOf(new Date())}`;
    return cachedJson(c, {
      key: `analyses:${year}:${query.stage ?? 'all'}:${analysisVisibilityClass(user)}`,
      topics: ANALYSIS_PLAN_TOPICS,
      build,
    }) as never;
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(analysisPolicy.canPlan(user));
    const { db } = c.get('services');
    const body = c.req.valid('json');
    await resolveFiscalYear(db, body.fiscalYear);
    const created = await db.transaction((tx) => createAnalysis(tx, { ...body, actor: actorOf(c) }));
    const detail = await getAnalysisDetail(db, await loadAnalysisContext(db, user, created.id));
    c.header('etag', etagOf(detail.version));
    return c.json(detail, 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    // Cached per visibility class; the ETag is the answer's (for If-None-Match), If-Match takes `version`.
    return cachedAnalysisJson(c, {
      analysisId: id,
      part: 'detail',
      build: async () => getAnalysisDetail(db, await loadAnalysisContext(db, c.get('user'), id)),
    }) as never;
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    const body = c.req.valid('json');
    authorize(analysisPolicy.canPlan(user));
    if (body.isPublished !== undefined) authorize(analysisPolicy.canPublish(user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    await loadAnalysisContext(db, user, id);
    await db.transaction((tx) =>
      updateAnalysisPlan(tx, { analysisId: id, expectedVersion, changes: body, actor: actorOf(c) }),
    );
    const detail = await getAnalysisDetail(db, await loadAnalysisContext(db, user, id));
    c.header('etag', etagOf(detail.version));
    return c.json(detail, 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(analysisPolicy.canPlan(user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    await loadAnalysisContext(db, user, id);
    await db.transaction((tx) => deleteAnalysis(tx, { analysisId: id, expectedVersion, actor: actorOf(c) }));
    return c.body(null, 204);
  });

  registerAnalysisReportRoutes(app);
  registerAnalysisDraftRoutes(app);
  registerAnalysisStageRoutes(app);
  registerAnalysisFigureRoutes(app);
  registerAnalysisAttachmentRoutes(app);
  registerFiscalYearOpeningRoutes(app);
}
