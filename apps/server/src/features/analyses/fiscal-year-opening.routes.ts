import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_STAGES } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { analysisPolicy } from './analyses.policy.ts';
import { isClusterInEffect, listUnfinishedAnalyses, openedFiscalYears } from './analyses.queries.ts';
import { openFiscalYear } from './open-fiscal-year.ts';

const yearParam = z.object({ year: fiscalYearQuery.openapi({ param: { name: 'year', in: 'path' } }) });

const previewSchema = z
  .object({
    year: z.number().int(),
    isOpen: z.boolean(),
    unfinished: z.array(
      z.object({
        analysisId: z.string().uuid(),
        cluster: z.object({ number: z.number().int(), name: z.string() }),
        stage: z.enum(ANALYSIS_STAGES),
        canRollOver: z.boolean(),
      }),
    ),
  })
  .openapi('FiscalYearOpeningPreview');

const openBody = z
  .strictObject({
    decisions: z
      .array(
        z.strictObject({
          analysisId: z.string().uuid(),
          action: z.enum(['roll_over', 'close']),
          reason: z.string().max(1_000).optional(),
        }),
      )
      .max(500)
      .default([]),
  })
  .openapi('FiscalYearOpening');

const resultSchema = z
  .object({
    year: z.number().int(),
    isNewlyOpened: z.boolean(),
    rolledOver: z.array(z.object({ from: z.string().uuid(), to: z.string().uuid() })),
    closed: z.array(z.string().uuid()),
  })
  .openapi('FiscalYearOpeningResult');

const previewRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/fiscal-years/{year}/opening',
  tags: ['analyses'],
  summary:
    'What opening a fiscal year would carry over: the unfinished analyses of the year before (reform office)',
  request: { params: yearParam },
  responses: { 200: jsonResponse(previewSchema, 'The preview'), ...errorResponses(400, 401, 403) },
});

const openRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/fiscal-years/{year}/opening',
  tags: ['analyses'],
  summary: 'Open a fiscal year: roll unfinished analyses over or close them with a reason (reform office)',
  request: { params: yearParam, ...jsonBody(openBody) },
  responses: { 200: jsonResponse(resultSchema, 'Opened'), ...errorResponses(400, 401, 403, 409, 422) },
});

/** Opening the next fiscal year. */
export function registerFiscalYearOpeningRoutes(app: App): void {
  app.openapi(previewRouteDef, async (c) => {
    authorize(analysisPolicy.canOpenFiscalYear(requireUser(c)));
    const { db } = c.get('services');
    const year = c.req.valid('param').year;
    const [years, unfinished] = await Promise.all([
      openedFiscalYears(db),
      listUnfinishedAnalyses(db, year - 1),
    ]);
    const items = [];
    for (const row of unfinished) {
      items.push({
        analysisId: row.analysis.id,
        cluster: { number: row.clusterNumber, name: row.clusterName },
        stage: row.analysis.stage,
        canRollOver: await isClusterInEffect(db, row.analysis.clusterId, year),
      });
    }
    return c.json({ year, isOpen: years.includes(year), unfinished: items }, 200);
  });

  app.openapi(openRouteDef, async (c) => {
    authorize(analysisPolicy.canOpenFiscalYear(requireUser(c)));
    const { db } = c.get('services');
    const year = c.req.valid('param').year;
    const result = await db.transaction((tx) =>
      openFiscalYear(tx, { year, decisions: c.req.valid('json').decisions, actor: actorOf(c) }),
    );
    return c.json(result, 200);
  });
}
