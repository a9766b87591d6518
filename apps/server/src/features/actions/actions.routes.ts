import { createRoute, z } from '@hono/zod-openapi';
import { ACTION_STATUSES, isoDateOf, isValidIsoDate, nextActionStatuses } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import {
  errorResponses,
  fiscalYearQuery,
  jsonBody,
  jsonResponse,
  pagingQuery,
  uuidParam,
} from '../../lib/openapi.ts';
import { actionPolicy, ownUnitRoots } from './actions.policy.ts';
import { actionDetailSchema, actionSchema, presentAction, presentActionDetail } from './actions.presenter.ts';
import {
  findAction,
  listActions,
  listActionUpdates,
  orgUnitAncestry,
  orgUnitSubtree,
} from './actions.queries.ts';
import { recordInstruction } from './record-instruction.ts';
import { reportActionProgress } from './report-action-progress.ts';
import { updateAction } from './update-action.ts';

const isoDate = z
  .string()
  .max(10)
  .refine(isValidIsoDate, { message: 'YYYY-MM-DD の日付を指定してください / a date YYYY-MM-DD' });

const listQuery = z.object({
  owner: z
    .union([z.literal('mine'), z.string().uuid()])
    .optional()
    .openapi({
      description: '`mine` (the units the user belongs to or acts for) or an org unit id; sub-units included',
    }),
  status: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: `comma-separated statuses: ${ACTION_STATUSES.join(', ')}` }),
  overdue: z.enum(['true', 'false']).optional(),
  fy: fiscalYearQuery.optional(),
  meetingId: z.string().uuid().optional(),
  ...pagingQuery,
});

const instructionBody = z
  .strictObject({
    agendaItemId: z.string().uuid(),
    body: z.string().trim().min(1).max(4000),
    ownerOrgUnitId: z.string().uuid(),
    dueDate: isoDate,
  })
  .openapi('InstructionCreate');

const updateBody = z
  .strictObject({
    body: z.string().trim().min(1).max(4000).optional(),
    ownerOrgUnitId: z.string().uuid().optional(),
    dueDate: isoDate.optional(),
  })
  .openapi('ActionUpdateFields');

const progressBody = z
  .strictObject({
    body: z.string().trim().min(1).max(4000),
    status: z.enum(ACTION_STATUSES).optional(),
    reviewedAtMeetingId: z.string().uuid().optional(),
  })
  .openapi('ActionProgress');

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/actions',
  tags: ['actions'],
  summary: 'Tracked actions (指示事項) by owner, status and overdue (signed in)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(actionSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
        today: z.string(),
      }),
      'A page of actions',
    ),
    ...errorResponses(400, 401),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/actions/{id}',
  tags: ['actions'],
  summary: 'One action with its progress notes (signed in)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(actionDetailSchema, 'The action'), ...errorResponses(401, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/actions/{id}',
  tags: ['actions'],
  summary: "Correct an action's text, owner or due date (reform office, If-Match)",
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(actionSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 412, 422, 428),
  },
});
const progressRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/actions/{id}/updates',
  tags: ['actions'],
  summary: 'Report progress on an action and move its status (owner unit or reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(progressBody) },
  responses: {
    200: jsonResponse(actionSchema, 'Recorded'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const instructionRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/instructions',
  tags: ['actions'],
  summary: 'Record an instruction (指示事項) on an agenda item; it becomes a tracked action (reform office)',
  request: { params: uuidParam, ...jsonBody(instructionBody) },
  responses: {
    201: jsonResponse(actionSchema, 'Recorded'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

function parseStatuses(text: string | undefined) {
  if (!text) return undefined;
  const parsed = z.array(z.enum(ACTION_STATUSES)).max(ACTION_STATUSES.length).safeParse(text.split(','));
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      messages: { ja: '状態の指定が正しくありません。', en: 'Unknown status in the filter.' },
    });
  }
  return parsed.data;
}

/** Tracked actions: instructions given at X meetings, followed until closed. */
export function registerActionRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(actionPolicy.canRead(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const today = isoDateOf(new Date());
    let ownerOrgUnitIds: string[] | undefined;
    if (query.owner === 'mine') ownerOrgUnitIds = await orgUnitSubtree(db, ownUnitRoots(user));
    else if (query.owner) ownerOrgUnitIds = await orgUnitSubtree(db, [query.owner]);
    const result = await listActions(
      db,
      {
        ownerOrgUnitIds,
        statuses: parseStatuses(query.status),
        isOverdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        today,
        meetingId: query.meetingId,
        fiscalYear: query.fy,
      },
      query.page,
      query.pageSize,
    );
    return c.json(
      {
        items: result.items.map((row) => presentAction(row, today)),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
        today,
      },
      200,
    );
  });

  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(actionPolicy.canRead(user));
    const { db } = c.get('services');
    const row = await findAction(db, c.req.valid('param').id);
    if (!row) throw notFound();
    const [updates, ownerAncestry] = await Promise.all([
      listActionUpdates(db, row.id),
      orgUnitAncestry(db, row.ownerOrgUnitId),
    ]);
    const actorKind = actionPolicy.actorFor(user, { ownerAncestry });
    c.header('etag', etagOf(row.version));
    return c.json(
      presentActionDetail(row, updates, isoDateOf(new Date()), {
        nextStatuses: actorKind ? nextActionStatuses(row.status, actorKind) : [],
        canReport: actorKind !== null,
        canEdit: actionPolicy.canEdit(user),
      }),
      200,
    );
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(actionPolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const updated = await c.get('services').db.transaction((tx) =>
      updateAction(tx, {
        id: c.req.valid('param').id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentAction(updated, isoDateOf(new Date())), 200);
  });

  app.openapi(progressRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const existing = await findAction(db, c.req.valid('param').id);
    if (!existing) throw notFound();
    const actorKind = actionPolicy.actorFor(user, {
      ownerAncestry: await orgUnitAncestry(db, existing.ownerOrgUnitId),
    });
    authorize(actorKind !== null);
    const expectedVersion = requireIfMatch(c);
    const body = c.req.valid('json');
    const updated = await db.transaction((tx) =>
      reportActionProgress(tx, {
        id: existing.id,
        expectedVersion,
        body: body.body,
        toStatus: body.status,
        reviewedAtMeetingId: body.reviewedAtMeetingId,
        actorKind: actorKind!,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentAction(updated, isoDateOf(new Date())), 200);
  });

  app.openapi(instructionRouteDef, async (c) => {
    authorize(actionPolicy.canRecord(requireUser(c)));
    const created = await c.get('services').db.transaction((tx) =>
      recordInstruction(tx, {
        meetingId: c.req.valid('param').id,
        ...c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(created.version));
    return c.json(presentAction(created, isoDateOf(new Date())), 201);
  });
}
