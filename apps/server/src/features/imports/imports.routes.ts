import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, pagingQuery, uuidParam } from '../../lib/openapi.ts';
import { attachmentContentDisposition, cleanFileName, fileTooLarge } from '../attachments/index.ts';
import { changeImportEncoding } from './change-import-encoding.ts';
import { COMMIT_LEASE_MS, commitImport, startImportCommit } from './commit-import.ts';
import { discardImport } from './discard-import.ts';
import { exportForImport } from './export-for-import.ts';
import { importableKinds, importKindOf } from './import-kinds.ts';
import { importRunnerFor } from './import-runner.ts';
import { importPolicy } from './imports.policy.ts';
import {
  importJobSchema,
  importKindSchema,
  importRowSchema,
  presentImportJob,
  presentImportKind,
  presentImportRow,
} from './imports.presenter.ts';
import { findImportFile, findImportJob, listImportJobs, listImportRows } from './imports.queries.ts';
import { setImportMapping } from './set-import-mapping.ts';
import { type CsvEncoding, readSpreadsheet, UnreadableFileError } from './spreadsheet-file.ts';
import { uploadImport } from './upload-import.ts';
import { VALIDATION_LEASE_MS, validateImport } from './validate-import.ts';

/** Up to this many rows are checked and committed within the request; larger files in the background. */
export const INLINE_ROW_LIMIT = 1_000;

const kindParam = z.object({
  kind: z
    .string()
    .max(50)
    .openapi({ param: { name: 'kind', in: 'path' } }),
});
const encodingField = z.enum(['utf-8', 'utf-8-bom', 'shift_jis']);
const uploadForm = z
  .object({
    kind: z.string().max(50),
    file: z
      .custom<File>((value) => value instanceof File, { message: 'file must be a file' })
      .openapi({ type: 'string', format: 'binary' }),
    encoding: encodingField.optional(),
  })
  .openapi('ImportUpload');
const mappingBody = z
  .strictObject({ mapping: z.record(z.string().max(50), z.number().int().min(0).max(1000).nullable()) })
  .openapi('ImportMapping');
const encodingBody = z.strictObject({ encoding: encodingField }).openapi('ImportEncoding');
const rowsQuery = z.object({ filter: z.enum(['all', 'errors']).default('all'), ...pagingQuery });
const listQuery = z.object({ kind: z.string().max(50).optional(), ...pagingQuery });
const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
});

const jobResponse = (description: string) => jsonResponse(importJobSchema, description);

const kindsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/import-kinds',
  tags: ['imports'],
  summary: 'The kinds of records I may import, with their columns',
  responses: {
    200: jsonResponse(z.object({ items: z.array(importKindSchema) }), 'Importable kinds'),
    ...errorResponses(401),
  },
});
const exportRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/import-kinds/{kind}/export',
  tags: ['imports'],
  summary: 'The existing records of a kind in the import’s columns (.xlsx or CSV), to edit and import again',
  request: { params: kindParam, query: exportQuery },
  responses: {
    200: { description: 'The file' },
    ...errorResponses(400, 401, 403, 404),
  },
});
const uploadRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/imports',
  tags: ['imports'],
  summary:
    'Upload an .xlsx or CSV (UTF-8, UTF-8 with BOM or Shift_JIS, detected) for a kind; proposes the column mapping',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadForm } } } },
  responses: { 201: jobResponse('Uploaded'), ...errorResponses(400, 401, 403, 404, 413, 422) },
});
const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/imports',
  tags: ['imports'],
  summary: 'Past and current imports of the kinds I may import, newest first',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(importJobSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of imports',
    ),
    ...errorResponses(400, 401),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}',
  tags: ['imports'],
  summary: 'One import: its status, progress and counts (poll while it is checked or committed)',
  request: { params: uuidParam },
  responses: { 200: jobResponse('The import'), ...errorResponses(401, 404) },
});
const rowsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}/rows',
  tags: ['imports'],
  summary: 'The preview: every row with what it would do and its errors (in Japanese and English)',
  request: { params: uuidParam, query: rowsQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(importRowSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of rows',
    ),
    ...errorResponses(400, 401, 404),
  },
});
const fileRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}/file',
  tags: ['imports'],
  summary: 'The file as it was uploaded',
  request: { params: uuidParam },
  responses: { 200: { description: 'The file' }, ...errorResponses(401, 404) },
});
const encodingRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/imports/{id}/encoding',
  tags: ['imports'],
  summary: 'Read a CSV again in another encoding (If-Match)',
  request: { params: uuidParam, ...jsonBody(encodingBody) },
  responses: { 200: jobResponse('Read again'), ...errorResponses(400, 401, 404, 409, 412, 422, 428) },
});
const mappingRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/imports/{id}/mapping',
  tags: ['imports'],
  summary:
    'Set the column of each field and check every row (If-Match); large files are checked in the background',
  request: { params: uuidParam, ...jsonBody(mappingBody) },
  responses: {
    200: jobResponse('Checked'),
    202: jobResponse('Being checked in the background'),
    ...errorResponses(400, 401, 404, 409, 412, 428),
  },
});
const commitRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/imports/{id}/commit',
  tags: ['imports'],
  summary:
    'Write every row, all or nothing (If-Match); only a preview without errors; large files in the background',
  request: { params: uuidParam },
  responses: {
    200: jobResponse('Imported'),
    202: jobResponse('Being imported in the background'),
    ...errorResponses(401, 404, 409, 412, 422, 428),
  },
});
const discardRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/imports/{id}',
  tags: ['imports'],
  summary: 'Discard an import that was not committed (If-Match); the file stays on record',
  request: { params: uuidParam },
  responses: { 200: jobResponse('Discarded'), ...errorResponses(401, 404, 409, 412, 428) },
});

