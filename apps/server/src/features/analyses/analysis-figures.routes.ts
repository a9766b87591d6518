import { createRoute, z } from '@hono/zod-openapi';
import {
  BENCHMARK_DIRECTIONS,
  EFFECT_CATEGORIES,
  EFFECT_RECURRENCES,
  EFFECT_STAGES,
  fiscalYearSchema,
} from '@totonoe/domain';
import type { Context } from 'hono';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { analysisPolicy } from './analyses.policy.ts';
import {
  effectLineSchema,
  indicatorSchema,
  presentEffectLine,
  presentIndicator,
  readVersionContent,
} from './analyses.presenter.ts';
import { findVersion, listVersions } from './analyses.queries.ts';
import { cachedAnalysisJson } from './analysis-cache.ts';
import { loadAnalysisContext, loadWorkingCopyContext } from './analysis-context.ts';
import { listEffects, listIndicators } from './analysis-figures.queries.ts';
import { effectFiscalYearSpan } from './analysis-guards.ts';
import { deleteBenchmarkIndicator } from './delete-benchmark-indicator.ts';
import { importBenchmarkValues } from './import-benchmark-values.ts';
import { replaceAnalysisEffects } from './replace-analysis-effects.ts';
import { saveBenchmarkIndicator } from './save-benchmark-indicator.ts';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

const effectItem = z.strictObject({
  label: z.string().trim().min(1).max(200),
  fiscalYear: fiscalYearSchema,
  endFiscalYear: fiscalYearSchema.nullable().default(null),
  category: z.enum(EFFECT_CATEGORIES),
  recurrence: z.enum(EFFECT_RECURRENCES),
  stage: z.enum(EFFECT_STAGES),
  /** Whole yen as a decimal string, not negative. */
  amount: z
    .string()
    .regex(/^(?:0|[1-9]\d{0,14})$/, {
      message: 'amount must be whole yen of at most 15 digits, not negative',
    })
    .transform((value) => BigInt(value)),
  basis: z.string().max(2_000).default(''),
});

const effectsBody = z.strictObject({ items: z.array(effectItem).max(200) }).openapi('AnalysisEffectsUpdate');

const effectsResponse = z
  .object({
    items: z.array(effectLineSchema),
    period: z.object({ startFiscalYear: z.number().int(), endFiscalYear: z.number().int() }),
    version: z.number().int(),
  })
  .openapi('AnalysisEffects');

const benchmarkValue = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  isOwnCity: z.boolean().default(false),
  year: z.number().int().min(1900).max(2100),
  value: z.number().finite().min(-1e15).max(1e15),
});

const indicatorBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unit: z.string().trim().max(30),
    direction: z.enum(BENCHMARK_DIRECTIONS),
    source: z.string().max(1_000).default(''),
    note: z.string().max(2_000).default(''),
    values: z.array(benchmarkValue).max(2_000).default([]),
  })
  .openapi('BenchmarkIndicatorSave');

const benchmarksResponse = z
  .object({ items: z.array(indicatorSchema), version: z.number().int() })
  .openapi('AnalysisBenchmarks');

const indicatorParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  indicatorId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'indicatorId', in: 'path' } }),
});

const effectsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/effects',
  tags: ['analyses'],
  summary: '効果額 lines (the working figures; others see those of the latest reported version)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(effectsResponse, 'Effect lines'), ...errorResponses(404) },
});

const putEffectsRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/analyses/{id}/effects',
  tags: ['analyses'],
  summary: 'Replace the 効果額 lines (owning department, If-Match)',
  request: { params: uuidParam, ...jsonBody(effectsBody) },
  responses: {
    200: jsonResponse(effectsResponse, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

const benchmarksRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/benchmarks',
  tags: ['analyses'],
  summary: '比較分析: indicators with values by year and this city’s rank',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(benchmarksResponse, 'Indicators'), ...errorResponses(404) },
});

const createIndicatorRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/benchmarks',
  tags: ['analyses'],
  summary: 'Add a benchmark indicator with its values (owning department, If-Match)',
  request: { params: uuidParam, ...jsonBody(indicatorBody) },
  responses: {
    201: jsonResponse(benchmarksResponse, 'Added'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

const putIndicatorRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/analyses/{id}/benchmarks/{indicatorId}',
  tags: ['analyses'],
  summary: 'Replace a benchmark indicator and its values (owning department, If-Match)',
  request: { params: indicatorParams, ...jsonBody(indicatorBody) },
  responses: {
    200: jsonResponse(benchmarksResponse, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

const deleteIndicatorRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/analyses/{id}/benchmarks/{indicatorId}',
  tags: ['analyses'],
  summary: 'Remove a benchmark indicator (owning department, If-Match)',
  request: { params: indicatorParams },
  responses: {
    200: jsonResponse(benchmarksResponse, 'Removed'),
    ...errorResponses(401, 403, 404, 409, 412, 428),
  },
});

const importRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/benchmarks/import',
  tags: ['analyses'],
  summary:
    'Import benchmark values from CSV (columns 指標, 比較対象, 年度, 値 and optionally 本市; If-Match)',
  request: {
    params: uuidParam,
    body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    200: jsonResponse(benchmarksResponse.extend({ importedRows: z.number().int() }), 'Imported'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
  },
});

/**
 * The figures a person may see: the working ones for those in the review, otherwise those frozen
 * in the latest version reported at an X meeting (nothing when none is).
 */
async function reportedContent(db: Parameters<typeof listVersions>[0], analysisId: string) {
  const reported = await listVersions(db, analysisId, { onlyReported: true });
  const last = reported.at(-1);
  if (!last) return null;
  const version = await findVersion(db, analysisId, last.number);
  return version ? readVersionContent(version.content) : null;
}

/** 効果額 and 比較分析. */
export function registerAnalysisFigureRoutes(app: App): void {
  app.openapi(effectsRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    return cachedAnalysisJson(c, {
      analysisId: id,
      part: 'effects',
      build: async () => {
        const context = await loadAnalysisContext(db, c.get('user'), id);
        const analysis = context.row.analysis;
        const [period, items] = await Promise.all([
          effectFiscalYearSpan(db, analysis.fiscalYear),
          analysisPolicy.canReadWorkingCopy(context.access)
            ? listEffects(db, analysis.id).then((rows) => rows.map(presentEffectLine))
            : reportedContent(db, analysis.id).then((content) => content?.effects ?? []),
        ]);
        return { items, period, version: analysis.version };
      },
    }) as never;
  });

  app.openapi(putEffectsRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    authorize(analysisPolicy.canEditReport(context.access));
    const expectedVersion = requireIfMatch(c);
    const result = await db.transaction((tx) =>
      replaceAnalysisEffects(tx, {
        analysisId: id,
        expectedVersion,
        lines: c.req.valid('json').items,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const period = await effectFiscalYearSpan(db, result.analysis.fiscalYear);
    c.header('etag', etagOf(result.analysis.version));
    return c.json({ items: result.effects, period, version: result.analysis.version }, 200);
  });

  app.openapi(benchmarksRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    return cachedAnalysisJson(c, {
      analysisId: id,
      part: 'benchmarks',
      build: async () => {
        const context = await loadAnalysisContext(db, c.get('user'), id);
        const analysis = context.row.analysis;
        if (analysisPolicy.canReadWorkingCopy(context.access)) {
          const items = (await listIndicators(db, analysis.id)).map(presentIndicator);
          return { items, version: analysis.version };
        }
        const frozen = (await reportedContent(db, analysis.id))?.benchmarks ?? [];
        const items = frozen.map((indicator, index) =>
          presentIndicator({
            id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
            analysisId: analysis.id,
            position: index,
            ...indicator,
            values: indicator.values.map((value) => ({ ...value, indicatorId: '' })),
          }),
        );
        return { items, version: analysis.version };
      },
    }) as never;
  });

  const saveIndicator = async (
    c: Context<AppEnv>,
    analysisId: string,
    indicatorId: string | null,
    body: z.infer<typeof indicatorBody>,
  ) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const context = await loadWorkingCopyContext(db, user, analysisId);
    authorize(analysisPolicy.canEditReport(context.access));
    const expectedVersion = requireIfMatch(c);
    const result = await db.transaction((tx) =>
      saveBenchmarkIndicator(tx, {
        analysisId,
        indicatorId,
        expectedVersion,
        indicator: body,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const items = (await listIndicators(db, analysisId)).map(presentIndicator);
    c.header('etag', etagOf(result.analysis.version));
    return { items, version: result.analysis.version };
  };

  app.openapi(createIndicatorRouteDef, async (c) => {
    const body = await saveIndicator(c, c.req.valid('param').id, null, c.req.valid('json'));
    return c.json(body, 201);
  });

  app.openapi(putIndicatorRouteDef, async (c) => {
    const params = c.req.valid('param');
    const body = await saveIndicator(c, params.id, params.indicatorId, c.req.valid('json'));
    return c.json(body, 200);
  });

  app.openapi(deleteIndicatorRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const params = c.req.valid('param');
    const context = await loadWorkingCopyContext(db, user, params.id);
    authorize(analysisPolicy.canEditReport(context.access));
    const expectedVersion = requireIfMatch(c);
    const updated = await db.transaction((tx) =>
      deleteBenchmarkIndicator(tx, {
        analysisId: params.id,
        indicatorId: params.indicatorId,
        expectedVersion,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const items = (await listIndicators(db, params.id)).map(presentIndicator);
    c.header('etag', etagOf(updated.version));
    return c.json({ items, version: updated.version }, 200);
  });

  app.openapi(importRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    authorize(analysisPolicy.canEditReport(context.access));
    const expectedVersion = requireIfMatch(c);
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv') throw new AppError('unsupported_media_type');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > MAX_CSV_BYTES) throw new AppError('payload_too_large');
    const result = await db.transaction((tx) =>
      importBenchmarkValues(tx, {
        analysisId: id,
        expectedVersion,
        bytes,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const items = (await listIndicators(db, id)).map(presentIndicator);
    c.header('etag', etagOf(result.analysis.version));
    return c.json({ items, version: result.analysis.version, importedRows: result.importedRows }, 200);
  });
}
