import { createRoute, z } from '@hono/zod-openapi';
import {
  fiscalYearOf,
  isValidIsoDate,
  NEED_CHANNELS,
  NEED_LINK_KINDS,
  NEED_SIDES,
  NEED_STATUSES,
} from '@totonoe/domain';
import type { Context } from 'hono';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import {
  errorResponses,
  fiscalYearQuery,
  jsonBody,
  jsonResponse,
  pagingQuery,
  uuidParam,
} from '../../lib/openapi.ts';
import { cachedJson, fiscalYearCacheKey } from '../../lib/response-cache.ts';
import { loadOrgUnitTree, seesEveryUnit, unitAndBelow, unitsActedFor } from '../bureau-policies/index.ts';
import { listFiscalYears, resolveFiscalYear } from '../fiscal-years/index.ts';
import { createNeed } from './create-need.ts';
import { CSV_ENCODINGS } from './csv-text.ts';
import { importNeeds, readingErrors } from './import-needs.ts';
import { listNeedItems, listPublicNeeds, loadNeed } from './load-needs.ts';
import { NEED_LIMITS } from './need-fields.ts';
import { needPolicy } from './needs.policy.ts';
import { needSchema, publicNeedSchema } from './needs.presenter.ts';
import { findNeed, listClusterRevisions } from './needs.queries.ts';
import { NEED_CSV_COLUMNS, readNeedsCsv } from './read-needs-csv.ts';
import { replaceNeedLinks } from './replace-need-links.ts';
import { updateNeed } from './update-need.ts';

const isoDate = z.string().refine(isValidIsoDate, { error: 'A calendar date that exists, YYYY-MM-DD' });
const fields = {
  side: z.enum(NEED_SIDES),
  channel: z.enum(NEED_CHANNELS),
  body: z.string().trim().min(1).max(NEED_LIMITS.body),
  receivedOn: isoDate,
  orgUnitId: z.string().uuid(),
  reporterName: z.string().trim().max(NEED_LIMITS.reporterName).nullable(),
  reporterContact: z.string().trim().max(NEED_LIMITS.reporterContact).nullable(),
  status: z.enum(NEED_STATUSES),
  isPublic: z.boolean(),
  publicText: z.string().trim().max(NEED_LIMITS.publicText).nullable(),
};
const createBody = z
  .strictObject({
    ...fields,
    reporterName: fields.reporterName.default(null),
    reporterContact: fields.reporterContact.default(null),
    status: fields.status.default('new'),
    isPublic: fields.isPublic.default(false),
    publicText: fields.publicText.default(null),
  })
  .openapi('NeedCreate');
const updateBody = z
  .strictObject({
    side: fields.side.optional(),
    channel: fields.channel.optional(),
    body: fields.body.optional(),
    receivedOn: fields.receivedOn.optional(),
    orgUnitId: fields.orgUnitId.optional(),
    reporterName: fields.reporterName.optional(),
    reporterContact: fields.reporterContact.optional(),
    status: fields.status.optional(),
    isPublic: fields.isPublic.optional(),
    publicText: fields.publicText.optional(),
  })
  .openapi('NeedUpdate');
const linksBody = z
  .strictObject({
    links: z.array(z.strictObject({ kind: z.enum(NEED_LINK_KINDS), targetId: z.string().uuid() })).max(50),
  })
  .openapi('NeedLinks');
