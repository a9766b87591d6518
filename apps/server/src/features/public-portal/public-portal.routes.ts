import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { App } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
import { cachedBody, cachedJson, fiscalYearCacheKey } from '../../lib/response-cache.ts';
import { attachmentContentDisposition } from '../attachments/index.ts';
import { listFiscalYears, resolveFiscalYear } from '../fiscal-years/index.ts';
import {
  CSV_ENCODINGS,
  csvContentType,
  csvText,
  encodeCsv,
  PROGRAMME_SLOGAN,
  type Row,
} from '../reports/index.ts';
import { PORTAL_TOPICS } from './cache-topics.ts';
import { findOpenDataset, OPEN_DATA_LICENSE, OPEN_DATASETS } from './open-data.ts';
import { openDataIndexSchema, publicProgrammeSchema } from './public-portal.presenter.ts';
import { countPublished, listPublicClusters } from './public-portal.queries.ts';
import { publishedMeetings } from './published-sources.ts';

const FILE_NAMES = OPEN_DATASETS.flatMap((dataset) => [`${dataset.id}.csv`, `${dataset.id}.json`]) as [
  string,
  ...string[],
];
const programmeRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/programme',
  tags: ['public'],
  summary: 'The programme as published: figures, cluster groups, public X meetings (no sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: { 200: jsonResponse(publicProgrammeSchema, 'The programme'), ...errorResponses(400, 404) },
});
const indexRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/open-data',
  tags: ['public'],
  summary: 'Machine-readable index of the open data: every published list with its CSV and JSON files',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: { 200: jsonResponse(openDataIndexSchema, 'The index'), ...errorResponses(400, 404) },
});
const fileRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/open-data/{file}',
  tags: ['public'],
  summary: 'One open dataset as CSV (UTF-8 with BOM, or ?encoding=shift_jis) or JSON',
  request: {
    params: z.object({ file: z.enum(FILE_NAMES).openapi({ param: { name: 'file', in: 'path' } }) }),
    query: z.object({ fy: fiscalYearQuery.optional(), encoding: z.enum(CSV_ENCODINGS).default('utf-8') }),
  },
  responses: {
    200: {
      description: 'The dataset',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': {
          schema: z.object({ dataset: z.string(), rows: z.array(z.record(z.string(), z.unknown())) }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});

function jsonValue(value: Row[string] | undefined): unknown {
  return typeof value === 'bigint' ? value.toString() : (value ?? null);
}

/*
 * 公開ポータル: the programme and its open data, for everyone, with only what has been published.
 * Every answer is the same for every caller, so it is served from the response cache until a write
 * to anything it shows bumps one of its topics (see cache-topics.ts); the first request after a
 * change builds it again with a few statements.
 */
export function registerPublicPortalRoutes(app: App): void {
  app.openapi(programmeRouteDef, async (c) => {
    const { db } = c.get('services');
    const requested = c.req.valid('query').fy;
    return cachedJson(c, {
      key: `public-programme:${fiscalYearCacheKey(requested)}`,
      topics: PORTAL_TOPICS,
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, requested);
        const [clusters, meetings, counts] = await Promise.all([
          listPublicClusters(db, fiscalYear),
          publishedMeetings(db, fiscalYear),
          countPublished(db, fiscalYear),
        ]);
        const groups = [...new Set(clusters.map((cluster) => cluster.groupName))].map((group) => {
          const inGroup = clusters.filter((cluster) => cluster.groupName === group);
          return {
            name: group,
            subtitle: null,
            clusterCount: inGroup.length,
            targetCount: inGroup.filter((cluster) => cluster.analysisId !== null).length,
          };
        });
        const held = meetings.filter((meeting) => meeting.heldOn !== null).length;
        return {
          fiscalYear,
          fiscalYearLabel: fiscalYearLabel(fiscalYear),
          title: `${fiscalYearLabel(fiscalYear)} 市政変革`,
          slogan: PROGRAMME_SLOGAN,
          figures: {
            clusters: clusters.length,
            analysisTargets: clusters.filter((cluster) => cluster.analysisId !== null).length,
            publishedAnalyses: clusters.filter(
              (cluster) => cluster.analysisId !== null && cluster.isPublished,
            ).length,
            meetingsHeld: held,
            meetingsPlanned: meetings.length - held,
            publishedPolicies: counts.policies,
            publishedNeeds: counts.needs,
            platinumResponses: counts.platinumResponses,
          },
          groups,
          meetings: meetings.map((meeting) => ({
            ...meeting,
            plannedLabel: {
              ja: scheduleSpanLabel(meeting.planned, 'ja'),
              en: scheduleSpanLabel(meeting.planned, 'en'),
            },
          })),
        };
      },
    }) as never;
  });

  app.openapi(indexRouteDef, async (c) => {
    const { db } = c.get('services');
    const requested = c.req.valid('query').fy;
    return cachedJson(c, {
      key: `public-open-data:${fiscalYearCacheKey(requested)}`,
      topics: PORTAL_TOPICS,
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, requested);
        const [years, counts] = await Promise.all([listFiscalYears(db), countPublished(db, fiscalYear)]);
        const rowCounts: Record<string, number> = {
          clusters: counts.clusters,
          meetings: counts.meetings,
          analyses: counts.publishedAnalyses,
          'bureau-policies': counts.policies,
          needs: counts.needs,
          'platinum-responses': counts.platinumResponses,
        };
        return {
          title: 'Totonoe 市政変革 オープンデータ',
          fiscalYear,
          fiscalYears: years.map((row) => row.year),
          license: OPEN_DATA_LICENSE,
          // When this answer was built: nothing it lists has changed since.
          modified: new Date().toISOString(),
          datasets: OPEN_DATASETS.map((dataset) => {
            const base = `/api/v1/public/open-data/${dataset.id}`;
            return {
              id: dataset.id,
              title: dataset.title,
              description: dataset.description,
              fiscalYear,
              rowCount: rowCounts[dataset.id] ?? 0,
              columns: dataset.columns.map((column) => ({
                key: column.key,
                title: column.header,
                type: column.type,
              })),
              distributions: [
                {
                  format: 'CSV' as const,
                  mediaType: 'text/csv',
                  encoding: 'UTF-8',
                  url: `${base}.csv?fy=${fiscalYear}`,
                },
                {
                  format: 'CSV' as const,
                  mediaType: 'text/csv',
                  encoding: 'Shift_JIS',
                  url: `${base}.csv?fy=${fiscalYear}&encoding=shift_jis`,
                },
                {
                  format: 'JSON' as const,
                  mediaType: 'application/json',
                  encoding: 'UTF-8',
                  url: `${base}.json?fy=${fiscalYear}`,
                },
              ],
            };
          }),
        };
      },
    }) as never;
  });

  app.openapi(fileRouteDef, async (c) => {
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const file = c.req.valid('param').file;
    const [id, format] = [file.slice(0, file.lastIndexOf('.')), file.slice(file.lastIndexOf('.') + 1)];
    const dataset = findOpenDataset(id);
    if (!dataset) throw notFound();
    c.header('x-content-type-options', 'nosniff');
    const key = `public-open-data:${dataset.id}:${fiscalYearCacheKey(query.fy)}`;
    if (format === 'json') {
      return cachedJson(c, {
        key,
        topics: dataset.topics,
        build: async () => {
          const fiscalYear = await resolveFiscalYear(db, query.fy);
          const rows = await dataset.load(db, fiscalYear);
          return {
            dataset: dataset.id,
            title: dataset.title,
            fiscalYear,
            license: OPEN_DATA_LICENSE,
            columns: dataset.columns.map((column) => ({
              key: column.key,
              title: column.header,
              type: column.type,
            })),
            rows: rows.map((row) =>
              Object.fromEntries(dataset.columns.map((column) => [column.key, jsonValue(row[column.key])])),
            ),
          };
        },
      }) as never;
    }
    return cachedBody(c, {
      key: `${key}:csv:${query.encoding}`,
      topics: dataset.topics,
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, query.fy);
        const rows = await dataset.load(db, fiscalYear);
        return {
          body: encodeCsv(await csvText(dataset.columns, rows), query.encoding),
          contentType: csvContentType(query.encoding),
          headers: {
            'content-disposition': attachmentContentDisposition(
              `${fiscalYear}_${dataset.id}${query.encoding === 'shift_jis' ? '_sjis' : ''}.csv`,
            ),
          },
        };
      },
    }) as never;
  });
}
