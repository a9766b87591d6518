import { createRoute, z } from '@hono/zod-openapi';
import {
  fiscalYearSchema,
  INITIATIVE_HEALTHS,
  INITIATIVE_SOURCE_KINDS,
  INITIATIVE_STATUSES,
  isValidIsoDate,
  quarterFromOrdinal,
  quarterLabel,
  quarterOrdinal,
  UPDATE_CADENCES,
} from '@totonoe/domain';
import type { Context } from 'hono';
import type { Transaction } from '../../db/client.ts';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { loadOrgUnitTree, type OrgUnitTree, unitAndBelow, unitsActedFor } from '../bureau-policies/index.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { createInitiative } from './create-initiative.ts';
import { initiativePolicy } from './initiatives.policy.ts';
import {
  initiativeListItemSchema,
  initiativeSchema,
  milestoneSchema,
  presentMilestone,
} from './initiatives.presenter.ts';
import { findInitiative, listMilestones } from './initiatives.queries.ts';
import { countInitiatives, defaultAsOf, listInitiativeItems, loadInitiative } from './load-initiatives.ts';
import { recordKpiActual } from './record-kpi-actual.ts';
import { replaceInitiativeKpis } from './replace-initiative-kpis.ts';
import { replaceInitiativeMilestones } from './replace-initiative-milestones.ts';
import { reportInitiativeProgress } from './report-initiative-progress.ts';
import { updateInitiative } from './update-initiative.ts';

const isoDate = z.string().refine(isValidIsoDate, { error: 'A calendar date YYYY-MM-DD' });
const decimalText = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,4})?$/, { error: 'A number such as 12 or 85.5' });
const quarterBody = z.strictObject({ fiscalYear: fiscalYearSchema, quarter: z.number().int().min(1).max(4) });

const fieldSchemas = {
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(5000),
  sourceKind: z.enum(INITIATIVE_SOURCE_KINDS),
  sourceId: z.string().uuid().nullable(),
  ownerOrgUnitId: z.string().uuid(),
  clusterIds: z.array(z.string().uuid()).max(30),
  updateCadence: z.enum(UPDATE_CADENCES),
  status: z.enum(INITIATIVE_STATUSES),
  health: z.enum(INITIATIVE_HEALTHS),
};
const createBody = z
  .strictObject({
    fiscalYear: fiscalYearSchema,
    title: fieldSchemas.title,
    summary: fieldSchemas.summary.default(''),
    sourceKind: fieldSchemas.sourceKind,
    sourceId: fieldSchemas.sourceId.default(null),
    ownerOrgUnitId: fieldSchemas.ownerOrgUnitId,
    clusterIds: fieldSchemas.clusterIds.default([]),
    updateCadence: fieldSchemas.updateCadence.default('quarterly'),
    status: fieldSchemas.status.default('not_started'),
    health: fieldSchemas.health.default('on_track'),
  })
  .openapi('InitiativeCreate');
const updateBody = z
  .strictObject({
    title: fieldSchemas.title.optional(),
    summary: fieldSchemas.summary.optional(),
    sourceKind: fieldSchemas.sourceKind.optional(),
    sourceId: fieldSchemas.sourceId.optional(),
    ownerOrgUnitId: fieldSchemas.ownerOrgUnitId.optional(),
    clusterIds: fieldSchemas.clusterIds.optional(),
    updateCadence: fieldSchemas.updateCadence.optional(),
    status: fieldSchemas.status.optional(),
    health: fieldSchemas.health.optional(),
  })
  .openapi('InitiativeUpdate');
const milestonesBody = z
  .strictObject({
    milestones: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1).max(200),
          from: quarterBody,
          to: quarterBody,
          isDone: z.boolean().default(false),
        }),
      )
      .max(60),
  })
  .openapi('InitiativeMilestones');
const progressBody = z
  .strictObject({
    reportedOn: isoDate,
    body: z.string().trim().min(1).max(5000),
    status: fieldSchemas.status.optional(),
    health: fieldSchemas.health.optional(),
  })
  .openapi('InitiativeProgressReport');
const kpisBody = z
  .strictObject({
    kpis: z
      .array(
        z.strictObject({
          id: z.string().uuid().optional(),
          name: z.string().trim().min(1).max(200),
          unit: z.string().trim().max(40).default(''),
          baseline: decimalText.nullable().default(null),
          baselineFiscalYear: fiscalYearSchema.nullable().default(null),
          targets: z
            .array(z.strictObject({ fiscalYear: fiscalYearSchema, value: decimalText }))
            .max(20)
            .default([]),
        }),
      )
      .max(30),
  })
  .openapi('InitiativeKpis');
