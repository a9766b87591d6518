import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { attachmentContentDisposition } from '../attachments/index.ts';
import { actsFor, loadOrgUnitTree } from '../bureau-policies/index.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { CSV_ENCODINGS } from './csv.ts';
import { CONTENT_TYPES, generateReport, type ReportFile, type ReportRequest } from './generate-report.ts';
import { printPdf } from './print-pdf.ts';
import {
  analysisReportSections,
  meetingAgendaLines,
  renderAgendaHtml,
  renderAnalysisHtml,
} from './record-documents.ts';
import { REPORT_RESOURCES } from './report-resources.ts';
import { reportPolicy } from './reports.policy.ts';
import { presentReportJob, reportJobSchema } from './reports.presenter.ts';
import {
  findAnalysisForPrint,
  findMeetingForPrint,
  findReportJob,
  listRecentJobs,
  readReportJobFile,
} from './reports.queries.ts';
import { requestReportJob } from './request-report-job.ts';
import { startReportJob } from './run-report-job.ts';

const RESOURCE_IDS = REPORT_RESOURCES.map((resource) => resource.id) as [string, ...string[]];
const yearQuery = z.object({ fy: fiscalYearQuery.optional() });
const binary = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/** Answers with a built file as a download that a browser never renders as one of our pages. */
function fileResponse(
  c: Context<AppEnv>,
  file: ReportFile | { fileName: string; contentType: string; content: Buffer },
) {
  const body = new Uint8Array(file.content.byteLength);
  body.set(file.content);
  return c.body(body, 200, {
    'content-type': file.contentType,
    'content-length': String(file.content.byteLength),
    'content-disposition': attachmentContentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
}

const progressRoute = (extension: 'pptx' | 'pdf' | 'xlsx', summary: string) =>
  createRoute({
    method: 'get',
    path: `/api/v1/reports/progress.${extension}`,
    tags: ['reports'],
    summary,
    request: { query: yearQuery },
    responses: { 200: binary(CONTENT_TYPES[extension], 'The file'), ...errorResponses(400, 401, 404) },
  });

const csvRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/lists/{resource}',
  tags: ['reports'],
  summary: 'A list as CSV: UTF-8 with a BOM, or Shift_JIS (?encoding=shift_jis) for Excel on a city PC',
  request: {
    params: z.object({ resource: z.enum(RESOURCE_IDS).openapi({ param: { name: 'resource', in: 'path' } }) }),
    query: z.object({ fy: fiscalYearQuery.optional(), encoding: z.enum(CSV_ENCODINGS).default('utf-8') }),
  },
  responses: { 200: binary('text/csv', 'The CSV file'), ...errorResponses(400, 401, 404) },
});

const jobBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['progress_pptx', 'progress_pdf', 'progress_xlsx']),
    fiscalYear: z.number().int().min(1989).max(2100),
  }),
  z.strictObject({
    kind: z.literal('csv'),
    fiscalYear: z.number().int().min(1989).max(2100),
    resource: z.enum(RESOURCE_IDS),
    encoding: z.enum(CSV_ENCODINGS).default('utf-8'),
  }),
]);

const createJobRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/reports/jobs',
  tags: ['reports'],
  summary: 'Ask for an export built off the request path; poll the job for its progress',
  request: jsonBody(jobBody.openapi('ReportJobRequest')),
  responses: { 202: jsonResponse(reportJobSchema, 'Queued'), ...errorResponses(400, 401, 404, 429) },
});
const listJobsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/jobs',
  tags: ['reports'],
  summary: 'The caller’s recent exports',
  responses: {
    200: jsonResponse(z.object({ items: z.array(reportJobSchema) }), 'Jobs'),
    ...errorResponses(401),
  },
});
const getJobRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/jobs/{id}',
  tags: ['reports'],
  summary: 'Where an export stands (its requester only)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(reportJobSchema, 'The job'), ...errorResponses(401, 404) },
});
const jobFileRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/jobs/{id}/file',
  tags: ['reports'],
  summary: 'The file of a finished export (its requester only)',
  request: { params: uuidParam },
  responses: { 200: binary('application/octet-stream', 'The file'), ...errorResponses(401, 404) },
});
const analysisPdfRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/analyses/{id}/report.pdf',
  tags: ['reports'],
  summary: 'One analysis report as PDF',
  request: { params: uuidParam },
  responses: { 200: binary(CONTENT_TYPES.pdf, 'The PDF'), ...errorResponses(401, 403, 404, 503) },
});
const agendaPdfRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/reports/meetings/{id}/agenda.pdf',
  tags: ['reports'],
  summary: 'A meeting’s agenda (次第) as PDF',
  request: { params: uuidParam },
  responses: { 200: binary(CONTENT_TYPES.pdf, 'The PDF'), ...errorResponses(401, 403, 404, 503) },
});

