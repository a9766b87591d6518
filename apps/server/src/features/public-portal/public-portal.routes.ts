import { createRoute, z } from '@hono/zod-openapi';
import { fiscalYearLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { App } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, fiscalYearQuery, jsonResponse } from '../../lib/openapi.ts';
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
import { findOpenDataset, OPEN_DATA_LICENSE, OPEN_DATASETS } from './open-data.ts';
import { openDataIndexSchema, publicProgrammeSchema } from './public-portal.presenter.ts';
import {
  type PublishedContext,
  publishedClusters,
  publishedMeetings,
  publishedNeeds,
  publishedPlatinumResponses,
  publishedPolicies,
} from './published-sources.ts';

const FILE_NAMES = OPEN_DATASETS.flatMap((dataset) => [`${dataset.id}.csv`, `${dataset.id}.json`]) as [
  string,
  ...string[],
];
// Published content changes when the office publishes: every reader asks again (no stale copies).
const PUBLIC_CACHE = 'no-cache';

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

/** 公開ポータル: the programme and its open data, for everyone, with only what has been published. */
export function registerPublicPortalRoutes(app: App): void {
  const contextOf = (db: PublishedContext['db']): PublishedContext => ({
    db,
    // Another stream's public API, called in-process without a session: its own publication rules apply.
    fetchPublic: async (path) => {
      const response = await app.request(`http://localhost${path}`);
      return response.ok ? response.json() : null;
    },
  });

  app.openapi(programmeRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const context = contextOf(db);
    const [clusters, meetings, policies, needs, responses] = await Promise.all([
      publishedClusters(context, fiscalYear),
      publishedMeetings(context, fiscalYear),
      publishedPolicies(context, fiscalYear),
      publishedNeeds(context, fiscalYear),
      publishedPlatinumResponses(context, fiscalYear),
    ]);
    const groups = [...new Map(clusters.map((cluster) => [cluster.group, cluster])).keys()].map((group) => {
      const inGroup = clusters.filter((cluster) => cluster.group === group);
      return {
        name: group,
        subtitle: null,
        clusterCount: inGroup.length,
        targetCount: inGroup.filter((cluster) => cluster.isAnalysisTarget).length,
      };
    });
    const held = meetings.filter((meeting) => meeting.heldOn !== null).length;
    c.header('cache-control', PUBLIC_CACHE);
    return c.json(
      {
        fiscalYear,
        fiscalYearLabel: fiscalYearLabel(fiscalYear),
        title: `${fiscalYearLabel(fiscalYear)} 市政変革`,
        slogan: PROGRAMME_SLOGAN,
        figures: {
          clusters: clusters.length,
          analysisTargets: clusters.filter((cluster) => cluster.isAnalysisTarget).length,
          publishedAnalyses: clusters.filter((cluster) => cluster.publishedAnalysisId !== null).length,
          meetingsHeld: held,
          meetingsPlanned: meetings.length - held,
          publishedPolicies: policies.length,
          publishedNeeds: needs.length,
          platinumResponses: responses.length,
        },
        groups,
        meetings: meetings.map((meeting) => ({
          ...meeting,
          plannedLabel: {
            ja: scheduleSpanLabel(meeting.planned, 'ja'),
            en: scheduleSpanLabel(meeting.planned, 'en'),
          },
        })),
      },
      200,
    );
  });

  app.openapi(indexRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const context = contextOf(db);
    const years = (await listFiscalYears(db)).map((row) => row.year);
    const datasets = [];
    for (const dataset of OPEN_DATASETS) {
      const rows = await dataset.load(context, fiscalYear);
      const base = `/api/v1/public/open-data/${dataset.id}`;
      datasets.push({
        id: dataset.id,
        title: dataset.title,
        description: dataset.description,
        fiscalYear,
        rowCount: rows.length,
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
      });
    }
    c.header('cache-control', PUBLIC_CACHE);
    return c.json(
      {
        title: 'Totonoe 市政変革 オープンデータ',
        fiscalYear,
        fiscalYears: years,
        license: OPEN_DATA_LICENSE,
        modified: new Date().toISOString(),
        datasets,
      },
      200,
    );
  });

  app.openapi(fileRouteDef, async (c) => {
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const file = c.req.valid('param').file;
    const [id, format] = [file.slice(0, file.lastIndexOf('.')), file.slice(file.lastIndexOf('.') + 1)];
    const dataset = findOpenDataset(id);
    if (!dataset) throw notFound();
    const rows = await dataset.load(contextOf(db), fiscalYear);
    c.header('cache-control', PUBLIC_CACHE);
    c.header('x-content-type-options', 'nosniff');
    if (format === 'json') {
      return c.json(
        {
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
        },
        200,
      );
    }
    const content = encodeCsv(await csvText(dataset.columns, rows), query.encoding);
    const body = new Uint8Array(content.byteLength);
    body.set(content);
    return c.body(body, 200, {
      'content-type': csvContentType(query.encoding),
      'content-disposition': attachmentContentDisposition(
        `${fiscalYear}_${dataset.id}${query.encoding === 'shift_jis' ? '_sjis' : ''}.csv`,
      ),
    });
  });
}
