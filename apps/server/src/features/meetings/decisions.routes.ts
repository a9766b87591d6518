import { createRoute, z } from '@hono/zod-openapi';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { decisionSchema } from './meetings.presenter.ts';
import { findMeeting, listDecisions } from './meetings.queries.ts';
import { recordDecision, removeDecision, updateDecision } from './save-decision.ts';

const decisionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  decisionId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'decisionId', in: 'path' } }),
});

const createBody = z
  .strictObject({ agendaItemId: z.string().uuid(), body: z.string().trim().min(1).max(4000) })
  .openapi('DecisionCreate');
const updateBody = z.strictObject({ body: z.string().trim().min(1).max(4000) }).openapi('DecisionUpdate');

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}/decisions',
  tags: ['meetings'],
  summary: 'Decisions (決定事項) of a meeting (signed in)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(decisionSchema) }), 'Decisions'),
    ...errorResponses(401, 404),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/decisions',
  tags: ['meetings'],
  summary: 'Record a decision on an agenda item (reform office)',
  request: { params: uuidParam, ...jsonBody(createBody) },
  responses: { 201: jsonResponse(decisionSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404, 422) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/meetings/{id}/decisions/{decisionId}',
  tags: ['meetings'],
  summary: 'Correct a decision (reform office, If-Match)',
  request: { params: decisionParams, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(decisionSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 412, 428),
  },
});
const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/meetings/{id}/decisions/{decisionId}',
  tags: ['meetings'],
  summary: 'Remove a decision recorded by mistake (reform office, If-Match)',
  request: { params: decisionParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 412, 428) },
});

function present(row: { id: string; agendaItemId: string; body: string; version: number }) {
  return { id: row.id, agendaItemId: row.agendaItemId, body: row.body, version: row.version };
}

/** Decisions (決定事項) recorded per agenda item. */
export function registerDecisionRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    requireUser(c);
    const { db } = c.get('services');
    const meeting = await findMeeting(db, c.req.valid('param').id);
    if (!meeting) throw notFound();
    return c.json({ items: (await listDecisions(db, meeting.id)).map(present) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const created = await c
      .get('services')
      .db.transaction((tx) =>
        recordDecision(tx, { meetingId: c.req.valid('param').id, ...c.req.valid('json'), actor: actorOf(c) }),
      );
    c.header('etag', etagOf(created.version));
    return c.json(present(created), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { id, decisionId } = c.req.valid('param');
    const updated = await c.get('services').db.transaction((tx) =>
      updateDecision(tx, {
        meetingId: id,
        decisionId,
        expectedVersion,
        body: c.req.valid('json').body,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(present(updated), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { id, decisionId } = c.req.valid('param');
    await c
      .get('services')
      .db.transaction((tx) =>
        removeDecision(tx, { meetingId: id, decisionId, expectedVersion, actor: actorOf(c) }),
      );
    return c.body(null, 204);
  });
}
