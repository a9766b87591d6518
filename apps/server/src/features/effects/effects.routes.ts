import { createRoute, z } from '@hono/zod-openapi';
import {
  EFFECT_CATEGORIES,
  EFFECT_RECURRENCES,
  EFFECT_SOURCE_KINDS,
  EFFECT_STAGES,
  fiscalYearSchema,
  yenSchema,
  yenToJson,
} from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { loadOrgUnitTree, unitAndBelow } from '../bureau-policies/index.ts';
import { createEffect } from './create-effect.ts';
import { deleteEffect } from './delete-effect.ts';
import { type EffectInput, resolveEffect } from './effect-fields.ts';
import { effectPolicy } from './effects.policy.ts';
import {
  effectSchema,
  ledgerAmountsSchema,
  ledgerSchema,
  presentTarget,
  targetSchema,
} from './effects.presenter.ts';
import { findEffect, findTarget, listTargets } from './effects.queries.ts';
import { listEffectItems, loadLedger, presentEffectRow } from './load-effects.ts';
import { createTarget, updateTarget } from './save-target.ts';
import { updateEffect } from './update-effect.ts';

const effectFields = {
  targetId: z.string().uuid().nullable(),
  title: z.string().trim().min(1).max(200),
  fiscalYear: fiscalYearSchema,
  endFiscalYear: fiscalYearSchema.nullable(),
  category: z.enum(EFFECT_CATEGORIES),
  recurrence: z.enum(EFFECT_RECURRENCES),
  stage: z.enum(EFFECT_STAGES),
  amount: yenSchema,
  basis: z.string().trim().max(5000),
  sourceKind: z.enum(EFFECT_SOURCE_KINDS),
  sourceId: z.string().uuid(),
  orgUnitId: z.string().uuid().nullable(),
  clusterId: z.string().uuid().nullable(),
};
const createBody = z
  .strictObject({
    ...effectFields,
    targetId: effectFields.targetId.default(null),
    endFiscalYear: effectFields.endFiscalYear.default(null),
    basis: effectFields.basis.default(''),
    orgUnitId: effectFields.orgUnitId.optional(),
    clusterId: effectFields.clusterId.optional(),
  })
  .openapi('EffectCreate');
const updateBody = z
  .strictObject(
    Object.fromEntries(Object.entries(effectFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof effectFields]: z.ZodOptional<(typeof effectFields)[K]>;
    },
  )
  .openapi('EffectUpdate');
const targetFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000),
  amount: yenSchema,
  startFiscalYear: fiscalYearSchema,
  endFiscalYear: fiscalYearSchema,
};
const targetCreateBody = z
  .strictObject({ ...targetFields, description: targetFields.description.default('') })
  .openapi('EffectTargetCreate');
const targetUpdateBody = z
  .strictObject({
    name: targetFields.name.optional(),
    description: targetFields.description.optional(),
    amount: targetFields.amount.optional(),
    startFiscalYear: targetFields.startFiscalYear.optional(),
    endFiscalYear: targetFields.endFiscalYear.optional(),
  })
  .openapi('EffectTargetUpdate');
const listQuery = z.object({
  targetId: z.string().uuid().optional(),
  fy: fiscalYearQuery.optional(),
  sourceKind: z.enum(EFFECT_SOURCE_KINDS).optional(),
  sourceId: z.string().uuid().optional(),
  orgUnitId: z.string().uuid().optional(),
  stage: z.enum(EFFECT_STAGES).optional(),
  category: z.enum(EFFECT_CATEGORIES).optional(),
});

const tags = ['effects'];
const writeErrors = errorResponses(400, 401, 403, 404, 409, 412, 422, 428);
const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/effects',
  tags,
  summary:
    '効果額: ledger lines, filtered by target, year, source, unit, stage or category, with the sum of the lines',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(effectSchema), sum: ledgerAmountsSchema }), 'Ledger lines'),
    ...errorResponses(400, 401, 403),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/effects',
  tags,
  summary: 'Book a ledger line (the owning unit for planned lines; the reform office confirms actuals)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(effectSchema, 'Booked'), ...errorResponses(400, 401, 403, 422) },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/effects/{id}',
  tags,
  summary: 'One ledger line',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(effectSchema, 'The line'), ...errorResponses(401, 403, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/effects/{id}',
  tags,
  summary: 'Change a ledger line (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: { 200: jsonResponse(effectSchema, 'Changed'), ...writeErrors },
});
const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/effects/{id}',
  tags,
  summary: 'Remove a ledger line booked in error (If-Match)',
  request: { params: uuidParam },
  responses: { 204: { description: 'Removed' }, ...writeErrors },
});
const targetsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/targets',
  tags,
  summary: 'Programme targets (e.g. 次世代投資枠)',
  responses: {
    200: jsonResponse(z.object({ items: z.array(targetSchema) }), 'Targets'),
    ...errorResponses(401, 403),
  },
});
const createTargetRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/targets',
  tags,
  summary: 'Set a programme target (reform office)',
  request: jsonBody(targetCreateBody),
  responses: { 201: jsonResponse(targetSchema, 'Created'), ...errorResponses(400, 401, 403) },
});
const getTargetRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/targets/{id}',
  tags,
  summary: 'One programme target',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(targetSchema, 'The target'), ...errorResponses(401, 403, 404) },
});
const updateTargetRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/targets/{id}',
  tags,
  summary: 'Change a programme target (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(targetUpdateBody) },
  responses: { 200: jsonResponse(targetSchema, 'Changed'), ...writeErrors },
});
const ledgerRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/targets/{id}/ledger',
  tags,
  summary:
    'The ledger against a target: by year with cumulative, cluster group, bureau, category and recurrence',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(ledgerSchema, 'The ledger'), ...errorResponses(401, 403, 404) },
});

