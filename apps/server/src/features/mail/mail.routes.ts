import { createRoute, z } from '@hono/zod-openapi';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { mailPolicy } from './mail.policy.ts';
import { MAIL_DELIVERIES, mailSettingsSchema, presentMailSettings } from './mail.presenter.ts';
import { findMailSettings } from './mail.queries.ts';
import { updateMailSettings } from './update-mail-settings.ts';

const updateBody = z.strictObject({ delivery: z.enum(MAIL_DELIVERIES) }).openapi('MailSettingsUpdate');

const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/me/mail-settings',
  tags: ['mail'],
  summary: 'How I receive e-mail: at once, a daily digest, or none',
  responses: { 200: jsonResponse(mailSettingsSchema, 'My mail settings'), ...errorResponses(401) },
});
const updateRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/me/mail-settings',
  tags: ['mail'],
  summary: 'Change how I receive e-mail (If-Match: the version read, "0" before the first change)',
  request: jsonBody(updateBody),
  responses: {
    200: jsonResponse(mailSettingsSchema, 'Saved'),
    ...errorResponses(400, 401, 412, 428),
  },
});

/** A person's own e-mail settings. */
export function registerMailRoutes(app: App): void {
  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(mailPolicy.canManageOwnSettings(user));
    const { db, config } = c.get('services');
    const settings = await findMailSettings(db, user.id);
    if (!settings) throw notFound();
    c.header('etag', etagOf(settings.version));
    return c.json(
      presentMailSettings(settings, {
        isMailConfigured: config.smtp !== null,
        digestHour: config.mailDigestHour,
      }),
      200,
    );
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(mailPolicy.canManageOwnSettings(user));
    const expectedVersion = requireIfMatch(c);
    const { db, config } = c.get('services');
    const saved = await db.transaction((tx) =>
      updateMailSettings(tx, {
        userId: user.id,
        delivery: c.req.valid('json').delivery,
        expectedVersion,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(saved.version));
    return c.json(
      presentMailSettings(saved, {
        isMailConfigured: config.smtp !== null,
        digestHour: config.mailDigestHour,
      }),
      200,
    );
  });
}