async function readUpload(file: File, limitBytes: number, encoding: CsvEncoding | undefined) {
  if (file.size > limitBytes) throw fileTooLarge(limitBytes);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > limitBytes) throw fileTooLarge(limitBytes);
  return { bytes, content: await readContent(bytes, encoding) };
}

async function readContent(bytes: Uint8Array, encoding: CsvEncoding | undefined) {
  try {
    return await readSpreadsheet(bytes, encoding);
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw new AppError(error.isEncodingMismatch ? 'csv_encoding_mismatch' : 'import_file_unreadable', {
        messages: error.messages,
      });
    }
    throw error;
  }
}

/** The job the person may work on, or 404 (a job of a kind they may not import is not there for them). */
async function loadJob(c: Context<AppEnv>, id: string) {
  const user = requireUser(c);
  const job = await findImportJob(c.get('services').db, id);
  if (!job || !importPolicy.canUseImport(user, job)) throw notFound();
  return job;
}

async function respondWithJob(c: Context<AppEnv>, id: string, status: 200 | 201 | 202) {
  const { db } = c.get('services');
  const job = (await findImportJob(db, id))!;
  const sample = await listImportRows(db, id, { isErrorsOnly: false, page: 1, pageSize: 5 });
  c.header('etag', etagOf(job.version));
  return c.json(
    presentImportJob(
      job,
      importKindOf(job.kind)!,
      sample.items.map((row) => row.cells),
    ),
    status,
  );
}