/** Reports: the progress deck, PDF and workbook, CSV lists, export jobs and single-record PDFs. */
export function registerReportRoutes(app: App): void {
  for (const extension of ['pptx', 'pdf', 'xlsx'] as const) {
    const summaries = {
      pptx: 'The progress deck of a fiscal year (PowerPoint, 16:9)',
      pdf: 'The progress report of a fiscal year (PDF, A4 landscape)',
      xlsx: 'The progress workbook of a fiscal year (one sheet per list)',
    };
    app.openapi(progressRoute(extension, summaries[extension]), async (c) => {
      authorize(reportPolicy.canExport(requireUser(c)));
      const { db } = c.get('services');
      const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
      const kind = `progress_${extension}` as const;
      return fileResponse(c, await generateReport(db, { kind, fiscalYear }));
    });
  }

  app.openapi(csvRouteDef, async (c) => {
    authorize(reportPolicy.canExport(requireUser(c)));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const request: ReportRequest = {
      kind: 'csv',
      fiscalYear,
      resource: c.req.valid('param').resource,
      encoding: query.encoding,
    };
    return fileResponse(c, await generateReport(db, request));
  });

  app.openapi(createJobRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(reportPolicy.canExport(user));
    const { db } = c.get('services');
    const body = c.req.valid('json');
    const fiscalYear = await resolveFiscalYear(db, body.fiscalYear);
    const job = await db.transaction((tx) =>
      requestReportJob(tx, { request: { ...body, fiscalYear }, userId: user.id, actor: actorOf(c) }),
    );
    startReportJob(db, job.id);
    c.header('location', `/api/v1/reports/jobs/${job.id}`);
    return c.json(presentReportJob(job), 202);
  });

  app.openapi(listJobsRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(reportPolicy.canExport(user));
    const rows = await listRecentJobs(c.get('services').db, user.id);
    return c.json({ items: rows.map((row) => presentReportJob(row)) }, 200);
  });

  app.openapi(getJobRouteDef, async (c) => {
    const user = requireUser(c);
    const job = await findReportJob(c.get('services').db, c.req.valid('param').id);
    // Another person's export is answered as if it did not exist.
    if (!job || !reportPolicy.canUseJob(user, job)) throw notFound();
    return c.json(presentReportJob(job), 200);
  });

  app.openapi(jobFileRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const job = await findReportJob(db, id);
    if (!job || !reportPolicy.canUseJob(user, job)) throw notFound();
    const file = await readReportJobFile(db, id);
    if (!file?.content || !file.fileName || !file.contentType) throw notFound();
    return fileResponse(c, { fileName: file.fileName, contentType: file.contentType, content: file.content });
  });

  app.openapi(analysisPdfRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const analysis = await findAnalysisForPrint(db, c.req.valid('param').id);
    if (!analysis) throw notFound();
    const tree = await loadOrgUnitTree(db);
    const units = [
      ...analysis.owners.map((owner) => owner.id),
      ...(analysis.leadOrgUnitId ? [analysis.leadOrgUnitId] : []),
    ];
    const isOwnUnit = units.some((unit) => actsFor(user, tree, unit));
    authorize(reportPolicy.canPrintAnalysis(user, { isPublished: analysis.isPublished, isOwnUnit }));
    const includeWorkingCopy = reportPolicy.canPrintAnalysisDraft(user, { isOwnUnit });
    const html = renderAnalysisHtml(
      analysis,
      await analysisReportSections(db, analysis.id, { includeWorkingCopy }),
    );
    const content = await printPdf(html, {
      isLandscape: false,
      footer: `経営分析 ${analysis.number} ${analysis.name}`,
    });
    return fileResponse(c, {
      fileName: `経営分析_${analysis.number}_${analysis.name}.pdf`,
      contentType: CONTENT_TYPES.pdf,
      content,
    });
  });

  app.openapi(agendaPdfRouteDef, async (c) => {
    authorize(reportPolicy.canPrintAgenda(requireUser(c)));
    const { db } = c.get('services');
    const meeting = await findMeetingForPrint(db, c.req.valid('param').id);
    if (!meeting) throw notFound();
    const html = renderAgendaHtml(meeting, await meetingAgendaLines(db, meeting.id));
    const content = await printPdf(html, { isLandscape: false, footer: `${meeting.title} 次第` });
    return fileResponse(c, {
      fileName: `${meeting.title}_次第.pdf`,
      contentType: CONTENT_TYPES.pdf,
      content,
    });
  });
}