const actualBody = z
  .strictObject({ actual: decimalText, note: z.string().trim().max(1000).nullable().default(null) })
  .openapi('InitiativeKpiActual');

const listQuery = z.object({
  fy: fiscalYearQuery.optional(),
  ownerOrgUnitId: z.string().uuid().optional(),
  sourceKind: z.enum(INITIATIVE_SOURCE_KINDS).optional(),
  sourceId: z.string().uuid().optional(),
  status: z.enum(INITIATIVE_STATUSES).optional(),
  health: z.enum(INITIATIVE_HEALTHS).optional(),
  clusterId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional(),
  updateDue: z.enum(['true', 'false']).optional(),
  /** Only initiatives with a reporting period ended without a report (報告滞留), or only the others. */
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  asOf: isoDate.optional(),
});
const summaryQuery = z.object({
  fy: fiscalYearQuery.optional(),
  ownerOrgUnitId: z.string().uuid().optional(),
  asOf: isoDate.optional(),
});
const kpiActualParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  kpiId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'kpiId', in: 'path' } }),
  fiscalYear: z.coerce
    .number()
    .int()
    .min(1989)
    .max(2100)
    .openapi({ param: { name: 'fiscalYear', in: 'path' } }),
});

const countsSchema = z
  .object({
    fiscalYear: z.number().int(),
    asOf: z.string(),
    total: z.number().int(),
    updateDue: z.number().int(),
    reportOverdue: z.number().int(),
    byStatus: z.record(z.enum(INITIATIVE_STATUSES), z.number().int()),
    byHealth: z.record(z.enum(INITIATIVE_HEALTHS), z.number().int()),
    bySourceKind: z.record(z.enum(INITIATIVE_SOURCE_KINDS), z.number().int()),
  })
  .openapi('InitiativeCounts');
const roadmapSchema = z
  .object({
    fiscalYear: z.number().int(),
    asOf: z.string(),
    quarters: z.array(
      z.object({ fiscalYear: z.number().int(), quarter: z.number().int(), label: z.string() }),
    ),
    items: z.array(initiativeListItemSchema.extend({ milestones: z.array(milestoneSchema) })),
  })
  .openapi('InitiativeRoadmap');

const tags = ['initiatives'];
const writeErrors = errorResponses(400, 401, 403, 404, 409, 412, 422, 428);
const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/initiatives',
  tags,
  summary:
    '取組 of a fiscal year; filter by owner, source, status, health, cluster, those owing an update, or those whose reports are overdue',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), asOf: z.string(), items: z.array(initiativeListItemSchema) }),
      'Initiatives',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
const summaryRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/initiatives/summary',
  tags,
  summary: 'Counts of initiatives by status, health and source, and how many owe an update (for dashboards)',
  request: { query: summaryQuery },
  responses: { 200: jsonResponse(countsSchema, 'Counts'), ...errorResponses(400, 401, 404) },
});
const roadmapRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/initiatives/roadmap',
  tags,
  summary: '工程表: initiatives with their milestones by fiscal quarter',
  request: { query: listQuery },
  responses: { 200: jsonResponse(roadmapSchema, 'The roadmap'), ...errorResponses(400, 401, 403, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/initiatives',
  tags,
  summary: 'Register an initiative (the owner unit or the reform office)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(initiativeSchema, 'Created'), ...errorResponses(400, 401, 403, 404, 422) },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/initiatives/{id}',
  tags,
  summary: 'One initiative with its 工程表, progress updates and KPIs',
  request: { params: uuidParam, query: z.object({ asOf: isoDate.optional() }) },
  responses: { 200: jsonResponse(initiativeSchema, 'The initiative'), ...errorResponses(400, 401, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/initiatives/{id}',
  tags,
  summary: 'Change an initiative (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: { 200: jsonResponse(initiativeSchema, 'Updated'), ...writeErrors },
});
const milestonesRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/initiatives/{id}/milestones',
  tags,
  summary: 'Replace the 工程表 (milestones by fiscal quarter; If-Match)',
  request: { params: uuidParam, ...jsonBody(milestonesBody) },
  responses: { 200: jsonResponse(initiativeSchema, 'Updated'), ...writeErrors },
});
const progressRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/initiatives/{id}/updates',
  tags,
  summary: 'Report progress (the owner unit; may change status and health; If-Match)',
  request: { params: uuidParam, ...jsonBody(progressBody) },
  responses: { 201: jsonResponse(initiativeSchema, 'Reported'), ...writeErrors },
});
const kpisRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/initiatives/{id}/kpis',
  tags,
  summary: 'Replace the KPIs with their baselines and targets per year (If-Match)',
  request: { params: uuidParam, ...jsonBody(kpisBody) },
  responses: { 200: jsonResponse(initiativeSchema, 'Updated'), ...writeErrors },
});
const actualRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/initiatives/{id}/kpis/{kpiId}/actuals/{fiscalYear}',
  tags,
  summary: 'Record a KPI’s actual for a year; refused when the year has no target (If-Match)',
  request: { params: kpiActualParams, ...jsonBody(actualBody) },
  responses: { 200: jsonResponse(initiativeSchema, 'Recorded'), ...writeErrors },
});

