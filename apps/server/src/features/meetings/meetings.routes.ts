import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../lib/context.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { listMeetings } from './meetings.queries.ts';
import { meetingSummarySchema, presentMeetingSummary } from './meetings.presenter.ts';

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings',
  tags: ['meetings'],
  summary: 'X meetings of a fiscal year (public ones without sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(z.object({ fiscalYear: z.number().int(), items: z.array(meetingSummarySchema) }), 'Meetings'),
    ...errorResponses(400, 404),
  },
});

/** X meetings. */
export function registerMeetingRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const rows = await listMeetings(db, fiscalYear, { onlyPublic: c.get('user') === null });
    return c.json({ fiscalYear, items: rows.map(presentMeetingSummary) }, 200);
  });
}