function download(c: Context<AppEnv>, bytes: Uint8Array, contentType: string, fileName: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentType,
    'content-length': String(bytes.byteLength),
    'content-disposition': attachmentContentDisposition(fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}

/** Spreadsheet imports: upload, mapping, preview, all-or-nothing commit, history and round-trip exports. */
export function registerImportRoutes(app: App): void {
  app.openapi(kindsRouteDef, (c) => {
    const user = requireUser(c);
    return c.json({ items: importableKinds(user).map(presentImportKind) }, 200);
  });

  app.openapi(exportRouteDef, async (c) => {
    const user = requireUser(c);
    const definition = importKindOf(c.req.valid('param').kind);
    if (!definition) throw notFound();
    authorize(importPolicy.canImportKind(user, definition.kind));
    const query = c.req.valid('query');
    const file = await exportForImport(c.get('services').db, definition, { ...query, user });
    const day = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
    return download(
      c,
      file.bytes,
      file.contentType,
      `${definition.label.ja}_${day}.${file.extension}`,
    ) as never;
  });

  app.openapi(uploadRouteDef, async (c) => {
    const user = requireUser(c);
    const form = c.req.valid('form');
    const definition = importKindOf(form.kind);
    if (!definition) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          { path: 'kind', messages: { ja: '取込の種類が正しくありません。', en: 'Unknown kind.' } },
        ],
      });
    }
    authorize(importPolicy.canImportKind(user, definition.kind));
    const { db, config } = c.get('services');
    const { bytes, content } = await readUpload(form.file, config.uploadLimitBytes, form.encoding);
    const id = await db.transaction((tx) =>
      uploadImport(tx, {
        kind: definition.kind,
        fileName: cleanFileName(form.file.name || 'import'),
        bytes,
        content,
        isEncodingChosen: form.encoding !== undefined,
        userId: user.id,
        actor: actorOf(c),
      }),
    );
    return respondWithJob(c, id, 201) as never;
  });

  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    const query = c.req.valid('query');
    const kinds = importableKinds(user)
      .map((definition) => definition.kind)
      .filter((kind) => !query.kind || kind === query.kind);
    const { db } = c.get('services');
    const result = await listImportJobs(db, kinds, query.page, query.pageSize);
    return c.json(
      {
        items: result.items.map((job) => presentImportJob(job, importKindOf(job.kind)!, [])),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });

  app.openapi(getRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    // A job whose worker stopped (its lease ran out) is taken up again by this process.
    const isWaiting = job.status === 'validating' || job.status === 'committing';
    if (isWaiting && (!job.leaseUntil || job.leaseUntil < new Date()))
      importRunnerFor(c.get('services').db).kick();
    return respondWithJob(c, job.id, 200) as never;
  });

  app.openapi(rowsRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const query = c.req.valid('query');
    const result = await listImportRows(c.get('services').db, job.id, {
      isErrorsOnly: query.filter === 'errors',
      page: query.page,
      pageSize: query.pageSize,
    });
    const definition = importKindOf(job.kind)!;
    return c.json(
      {
        items: result.items.map((row) => presentImportRow(row, definition, job.mapping)),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });

  app.openapi(fileRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const file = (await findImportFile(c.get('services').db, job.id))!;
    const contentType =
      file.format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv';
    return download(c, new Uint8Array(file.content), contentType, file.fileName) as never;
  });

  app.openapi(encodingRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const file = (await findImportFile(db, job.id))!;
    if (file.format !== 'csv') throw new AppError('import_not_ready');
    const content = await readContent(new Uint8Array(file.content), c.req.valid('json').encoding);
    await db.transaction((tx) =>
      changeImportEncoding(tx, { jobId: job.id, expectedVersion, content, userId: requireUser(c).id }),
    );
    return respondWithJob(c, job.id, 200) as never;
  });

  app.openapi(mappingRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const isInline = job.totalRows <= INLINE_ROW_LIMIT;
    await db.transaction((tx) =>
      setImportMapping(tx, {
        jobId: job.id,
        expectedVersion,
        mapping: c.req.valid('json').mapping,
        userId: requireUser(c).id,
        leaseUntil: isInline ? new Date(Date.now() + VALIDATION_LEASE_MS) : null,
      }),
    );
    if (!isInline) {
      importRunnerFor(db).kick();
      return respondWithJob(c, job.id, 202) as never;
    }
    await validateImport(db, { jobId: job.id });
    return respondWithJob(c, job.id, 200) as never;
  });

  app.openapi(commitRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const isInline = job.totalRows <= INLINE_ROW_LIMIT;
    await db.transaction((tx) =>
      startImportCommit(tx, {
        jobId: job.id,
        expectedVersion,
        userId: requireUser(c).id,
        leaseUntil: isInline ? new Date(Date.now() + COMMIT_LEASE_MS) : null,
      }),
    );
    if (!isInline) {
      importRunnerFor(db).kick({ jobId: job.id, actor: actorOf(c) });
      return respondWithJob(c, job.id, 202) as never;
    }
    const outcome = await commitImport(db, { jobId: job.id, actor: actorOf(c) });
    if (outcome === 'changed') throw new AppError('import_changed');
    return respondWithJob(c, job.id, 200) as never;
  });

  app.openapi(discardRouteDef, async (c) => {
    const job = await loadJob(c, c.req.valid('param').id);
    const expectedVersion = requireIfMatch(c);
    await c
      .get('services')
      .db.transaction((tx) => discardImport(tx, { jobId: job.id, expectedVersion, actor: actorOf(c) }));
    return respondWithJob(c, job.id, 200) as never;
  });
}