function asOfWithin(fiscalYear: number, requested: string | undefined): string {
  return requested ?? defaultAsOf(fiscalYear);
}

/** 取組 and their 工程表, progress, KPIs. */
export function registerInitiativeRoutes(app: App): void {
  async function listFor(c: Context<AppEnv>, query: z.infer<typeof listQuery>) {
    const user = requireUser(c);
    authorize(initiativePolicy.canRead(user));
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const tree = await loadOrgUnitTree(db);
    let ownerOrgUnitIds = query.ownerOrgUnitId ? unitAndBelow(tree, query.ownerOrgUnitId) : undefined;
    if (query.mine === 'true') {
      const mine = unitsActedFor(user, tree);
      ownerOrgUnitIds = ownerOrgUnitIds ? ownerOrgUnitIds.filter((id) => mine.includes(id)) : mine;
    }
    const asOf = asOfWithin(fiscalYear, query.asOf);
    const items = await listInitiativeItems(
      db,
      {
        fiscalYear,
        ownerOrgUnitIds,
        sourceKind: query.sourceKind,
        sourceId: query.sourceId,
        status: query.status,
        health: query.health,
        clusterId: query.clusterId,
        q: query.q || undefined,
        isUpdateDue: query.updateDue === undefined ? undefined : query.updateDue === 'true',
        isReportOverdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      },
      { tree, asOf },
    );
    return { db, user, tree, fiscalYear, asOf, items };
  }

  app.openapi(listRouteDef, async (c) => {
    const { fiscalYear, asOf, items } = await listFor(c, c.req.valid('query'));
    return c.json({ fiscalYear, asOf, items }, 200);
  });

  app.openapi(summaryRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(initiativePolicy.canRead(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const tree = await loadOrgUnitTree(db);
    const ownerOrgUnitIds = query.ownerOrgUnitId ? unitAndBelow(tree, query.ownerOrgUnitId) : undefined;
    return c.json(
      await countInitiatives(db, { fiscalYear, asOf: asOfWithin(fiscalYear, query.asOf), ownerOrgUnitIds }),
      200,
    );
  });

  app.openapi(roadmapRouteDef, async (c) => {
    const { db, fiscalYear, asOf, items } = await listFor(c, c.req.valid('query'));
    const milestones = await listMilestones(
      db,
      items.map((item) => item.id),
    );
    const shaped = items.map((item) => ({
      ...item,
      milestones: milestones.filter((milestone) => milestone.initiativeId === item.id).map(presentMilestone),
    }));
    // The quarters of the fiscal year, widened to every milestone's span.
    let first = quarterOrdinal({ fiscalYear, quarter: 1 });
    let last = quarterOrdinal({ fiscalYear, quarter: 4 });
    for (const milestone of milestones) {
      first = Math.min(
        first,
        quarterOrdinal({ fiscalYear: milestone.fromFiscalYear, quarter: milestone.fromQuarter }),
      );
      last = Math.max(
        last,
        quarterOrdinal({ fiscalYear: milestone.toFiscalYear, quarter: milestone.toQuarter }),
      );
    }
    const quarters = [];
    for (let ordinal = first; ordinal <= last; ordinal++) {
      const quarter = quarterFromOrdinal(ordinal);
      quarters.push({ ...quarter, label: quarterLabel(quarter) });
    }
    return c.json({ fiscalYear, asOf, quarters, items: shaped }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { fiscalYear, ...fields } = c.req.valid('json');
    const tree = await loadOrgUnitTree(db);
    if (!tree.byId.has(fields.ownerOrgUnitId)) {
      throw new AppError('unprocessable', {
        messages: { ja: '担当組織が見つかりません。', en: 'The owner org unit does not exist.' },
      });
    }
    authorize(initiativePolicy.canManage(user, tree, fields.ownerOrgUnitId));
    await resolveFiscalYear(db, fiscalYear);
    const created = await db.transaction((tx) =>
      createInitiative(tx, { fiscalYear, fields, tree, actor: actorOf(c) }),
    );
    const view = (await loadInitiative(db, created.id, { user, tree }))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(initiativePolicy.canRead(user));
    const { db } = c.get('services');
    const view = await loadInitiative(db, c.req.valid('param').id, {
      user,
      tree: await loadOrgUnitTree(db),
      asOf: c.req.valid('query').asOf,
    });
    if (!view) throw notFound();
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  /** Loads the initiative, checks the user may act on it, runs one write, and answers with the new state. */
  async function write(
    c: Context<AppEnv>,
    id: string,
    check: 'manage' | 'report',
    run: (tx: Transaction, expectedVersion: number, tree: OrgUnitTree) => Promise<unknown>,
  ) {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const initiative = await findInitiative(db, id);
    if (!initiative) throw notFound();
    const tree = await loadOrgUnitTree(db);
    authorize(
      check === 'manage'
        ? initiativePolicy.canManage(user, tree, initiative.ownerOrgUnitId)
        : initiativePolicy.canReport(user, tree, initiative.ownerOrgUnitId),
    );
    await db.transaction((tx) => run(tx, expectedVersion, tree));
    const view = (await loadInitiative(db, id, { user, tree }))!;
    c.header('etag', etagOf(view.version));
    return view;
  }

  app.openapi(updateRouteDef, async (c) => {
    const id = c.req.valid('param').id;
    const changes = c.req.valid('json');
    const view = await write(c, id, 'manage', async (tx, expectedVersion, tree) => {
      // Handing an initiative to another unit needs the right to manage that unit's business too.
      if (changes.ownerOrgUnitId) {
        if (!tree.byId.has(changes.ownerOrgUnitId)) {
          throw new AppError('unprocessable', {
            messages: { ja: '担当組織が見つかりません。', en: 'The owner org unit does not exist.' },
          });
        }
        authorize(initiativePolicy.canManage(requireUser(c), tree, changes.ownerOrgUnitId));
      }
      return updateInitiative(tx, { id, expectedVersion, changes, tree, actor: actorOf(c) });
    });
    return c.json(view, 200);
  });

  app.openapi(milestonesRouteDef, async (c) => {
    const id = c.req.valid('param').id;
    const view = await write(c, id, 'manage', (tx, expectedVersion) =>
      replaceInitiativeMilestones(tx, {
        id,
        expectedVersion,
        milestones: c.req.valid('json').milestones,
        actor: actorOf(c),
      }),
    );
    return c.json(view, 200);
  });

  app.openapi(progressRouteDef, async (c) => {
    const id = c.req.valid('param').id;
    const view = await write(c, id, 'report', (tx, expectedVersion) =>
      reportInitiativeProgress(tx, { id, expectedVersion, report: c.req.valid('json'), actor: actorOf(c) }),
    );
    return c.json(view, 201);
  });

  app.openapi(kpisRouteDef, async (c) => {
    const id = c.req.valid('param').id;
    const view = await write(c, id, 'manage', (tx, expectedVersion) =>
      replaceInitiativeKpis(tx, { id, expectedVersion, kpis: c.req.valid('json').kpis, actor: actorOf(c) }),
    );
    return c.json(view, 200);
  });

  app.openapi(actualRouteDef, async (c) => {
    const { id, kpiId, fiscalYear } = c.req.valid('param');
    const body = c.req.valid('json');
    const view = await write(c, id, 'report', (tx, expectedVersion) =>
      recordKpiActual(tx, {
        id,
        expectedVersion,
        kpiId,
        fiscalYear,
        actual: body.actual,
        note: body.note,
        actor: actorOf(c),
      }),
    );
    return c.json(view, 200);
  });
}
