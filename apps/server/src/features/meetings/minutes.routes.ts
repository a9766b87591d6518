import { createRoute, z } from '@hono/zod-openapi';
import { MINUTES_STATUSES } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { minutesSchema, presentMinutes } from './meetings.presenter.ts';
import { findMeeting, findMinutes } from './meetings.queries.ts';
import { createMinutes, transitionMinutes, updateMinutes } from './save-minutes.ts';

const MINUTES_MAX_LENGTH = 50_000;

const bodyInput = z
  .strictObject({ body: z.string().trim().min(1).max(MINUTES_MAX_LENGTH) })
  .openapi('MinutesText');
const statusInput = z.strictObject({ status: z.enum(MINUTES_STATUSES) }).openapi('MinutesStatusChange');

const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}/minutes',
  tags: ['meetings'],
  summary: 'The minutes (議事要旨); drafts only for the reform office and executives (signed in)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(minutesSchema, 'The minutes'), ...errorResponses(401, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/minutes',
  tags: ['meetings'],
  summary: 'Start the minutes as a draft (reform office)',
  request: { params: uuidParam, ...jsonBody(bodyInput) },
  responses: { 201: jsonResponse(minutesSchema, 'Created'), ...errorResponses(400, 401, 403, 404, 409) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/meetings/{id}/minutes',
  tags: ['meetings'],
  summary: 'Edit the draft minutes (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(bodyInput) },
  responses: {
    200: jsonResponse(minutesSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});
const statusRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/minutes/status',
  tags: ['meetings'],
  summary: 'Approve, publish, withdraw or return the minutes to draft (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(statusInput) },
  responses: {
    200: jsonResponse(minutesSchema, 'Moved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

/** Minutes (議事要旨): drafted, approved by the reform office, published. */
export function registerMinutesRoutes(app: App): void {
  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const meeting = await findMeeting(db, c.req.valid('param').id);
    if (!meeting) throw notFound();
    const minutes = await findMinutes(db, meeting.id);
    if (!minutes || (minutes.status === 'draft' && !meetingPolicy.canReadDraftMinutes(user)))
      throw notFound();
    c.header('etag', etagOf(minutes.version));
    return c.json(presentMinutes(minutes), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const created = await c.get('services').db.transaction((tx) =>
      createMinutes(tx, {
        meetingId: c.req.valid('param').id,
        body: c.req.valid('json').body,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(created.version));
    return c.json(presentMinutes(created), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const updated = await c.get('services').db.transaction((tx) =>
      updateMinutes(tx, {
        meetingId: c.req.valid('param').id,
        expectedVersion,
        body: c.req.valid('json').body,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentMinutes(updated), 200);
  });

  app.openapi(statusRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const moved = await c.get('services').db.transaction((tx) =>
      transitionMinutes(tx, {
        meetingId: c.req.valid('param').id,
        expectedVersion,
        to: c.req.valid('json').status,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(moved.version));
    return c.json(presentMinutes(moved), 200);
  });
}