const listQuery = z.object({
  fy: fiscalYearQuery.optional(),
  orgUnitId: z.string().uuid().optional(),
  status: z.enum(NEED_STATUSES).optional(),
  side: z.enum(NEED_SIDES).optional(),
  channel: z.enum(NEED_CHANNELS).optional(),
  clusterId: z.string().uuid().optional(),
  analysisId: z.string().uuid().optional(),
  initiativeId: z.string().uuid().optional(),
  isPublic: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  ...pagingQuery,
});
const importQuery = z.object({
  encoding: z.enum(['auto', ...CSV_ENCODINGS]).default('auto'),
  fileName: z.string().max(200).optional(),
});
const csvBody = {
  body: {
    required: true,
    description: `A CSV in UTF-8 or Shift_JIS with a header row. Columns: ${Object.values(NEED_CSV_COLUMNS)
      .map(
        (column) => `${column.headers[0]} (${column.headers.at(-1)})${column.isRequired ? '' : ' optional'}`,
      )
      .join(', ')}.`,
    content: {
      'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
      'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
} as const;
const localized = z.object({ ja: z.string(), en: z.string() });
const previewSchema = z
  .object({
    encoding: z.enum(CSV_ENCODINGS).nullable(),
    rowCount: z.number().int(),
    validCount: z.number().int(),
    errorCount: z.number().int(),
    fileErrors: z.array(localized),
    rows: z.array(
      z.object({
        line: z.number().int(),
        values: z.record(z.string(), z.string()),
        isValid: z.boolean(),
        errors: z.array(z.object({ column: z.string().nullable(), messages: localized })),
      }),
    ),
  })
  .openapi('NeedImportPreview');

const tags = ['needs'];
const writeErrors = errorResponses(400, 401, 403, 404, 409, 412, 422, 428);
const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/needs',
  tags,
  summary: 'ニーズ・課題 (the reform office and executive: all; a unit: its own)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(needSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'Needs',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/needs',
  tags,
  summary: 'Record a need (the unit or the reform office; only the reform office marks it public)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(needSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404, 422) },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/needs/{id}',
  tags,
  summary: 'One need (personal data only for the reform office and the holding unit)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(needSchema, 'The need'), ...errorResponses(401, 403, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/needs/{id}',
  tags,
  summary: 'Change a need; isPublic and publicText are the reform office’s (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: { 200: jsonResponse(needSchema, 'Changed'), ...writeErrors },
});
const linksRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/needs/{id}/links',
  tags,
  summary: 'Link a need to clusters, analyses and initiatives (If-Match)',
  request: { params: uuidParam, ...jsonBody(linksBody) },
  responses: { 200: jsonResponse(needSchema, 'Linked'), ...writeErrors },
});
const previewRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/needs/import/preview',
  tags,
  summary: 'Check a needs CSV row by row and write nothing',
  request: { query: importQuery, ...csvBody },
  responses: {
    200: jsonResponse(previewSchema, 'Every row with its errors'),
    ...errorResponses(401, 403, 413, 415, 422),
  },
});
const importRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/needs/import',
  tags,
  summary: 'Import a needs CSV: every row, or nothing when any row has an error',
  request: { query: importQuery, ...csvBody },
  responses: {
    201: jsonResponse(
      z.object({ importId: z.string().uuid(), created: z.number().int(), encoding: z.enum(CSV_ENCODINGS) }),
      'Imported',
    ),
    ...errorResponses(401, 403, 413, 415, 422),
  },
});
const publicListRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/needs',
  tags: ['public'],
  summary: 'Needs the reform office made public, with phone numbers and e-mail addresses masked (no sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional(), clusterId: z.string().uuid().optional() }) },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), items: z.array(publicNeedSchema) }),
      'Public needs',
    ),
    ...errorResponses(400, 404),
  },
});

const PUBLISH_REFUSED = {
  ja: 'ニーズの公開・公開文の編集は市政変革室が行います。',
  en: 'Only the reform office makes a need public or edits its public text.',
};

/** Reads the uploaded CSV and checks every row as this user may record it. */
async function readUpload(c: Context<AppEnv>, encoding: 'auto' | 'utf-8' | 'shift_jis') {
  const user = requireUser(c);
  authorize(needPolicy.canImport(user));
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/csv' && type !== 'application/octet-stream')
    throw new AppError('unsupported_media_type');
  const { db } = c.get('services');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const tree = await loadOrgUnitTree(db);
  const reading = readNeedsCsv(bytes, {
    encoding,
    tree,
    clusters: await listClusterRevisions(db),
    fiscalYears: (await listFiscalYears(db)).map((row) => row.year),
    mayRecordFor: (orgUnitId) => needPolicy.canManage(user, tree, orgUnitId),
  });
  if (reading.encoding === null && encoding !== 'auto') {
    throw new AppError('csv_encoding_mismatch', {
      fieldErrors: reading.fileErrors.map((messages) => ({ path: 'file', messages })),
    });
  }
  return reading;
}

/** A need is dated in a fiscal year the programme has opened. */
async function assertOpenYear(c: Context<AppEnv>, receivedOn: string) {
  const years = (await listFiscalYears(c.get('services').db)).map((row) => row.year);
  const fiscalYear = fiscalYearOf(receivedOn);
  if (!years.includes(fiscalYear)) {
    throw new AppError('unprocessable', {
      messages: { ja: `${fiscalYear}年度は登録されていません。`, en: `FY${fiscalYear} is not open.` },
    });
  }
}

