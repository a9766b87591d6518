import { createRoute, z } from '@hono/zod-openapi';
import {
  ANALYSIS_REPORT_SECTIONS,
  ANALYSIS_REPORTING_STAGES,
  ANALYSIS_REVIEW_ACTIONS,
  analysisReportPatchSchema,
  compareAnalysisReports,
  readStoredAnalysisReport,
} from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { addAnalysisComment } from './add-analysis-comment.ts';
import { analysisPolicy } from './analyses.policy.ts';
import {
  analysisDetailSchema,
  commentSchema,
  comparisonSchema,
  presentComment,
  presentVersionSummary,
  readVersionContent,
  sectionsForComparison,
  versionDetailSchema,
  versionSummarySchema,
} from './analyses.presenter.ts';
import { findVersion, listComments, listVersions, userNames } from './analyses.queries.ts';
import { cachedAnalysisJson } from './analysis-cache.ts';
import { loadAnalysisContext, loadWorkingCopyContext } from './analysis-context.ts';
import { getAnalysisDetail } from './get-analysis-detail.ts';
import { reviewAnalysis } from './review-analysis.ts';
import { saveAnalysisReport } from './save-analysis-report.ts';
import { currentVersionContent } from './version-snapshot.ts';

const versionNumber = z.coerce.number().int().min(1).max(1_000_000);

const versionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  number: versionNumber.openapi({ param: { name: 'number', in: 'path' } }),
});

const reportBody = z.strictObject({ sections: analysisReportPatchSchema }).openapi('AnalysisReportUpdate');

const reviewBody = z
  .strictObject({
    action: z.enum(ANALYSIS_REVIEW_ACTIONS),
    /** For a submission: which report it is (defaults to the next one the stage allows). */
    report: z.enum(ANALYSIS_REPORTING_STAGES).optional(),
    comment: z.string().max(10_000).optional(),
  })
  .openapi('AnalysisReview');

const commentBody = z
  .strictObject({
    body: z.string().trim().min(1).max(10_000),
    versionNumber: versionNumber.nullable().default(null),
    section: z.enum(ANALYSIS_REPORT_SECTIONS).nullable().default(null),
    parentId: z.string().uuid().nullable().default(null),
  })
  .openapi('AnalysisCommentCreate');

const compareQuery = z.object({
  from: versionNumber,
  /** A version number, or `current` for the working copy. */
  to: z.union([versionNumber, z.literal('current')]),
});

const reportRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/analyses/{id}/report',
  tags: ['analyses'],
  summary: 'Save sections of the working copy (owning department, If-Match)',
  request: { params: uuidParam, ...jsonBody(reportBody) },
  responses: {
    200: jsonResponse(analysisDetailSchema, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

const reviewRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/review',
  tags: ['analyses'],
  summary: 'Submit, withdraw, approve, return or accept the report (If-Match)',
  request: { params: uuidParam, ...jsonBody(reviewBody) },
  responses: {
    200: jsonResponse(analysisDetailSchema, 'Done'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

const versionsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/versions',
  tags: ['analyses'],
  summary: 'Submitted versions (reported ones only for those outside the review)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(versionSummarySchema) }), 'Versions, oldest first'),
    ...errorResponses(404),
  },
});

const compareRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/versions/compare',
  tags: ['analyses'],
  summary: 'What changed between two versions (or a version and the working copy), section by section',
  request: { params: uuidParam, query: compareQuery },
  responses: { 200: jsonResponse(comparisonSchema, 'The comparison'), ...errorResponses(400, 404) },
});

const versionRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/versions/{number}',
  tags: ['analyses'],
  summary: 'One version with what it froze',
  request: { params: versionParams },
  responses: { 200: jsonResponse(versionDetailSchema, 'The version'), ...errorResponses(400, 404) },
});

const commentsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/comments',
  tags: ['analyses'],
  summary: 'Review comments (reform office, executives, owning department and bureau head)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(commentSchema) }), 'Comments, oldest first'),
    ...errorResponses(401, 404),
  },
});

const addCommentRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/comments',
  tags: ['analyses'],
  summary: 'Comment on a version and section, or reply to a comment',
  request: { params: uuidParam, ...jsonBody(commentBody) },
  responses: { 201: jsonResponse(commentSchema, 'Added'), ...errorResponses(400, 401, 403, 404, 422) },
});

