import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_REPORT_SECTIONS } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { analysisPolicy } from './analyses.policy.ts';
import { loadAnalysisContext } from './analysis-context.ts';
import { listReportDrafts, type ReportDraftRow } from './analysis-drafts.queries.ts';
import { discardReportDraft } from './discard-report-draft.ts';
import { saveReportDraft } from './save-report-draft.ts';

const sectionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  section: z.enum(ANALYSIS_REPORT_SECTIONS).openapi({ param: { name: 'section', in: 'path' } }),
});

/** A form field as typed: a text, a list of texts (ids), or rows of texts (table lines). */
const fieldKey = z.string().min(1).max(40);
const formValue = z.union([
  z.string().max(20_000),
  z.array(z.string().max(200)).max(200),
  z.array(z.record(fieldKey, z.string().max(5_000))).max(200),
]);
const sectionForm = z.record(fieldKey, formValue);
/** The draft as the editor keeps it: the form as typed, and the section as it stood when editing began. */
const draftContent = z.strictObject({ form: sectionForm, base: sectionForm }).openapi('AnalysisDraftContent');
const MAX_DRAFT_BYTES = 256 * 1024;

const draftBody = z
  .strictObject({
    content: draftContent,
    /** The version of the analysis the draft was typed against. */
    baseVersion: z.number().int().min(1).max(1_000_000_000),
  })
  .openapi('AnalysisDraftSave');

const draftSchema = z
  .object({
    section: z.enum(ANALYSIS_REPORT_SECTIONS),
    content: draftContent,
    baseVersion: z.number().int(),
    version: z.number().int(),
    updatedBy: z.object({ displayName: z.string() }).nullable(),
    updatedAt: z.string(),
  })
  .openapi('AnalysisDraft');

function presentDraft(row: ReportDraftRow, updatedByName: string | null): z.infer<typeof draftSchema> {
  return {
    section: row.section as z.infer<typeof draftSchema>['section'],
    content: row.content as z.infer<typeof draftContent>,
    baseVersion: row.baseVersion,
    version: row.version,
    updatedBy: updatedByName ? { displayName: updatedByName } : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/drafts',
  tags: ['analyses'],
  summary: 'Saved drafts of report sections (owning department and reform office)',
  request: { params: z.object({ id: sectionParams.shape.id }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(draftSchema) }), 'Drafts by section'),
    ...errorResponses(401, 404),
  },
});

const saveRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/analyses/{id}/drafts/{section}',
  tags: ['analyses'],
  summary:
    'Save the draft of a report section as typed (autosave; If-Match "0" for a first draft; no new version of the analysis)',
  request: { params: sectionParams, ...jsonBody(draftBody) },
  responses: {
    200: jsonResponse(draftSchema, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 413, 428),
  },
});

const discardRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/analyses/{id}/drafts/{section}',
  tags: ['analyses'],
  summary: 'Throw away the draft of a report section (owning department, If-Match)',
  request: { params: sectionParams },
  responses: { 204: { description: 'Discarded' }, ...errorResponses(401, 403, 404, 412, 428) },
});

/** Drafts of the report's sections, saved as they are typed. */
export function registerAnalysisDraftRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const context = await loadAnalysisContext(db, user, c.req.valid('param').id);
    // Others do not learn that a draft exists.
    if (!analysisPolicy.canReadDraft(context.access)) throw notFound();
    const rows = await listReportDrafts(db, context.row.analysis.id);
    return c.json({ items: rows.map((row) => presentDraft(row.draft, row.updatedByName)) }, 200);
  });

  app.openapi(saveRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { id, section } = c.req.valid('param');
    const context = await loadAnalysisContext(db, user, id);
    if (!analysisPolicy.canReadDraft(context.access)) throw notFound();
    authorize(analysisPolicy.canWriteDraft(context.access));
    const expectedVersion = requireIfMatch(c);
    const body = c.req.valid('json');
    if (JSON.stringify(body.content).length > MAX_DRAFT_BYTES) {
      throw new AppError('payload_too_large', {
        messages: {
          ja: '下書きが大きすぎます（256KBまで）。節を分けて保存してください。',
          en: 'The draft is too large (256 KB at most).',
        },
      });
    }
    const saved = await db.transaction((tx) =>
      saveReportDraft(tx, {
        analysisId: id,
        section,
        expectedVersion,
        content: body.content,
        baseVersion: body.baseVersion,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(saved.version));
    return c.json(presentDraft(saved, user.displayName), 200);
  });

  app.openapi(discardRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { id, section } = c.req.valid('param');
    const context = await loadAnalysisContext(db, user, id);
    if (!analysisPolicy.canReadDraft(context.access)) throw notFound();
    authorize(analysisPolicy.canWriteDraft(context.access));
    const expectedVersion = requireIfMatch(c);
    await db.transaction((tx) =>
      discardReportDraft(tx, {
        analysisId: id,
        section,
        expectedVersion,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    return c.body(null, 204);
  });
}