/** ニーズ・課題: the inbox, linking, publication and CSV import, and the public list. */
export function registerNeedRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(needPolicy.canList(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const tree = await loadOrgUnitTree(db);
    const fiscalYear = query.fy === undefined ? undefined : await resolveFiscalYear(db, query.fy);
    let orgUnitIds = query.orgUnitId ? unitAndBelow(tree, query.orgUnitId) : undefined;
    // Outside the reform office and the executive, a reader sees only the needs of their own units.
    if (!seesEveryUnit(user)) {
      const mine = unitsActedFor(user, tree);
      orgUnitIds = orgUnitIds ? orgUnitIds.filter((id) => mine.includes(id)) : mine;
    }
    const link = query.clusterId
      ? { kind: 'cluster' as const, targetId: query.clusterId }
      : query.analysisId
        ? { kind: 'analysis' as const, targetId: query.analysisId }
        : query.initiativeId
          ? { kind: 'initiative' as const, targetId: query.initiativeId }
          : undefined;
    const result = await listNeedItems(
      db,
      {
        fiscalYear,
        orgUnitIds,
        status: query.status,
        side: query.side,
        channel: query.channel,
        link,
        isPublic: query.isPublic === undefined ? undefined : query.isPublic === 'true',
        q: query.q || undefined,
      },
      { page: query.page, pageSize: query.pageSize },
      { user, tree },
    );
    return c.json({ ...result, page: query.page, pageSize: query.pageSize }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const body = c.req.valid('json');
    const tree = await loadOrgUnitTree(db);
    if (!tree.byId.has(body.orgUnitId)) {
      throw new AppError('unprocessable', {
        messages: { ja: '組織が見つかりません。', en: 'The org unit does not exist.' },
      });
    }
    authorize(needPolicy.canManage(user, tree, body.orgUnitId));
    if ((body.isPublic || body.publicText !== null) && !needPolicy.canPublish(user)) {
      throw new AppError('forbidden', { messages: PUBLISH_REFUSED });
    }
    await assertOpenYear(c, body.receivedOn);
    const row = await db.transaction((tx) => createNeed(tx, { fields: body, actor: actorOf(c) }));
    const view = (await loadNeed(db, row.id, { user, tree }))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(needPolicy.canList(user));
    const { db } = c.get('services');
    const view = await loadNeed(db, c.req.valid('param').id, { user, tree: await loadOrgUnitTree(db) });
    if (!view) throw notFound();
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const changes = c.req.valid('json');
    const before = await findNeed(db, id);
    const tree = await loadOrgUnitTree(db);
    if (!before || !needPolicy.canRead(user, tree, before.orgUnitId)) throw notFound();
    authorize(needPolicy.canManage(user, tree, before.orgUnitId));
    if (changes.orgUnitId) {
      if (!tree.byId.has(changes.orgUnitId)) {
        throw new AppError('unprocessable', {
          messages: { ja: '組織が見つかりません。', en: 'The org unit does not exist.' },
        });
      }
      authorize(needPolicy.canManage(user, tree, changes.orgUnitId));
    }
    if (
      (changes.isPublic !== undefined || changes.publicText !== undefined) &&
      !needPolicy.canPublish(user)
    ) {
      throw new AppError('forbidden', { messages: PUBLISH_REFUSED });
    }
    if (changes.receivedOn) await assertOpenYear(c, changes.receivedOn);
    await db.transaction((tx) => updateNeed(tx, { id, expectedVersion, changes, actor: actorOf(c) }));
    const view = (await loadNeed(db, id, { user, tree }))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(linksRouteDef, async (c) => {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const before = await findNeed(db, id);
    const tree = await loadOrgUnitTree(db);
    if (!before || !needPolicy.canRead(user, tree, before.orgUnitId)) throw notFound();
    authorize(needPolicy.canManage(user, tree, before.orgUnitId));
    await db.transaction((tx) =>
      replaceNeedLinks(tx, { id, expectedVersion, links: c.req.valid('json').links, actor: actorOf(c) }),
    );
    const view = (await loadNeed(db, id, { user, tree }))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(previewRouteDef, async (c) => {
    const reading = await readUpload(c, c.req.valid('query').encoding);
    const validCount = reading.rows.filter((row) => row.resolved !== null).length;
    return c.json(
      {
        encoding: reading.encoding,
        rowCount: reading.rows.length,
        validCount,
        errorCount: reading.rows.length - validCount,
        fileErrors: reading.fileErrors,
        rows: reading.rows.map((row) => ({
          line: row.line,
          values: row.values,
          isValid: row.resolved !== null,
          errors: row.errors,
        })),
      },
      200,
    );
  });

  app.openapi(importRouteDef, async (c) => {
    const query = c.req.valid('query');
    const reading = await readUpload(c, query.encoding);
    if (readingErrors(reading).length > 0)
      throw new AppError('csv_rows_invalid', { fieldErrors: readingErrors(reading) });
    const result = await c
      .get('services')
      .db.transaction((tx) =>
        importNeeds(tx, { reading, fileName: query.fileName ?? null, actor: actorOf(c) }),
      );
    return c.json(result, 201);
  });

  // Public and the same for everyone: cached until a need, a link, an org unit, a cluster or a year changes.
  app.openapi(publicListRouteDef, async (c) => {
    const { db } = c.get('services');
    const query = c.req.valid('query');
    return cachedJson(c, {
      key: `public-needs:${fiscalYearCacheKey(query.fy)}:${query.clusterId ?? ''}`,
      topics: ['cluster_register', 'public_needs'],
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, query.fy);
        const items = await listPublicNeeds(
          db,
          { fiscalYear, clusterId: query.clusterId },
          await loadOrgUnitTree(db),
        );
        return { fiscalYear, items };
      },
    }) as never;
  });
}
