import { createRoute, z } from '@hono/zod-openapi';
import { isoDateOf, SCHEDULE_LANES, scheduleSpanSchema } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { addScheduleEntry } from './add-schedule-entry.ts';
import { deleteScheduleEntry } from './delete-schedule-entry.ts';
import { loadSchedule, storedEntry } from './load-schedule.ts';
import { schedulePolicy } from './schedule.policy.ts';
import {
  presentSchedule,
  presentScheduleEntry,
  scheduleEntrySchema,
  scheduleSchema,
} from './schedule.presenter.ts';
import { updateScheduleEntry } from './update-schedule-entry.ts';

const linkBody = z.strictObject({ type: z.enum(['meeting', 'analysis', 'cluster']), id: z.string().uuid() });
const entryFields = {
  lane: z.enum(SCHEDULE_LANES),
  label: z.string().trim().min(1).max(200),
  span: scheduleSpanSchema,
  isSpanningYear: z.boolean(),
  link: linkBody.nullable(),
};
const createBody = z
  .strictObject({
    fiscalYear: z.number().int().min(1989).max(2100),
    ...entryFields,
    isSpanningYear: entryFields.isSpanningYear.default(false),
    link: entryFields.link.default(null),
  })
  .openapi('ScheduleEntryCreate');
const updateBody = z
  .strictObject({
    lane: entryFields.lane.optional(),
    label: entryFields.label.optional(),
    span: entryFields.span.optional(),
    isSpanningYear: entryFields.isSpanningYear.optional(),
    link: entryFields.link.optional(),
  })
  .openapi('ScheduleEntryUpdate');

const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/schedule',
  tags: ['schedule'],
  summary: 'The year’s schedule (年間日程) in lanes: meetings and other records, plus hand-kept entries',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: { 200: jsonResponse(scheduleSchema, 'The schedule'), ...errorResponses(400, 401, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/schedule/entries',
  tags: ['schedule'],
  summary: 'Add an entry to the year’s schedule (reform office)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(scheduleEntrySchema, 'Added'), ...errorResponses(400, 401, 403, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/schedule/entries/{id}',
  tags: ['schedule'],
  summary: 'Change a hand-kept schedule entry (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(scheduleEntrySchema, 'Changed'),
    ...errorResponses(400, 401, 403, 404, 412, 428),
  },
});
const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/schedule/entries/{id}',
  tags: ['schedule'],
  summary: 'Remove a hand-kept schedule entry (reform office, If-Match)',
  request: { params: uuidParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 412, 428) },
});

/** 年間日程: the year's schedule. */
export function registerScheduleRoutes(app: App): void {
  app.openapi(getRouteDef, async (c) => {
    authorize(schedulePolicy.canRead(requireUser(c)));
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    return c.json(presentSchedule(await loadSchedule(db, fiscalYear)), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(schedulePolicy.canEdit(requireUser(c)));
    const { db } = c.get('services');
    const body = c.req.valid('json');
    const fiscalYear = await resolveFiscalYear(db, body.fiscalYear);
    const row = await db.transaction((tx) =>
      addScheduleEntry(tx, { ...body, fiscalYear, actor: actorOf(c) }),
    );
    c.header('etag', etagOf(row.version));
    return c.json(presentScheduleEntry(storedEntry(row, isoDateOf(new Date()))), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(schedulePolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const row = await db.transaction((tx) =>
      updateScheduleEntry(tx, {
        entryId: c.req.valid('param').id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(row.version));
    return c.json(presentScheduleEntry(storedEntry(row, isoDateOf(new Date()))), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    authorize(schedulePolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    await db.transaction((tx) =>
      deleteScheduleEntry(tx, { entryId: c.req.valid('param').id, expectedVersion, actor: actorOf(c) }),
    );
    return c.body(null, 204);
  });
}
