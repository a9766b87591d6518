import { createRoute, z } from '@hono/zod-openapi';
import { authorize, requireUser } from '../../lib/authorization.ts';
import type { App } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, pagingQuery, uuidParam } from '../../lib/openapi.ts';
import { notificationPolicy } from './notifications.policy.ts';
import { notificationSchema, presentNotification } from './notifications.presenter.ts';
import { findNotificationFor, listNotificationsFor, markNotificationsRead } from './notifications.queries.ts';

const listQuery = z.object({ unread: z.enum(['true', 'false']).optional(), ...pagingQuery });

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/notifications',
  tags: ['notifications'],
  summary: 'My notifications, newest first, with the unread count',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(notificationSchema),
        total: z.number().int(),
        unreadCount: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of notifications',
    ),
    ...errorResponses(400, 401),
  },
});
const readRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one of my notifications read',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(notificationSchema, 'Marked read'), ...errorResponses(401, 404) },
});
const readAllRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/notifications/read-all',
  tags: ['notifications'],
  summary: 'Mark all my notifications read',
  responses: {
    200: jsonResponse(z.object({ updated: z.number().int() }), 'Marked read'),
    ...errorResponses(401),
  },
});

/** The notification inbox. Marking read is the person's own view state, so it is not audited. */
export function registerNotificationRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(notificationPolicy.canReadOwn(user));
    const query = c.req.valid('query');
    const result = await listNotificationsFor(c.get('services').db, user.id, {
      isUnreadOnly: query.unread === 'true',
      page: query.page,
      pageSize: query.pageSize,
    });
    return c.json(
      {
        items: result.items.map(presentNotification),
        total: result.total,
        unreadCount: result.unreadCount,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });

  app.openapi(readAllRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(notificationPolicy.canReadOwn(user));
    const updated = await markNotificationsRead(c.get('services').db, user.id, null);
    return c.json({ updated }, 200);
  });

  app.openapi(readRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(notificationPolicy.canReadOwn(user));
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    await markNotificationsRead(db, user.id, [id]);
    const row = await findNotificationFor(db, user.id, id);
    if (!row) throw notFound();
    return c.json(presentNotification(row), 200);
  });
}