/** The report of an analysis: working copy, review, versions and their comparison, comments. */
export function registerAnalysisReportRoutes(app: App): void {
  app.openapi(reportRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    authorize(analysisPolicy.canEditReport(context.access));
    const expectedVersion = requireIfMatch(c);
    await db.transaction((tx) =>
      saveAnalysisReport(tx, {
        analysisId: id,
        expectedVersion,
        sections: c.req.valid('json').sections,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const detail = await getAnalysisDetail(db, await loadAnalysisContext(db, user, id));
    c.header('etag', etagOf(detail.version));
    return c.json(detail, 200);
  });

  app.openapi(reviewRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    const body = c.req.valid('json');
    authorize(analysisPolicy.canReview(context.access, body.action, context.row.analysis.reviewStatus));
    const expectedVersion = requireIfMatch(c);
    await db.transaction((tx) =>
      reviewAnalysis(tx, {
        analysisId: id,
        expectedVersion,
        action: body.action,
        report: body.report,
        comment: body.comment,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const detail = await getAnalysisDetail(db, await loadAnalysisContext(db, user, id));
    c.header('etag', etagOf(detail.version));
    return c.json(detail, 200);
  });

  app.openapi(versionsRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    return cachedAnalysisJson(c, {
      analysisId: id,
      part: 'versions',
      build: async () => {
        const context = await loadAnalysisContext(db, c.get('user'), id);
        const onlyReported = !analysisPolicy.canReadWorkingCopy(context.access);
        const rows = await listVersions(db, context.row.analysis.id, { onlyReported });
        const names = await userNames(
          db,
          rows.flatMap((row) => [row.submittedBy, row.approvedBy, row.reviewedBy]),
        );
        const isSignedIn = context.access.user !== null;
        return { items: rows.map((row) => presentVersionSummary(row, names, isSignedIn)) };
      },
    }) as never;
  });

  app.openapi(compareRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const query = c.req.valid('query');
    return cachedAnalysisJson(c, {
      analysisId: id,
      part: `compare:${query.from}:${query.to}`,
      build: async () => {
        const context = await loadAnalysisContext(db, c.get('user'), id);
        const canReadAll = analysisPolicy.canReadWorkingCopy(context.access);
        const analysisId = context.row.analysis.id;
        const [from, to] = await Promise.all([
          findVersion(db, analysisId, query.from),
          query.to === 'current' ? null : findVersion(db, analysisId, query.to),
        ]);
        if (!from || (!canReadAll && from.status !== 'reported')) throw notFound();
        let toContent: ReturnType<typeof readVersionContent>;
        let toRef: { number: number | null; report: typeof from.report | null };
        if (query.to === 'current') {
          if (!canReadAll) throw notFound();
          toContent = await currentVersionContent(db, analysisId);
          toRef = { number: null, report: null };
        } else {
          if (!to || (!canReadAll && to.status !== 'reported')) throw notFound();
          toContent = readVersionContent(to.content);
          toRef = { number: to.number, report: to.report };
        }
        const fromContent = readVersionContent(from.content);
        return {
          from: { number: from.number, report: from.report },
          to: toRef,
          sections: compareAnalysisReports(
            sectionsForComparison(fromContent),
            sectionsForComparison(toContent),
          ),
        };
      },
    }) as never;
  });

  app.openapi(versionRouteDef, async (c) => {
    const { db } = c.get('services');
    const params = c.req.valid('param');
    const context = await loadAnalysisContext(db, c.get('user'), params.id);
    const version = await findVersion(db, context.row.analysis.id, params.number);
    // Versions not yet reported are as private as the working copy: unknown to others.
    if (!version || (version.status !== 'reported' && !analysisPolicy.canReadWorkingCopy(context.access))) {
      throw notFound();
    }
    const names = await userNames(db, [version.submittedBy, version.approvedBy, version.reviewedBy]);
    const content = readVersionContent(version.content);
    return c.json(
      {
        ...presentVersionSummary(version, names, context.access.user !== null),
        content: { ...content, sections: readStoredAnalysisReport(content.sections) ?? content.sections },
      },
      200,
    );
  });

  app.openapi(commentsRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const context = await loadWorkingCopyContext(db, user, c.req.valid('param').id);
    const rows = await listComments(db, context.row.analysis.id);
    return c.json({ items: rows.map(presentComment) }, 200);
  });

  app.openapi(addCommentRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    authorize(analysisPolicy.canComment(context.access));
    const body = c.req.valid('json');
    const commentId = await db.transaction((tx) =>
      addAnalysisComment(tx, { analysisId: id, ...body, actor: actorOf(c) }),
    );
    const created = (await listComments(db, id)).find((row) => row.comment.id === commentId);
    if (!created) throw new AppError('internal_error');
    return c.json(presentComment(created), 201);
  });
}