const ACTUAL_REFUSED = {
  ja: '実績の確定・変更は市政変革室が行います。',
  en: 'Only the reform office confirms or changes actual effects.',
};

/** The stage field is the reform office's once a line is, or becomes, an actual. */
function authorizeStage(user: CurrentUser, stages: (string | undefined)[]) {
  if (stages.includes('actual') && !effectPolicy.canConfirmActual(user)) {
    throw new AppError('forbidden', { messages: ACTUAL_REFUSED });
  }
}

/** The effect ledger and programme targets. */
export function registerEffectRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(effectPolicy.canRead(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const tree = await loadOrgUnitTree(db);
    const items = await listEffectItems(
      db,
      {
        targetId: query.targetId,
        fiscalYear: query.fy,
        sourceKind: query.sourceKind,
        sourceId: query.sourceId,
        orgUnitIds: query.orgUnitId ? unitAndBelow(tree, query.orgUnitId) : undefined,
        stage: query.stage,
        category: query.category,
      },
      tree,
    );
    let planned = 0n;
    let actual = 0n;
    for (const item of items) {
      if (item.stage === 'actual') actual += BigInt(item.amount);
      else planned += BigInt(item.amount);
    }
    return c.json(
      {
        items,
        sum: { planned: yenToJson(planned), actual: yenToJson(actual), total: yenToJson(planned + actual) },
      },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(effectPolicy.canRead(user));
    const { db } = c.get('services');
    const input: EffectInput = c.req.valid('json');
    const tree = await loadOrgUnitTree(db);
    const resolved = await resolveEffect(db, input, tree);
    authorize(effectPolicy.canRecordFor(user, tree, resolved.orgUnitId));
    authorizeStage(user, [input.stage]);
    const row = await db.transaction((tx) => createEffect(tx, { input, tree, actor: actorOf(c) }));
    c.header('etag', etagOf(row.version));
    return c.json(await presentEffectRow(db, row, tree), 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(effectPolicy.canRead(user));
    const { db } = c.get('services');
    const row = await findEffect(db, c.req.valid('param').id);
    if (!row) throw notFound();
    c.header('etag', etagOf(row.version));
    return c.json(await presentEffectRow(db, row, await loadOrgUnitTree(db)), 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(effectPolicy.canRead(user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const before = await findEffect(db, id);
    if (!before) throw notFound();
    const tree = await loadOrgUnitTree(db);
    const changes = c.req.valid('json');
    authorize(effectPolicy.canRecordFor(user, tree, before.orgUnitId));
    authorizeStage(user, [before.stage, changes.stage]);
    const row = await db.transaction(async (tx) => {
      const updated = await updateEffect(tx, { id, expectedVersion, changes, tree, actor: actorOf(c) });
      // Moving a line to another unit needs the right to record for that unit too.
      authorize(effectPolicy.canRecordFor(user, tree, updated.orgUnitId));
      return updated;
    });
    c.header('etag', etagOf(row.version));
    return c.json(await presentEffectRow(db, row, tree), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(effectPolicy.canRead(user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const before = await findEffect(db, id);
    if (!before) throw notFound();
    const tree = await loadOrgUnitTree(db);
    authorize(effectPolicy.canRecordFor(user, tree, before.orgUnitId));
    authorizeStage(user, [before.stage]);
    await db.transaction((tx) => deleteEffect(tx, { id, expectedVersion, actor: actorOf(c) }));
    return c.body(null, 204);
  });

  app.openapi(targetsRouteDef, async (c) => {
    authorize(effectPolicy.canRead(requireUser(c)));
    const rows = await listTargets(c.get('services').db);
    return c.json({ items: rows.map(presentTarget) }, 200);
  });

  app.openapi(createTargetRouteDef, async (c) => {
    authorize(effectPolicy.canManageTargets(requireUser(c)));
    const row = await c
      .get('services')
      .db.transaction((tx) => createTarget(tx, { fields: c.req.valid('json'), actor: actorOf(c) }));
    c.header('etag', etagOf(row.version));
    return c.json(presentTarget(row), 201);
  });

  app.openapi(getTargetRouteDef, async (c) => {
    authorize(effectPolicy.canRead(requireUser(c)));
    const row = await findTarget(c.get('services').db, c.req.valid('param').id);
    if (!row) throw notFound();
    c.header('etag', etagOf(row.version));
    return c.json(presentTarget(row), 200);
  });

  app.openapi(updateTargetRouteDef, async (c) => {
    authorize(effectPolicy.canManageTargets(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const row = await c.get('services').db.transaction((tx) =>
      updateTarget(tx, {
        id: c.req.valid('param').id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(row.version));
    return c.json(presentTarget(row), 200);
  });

  app.openapi(ledgerRouteDef, async (c) => {
    authorize(effectPolicy.canRead(requireUser(c)));
    const { db } = c.get('services');
    const target = await findTarget(db, c.req.valid('param').id);
    if (!target) throw notFound();
    return c.json(await loadLedger(db, target, await loadOrgUnitTree(db)), 200);
  });
}
