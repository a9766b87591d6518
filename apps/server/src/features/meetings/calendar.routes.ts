import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearLabel } from '@totonoe/domain';
import type { Context } from 'hono';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { findActiveFeed, findFeedByTokenHash, touchFeed } from './calendar.queries.ts';
import { feedTokenHash, issueCalendarFeed, revokeCalendarFeed } from './calendar-feed.ts';
import { buildMeetingCalendar } from './icalendar.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { listAllMeetings, listMeetings } from './meetings.queries.ts';

const UID_DOMAIN = 'totonoe';
// Writing last_used_at on every poll of a calendar client would turn each read into a write.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

const calendarResponse = {
  description: 'iCalendar (RFC 5545)',
  content: { 'text/calendar': { schema: z.string() } },
} as const;

const feedStatusSchema = z
  .object({ isActive: z.boolean(), createdAt: z.string().nullable(), lastUsedAt: z.string().nullable() })
  .openapi('CalendarFeedStatus');
const issuedFeedSchema = z.object({ url: z.string(), createdAt: z.string() }).openapi('CalendarFeedIssued');

const publicFeedRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings.ics',
  tags: ['meetings'],
  summary: 'Public X meetings of a fiscal year as iCalendar (no sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: { 200: calendarResponse, ...errorResponses(400, 404) },
});
const privateFeedRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/calendar-feed/{file}',
  tags: ['meetings'],
  summary: "A user's private feed: every meeting they may see (the token in the URL is the credential)",
  request: {
    params: z.object({
      file: z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}\.ics$/)
        .openapi({ param: { name: 'file', in: 'path' }, example: '<token>.ics' }),
    }),
  },
  responses: { 200: calendarResponse, ...errorResponses(400, 404) },
});
const statusRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/calendar-feed',
  tags: ['meetings'],
  summary: 'Whether the signed-in user has a private calendar feed',
  responses: { 200: jsonResponse(feedStatusSchema, 'Status'), ...errorResponses(401) },
});
const issueRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/calendar-feed',
  tags: ['meetings'],
  summary: 'Issue a private calendar feed URL (shown once), revoking the previous one',
  responses: { 201: jsonResponse(issuedFeedSchema, 'Issued'), ...errorResponses(401, 403) },
});
const revokeRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/calendar-feed',
  tags: ['meetings'],
  summary: 'Revoke the private calendar feed URL',
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401) },
});

function originOf(c: Context<AppEnv>): string {
  const { config } = c.get('services');
  return config.publicOrigin ? new URL(config.publicOrigin).origin : new URL(c.req.url).origin;
}

function calendarBody(c: Context<AppEnv>, text: string, fileName: string, cacheControl: string) {
  return c.body(text, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${fileName}"`,
    'cache-control': cacheControl,
  });
}

/** Calendar feeds of the meeting series: public per year, and a private one per user. */
export function registerCalendarRoutes(app: App): void {
  app.openapi(publicFeedRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    // The public feed never depends on who asks: public meetings only, even for a signed-in employee.
    const rows = await listMeetings(db, fiscalYear, { onlyPublic: true });
    const origin = originOf(c);
    const text = buildMeetingCalendar(rows, {
      name: `X会議（${fiscalYearLabel(fiscalYear)}）`,
      pageUrl: (meeting) => `${origin}/public/meetings/${meeting.id}`,
      uidDomain: UID_DOMAIN,
    });
    return calendarBody(c, text, `x-meetings-${fiscalYear}.ics`, 'public, max-age=300');
  });

  app.openapi(privateFeedRouteDef, async (c) => {
    const { db } = c.get('services');
    const token = c.req.valid('param').file.slice(0, -'.ics'.length);
    const feed = await findFeedByTokenHash(db, feedTokenHash(token));
    if (!feed) throw notFound();
    const now = new Date();
    if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > TOUCH_INTERVAL_MS)
      await touchFeed(db, feed.id, now);
    // Every signed-in employee may see every meeting record, so the feed holds all of them.
    const rows = await listAllMeetings(db);
    const origin = originOf(c);
    const text = buildMeetingCalendar(rows, {
      name: 'X会議（庁内）',
      pageUrl: (meeting) => `${origin}/meetings/${meeting.id}`,
      uidDomain: UID_DOMAIN,
    });
    return calendarBody(c, text, 'x-meetings.ics', 'private, no-store');
  });

  app.openapi(statusRouteDef, async (c) => {
    const user = requireUser(c);
    const feed = await findActiveFeed(c.get('services').db, user.id);
    return c.json(
      {
        isActive: feed !== null,
        createdAt: feed?.createdAt.toISOString() ?? null,
        lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null,
      },
      200,
    );
  });

  app.openapi(issueRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(meetingPolicy.canUseCalendarFeed(user));
    const { token, feed } = await c
      .get('services')
      .db.transaction((tx) => issueCalendarFeed(tx, { userId: user.id, actor: actorOf(c) }));
    return c.json(
      { url: `${originOf(c)}/api/v1/calendar-feed/${token}.ics`, createdAt: feed.createdAt.toISOString() },
      201,
    );
  });

  app.openapi(revokeRouteDef, async (c) => {
    const user = requireUser(c);
    await c
      .get('services')
      .db.transaction((tx) => revokeCalendarFeed(tx, { userId: user.id, actor: actorOf(c) }));
    return c.body(null, 204);
  });
}
