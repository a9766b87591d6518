import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearLabel } from '@totonoe/domain';
import type { App } from '../../lib/context.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { presentPublicResponse, publicResponseSchema } from './public-responses.presenter.ts';
import { listAnnouncingBureaus, listPublishedResponses } from './public-responses.queries.ts';

const publicResponsesRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/platinum-responses',
  tags: ['platinum', 'public'],
  summary:
    'Responses (対応方針) the bureau heads announced in a fiscal year, with the decision (public; no ideas, no authors)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(
      z.object({
        fiscalYear: z.number().int(),
        fiscalYearLabel: z.string(),
        items: z.array(publicResponseSchema),
      }),
      'Published responses, by campaign and issue number',
    ),
    ...errorResponses(400, 404),
  },
});

/** The public face of the Platinum project: announced responses only, readable without a session. */
export function registerPlatinumPublicRoutes(app: App): void {
  app.openapi(publicResponsesRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const rows = await listPublishedResponses(db, fiscalYear);
    const bureaus = await listAnnouncingBureaus(
      db,
      rows.map((row) => row.issueId),
    );
    c.header('cache-control', 'no-cache');
    return c.json(
      {
        fiscalYear,
        fiscalYearLabel: fiscalYearLabel(fiscalYear),
        items: rows.map((row) => presentPublicResponse(row, bureaus.get(row.issueId))),
      },
      200,
    );
  });
}
