import { createRoute, z } from '@hono/zod-openapi';
import { AGENDA_ITEM_KINDS } from '@totonoe/domain';
import type { Context } from 'hono';
import type { Database } from '../../db/client.ts';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf, type CurrentUser } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { loadAgenda } from './load-meeting-record.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { agendaSchema } from './meetings.presenter.ts';
import { findMeeting } from './meetings.queries.ts';
import { reorderAgenda } from './reorder-agenda.ts';
import { addAgendaItem, removeAgendaItem, updateAgendaItem } from './save-agenda-item.ts';

const itemParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  itemId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'itemId', in: 'path' } }),
});

const linkInput = z.strictObject({
  type: z.enum(['analysis', 'action', 'cluster', 'platinum_issue']),
  id: z.string().uuid(),
  analysisStage: z
    .enum(['planned', 'started', 'progress_reported', 'direction_reported', 'final_reported', 'follow_up'])
    .nullable()
    .optional(),
});

const itemFields = {
  kind: z.enum(AGENDA_ITEM_KINDS),
  title: z.string().trim().min(1).max(200),
  presenterOrgUnitId: z.string().uuid().nullable(),
  note: z.string().trim().max(2000).nullable(),
  links: z.array(linkInput).max(50),
};

const createBody = z
  .strictObject({
    kind: itemFields.kind,
    title: itemFields.title,
    presenterOrgUnitId: itemFields.presenterOrgUnitId.optional(),
    note: itemFields.note.optional(),
    links: itemFields.links.optional(),
  })
  .openapi('AgendaItemCreate');

const updateBody = z
  .strictObject({
    kind: itemFields.kind.optional(),
    title: itemFields.title.optional(),
    presenterOrgUnitId: itemFields.presenterOrgUnitId.optional(),
    note: itemFields.note.optional(),
    links: itemFields.links.optional(),
  })
  .openapi('AgendaItemUpdate');

const orderBody = z.strictObject({ itemIds: z.array(z.string().uuid()).max(100) }).openapi('AgendaOrder');

const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}/agenda-items',
  tags: ['meetings'],
  summary: 'The agenda (次第) with 資料 numbers, decisions and instructions (signed in)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(agendaSchema, 'The agenda'), ...errorResponses(401, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/agenda-items',
  tags: ['meetings'],
  summary: 'Add an item at the end of the agenda (reform office)',
  request: { params: uuidParam, ...jsonBody(createBody) },
  responses: {
    201: jsonResponse(agendaSchema, 'The agenda'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/meetings/{id}/agenda-items/{itemId}',
  tags: ['meetings'],
  summary: 'Change an agenda item (reform office, If-Match with the item version)',
  request: { params: itemParams, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(agendaSchema, 'The agenda'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/meetings/{id}/agenda-items/{itemId}',
  tags: ['meetings'],
  summary: 'Take an item off the agenda (reform office, If-Match with the agenda version)',
  request: { params: itemParams },
  responses: {
    200: jsonResponse(agendaSchema, 'The agenda'),
    ...errorResponses(401, 403, 404, 409, 412, 428),
  },
});
const orderRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/meetings/{id}/agenda-items/order',
  tags: ['meetings'],
  summary: 'Reorder the agenda; 資料 numbers follow (reform office, If-Match with the agenda version)',
  request: { params: uuidParam, ...jsonBody(orderBody) },
  responses: {
    200: jsonResponse(agendaSchema, 'The agenda'),
    ...errorResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

/** The agenda as it now stands; sets its version as the ETag. */
async function currentAgenda(c: Context<AppEnv>, db: Database, meetingId: string, user: CurrentUser) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw notFound();
  const agenda = await loadAgenda(db, meeting, user);
  c.header('etag', etagOf(meeting.agendaVersion));
  return agenda;
}

/** The agenda (次第) of a meeting: items, their order and links. */
export function registerAgendaRoutes(app: App): void {
  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    return c.json(await currentAgenda(c, c.get('services').db, c.req.valid('param').id, user), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(meetingPolicy.canManage(user));
    const { db } = c.get('services');
    const meetingId = c.req.valid('param').id;
    await db.transaction((tx) =>
      addAgendaItem(tx, { meetingId, fields: c.req.valid('json'), actor: actorOf(c) }),
    );
    return c.json(await currentAgenda(c, db, meetingId, user), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(meetingPolicy.canManage(user));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const { id, itemId } = c.req.valid('param');
    await db.transaction((tx) =>
      updateAgendaItem(tx, {
        meetingId: id,
        itemId,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    return c.json(await currentAgenda(c, db, id, user), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(meetingPolicy.canManage(user));
    const expectedAgendaVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const { id, itemId } = c.req.valid('param');
    await db.transaction((tx) =>
      removeAgendaItem(tx, { meetingId: id, itemId, expectedAgendaVersion, actor: actorOf(c) }),
    );
    return c.json(await currentAgenda(c, db, id, user), 200);
  });

  app.openapi(orderRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(meetingPolicy.canManage(user));
    const expectedAgendaVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const meetingId = c.req.valid('param').id;
    await db.transaction((tx) =>
      reorderAgenda(tx, {
        meetingId,
        itemIds: c.req.valid('json').itemIds,
        expectedAgendaVersion,
        actor: actorOf(c),
      }),
    );
    return c.json(await currentAgenda(c, db, meetingId, user), 200);
  });
}
