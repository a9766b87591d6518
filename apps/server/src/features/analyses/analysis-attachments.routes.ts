import { createRoute, z } from '@hono/zod-openapi';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import {
  attachmentDownloadResponse,
  attachmentSchema,
  attachmentUploadBody,
  deleteAttachment,
  findAttachment,
  listAttachments,
  presentAttachment,
  readAttachmentContent,
  readUploadedFile,
  storeAttachment,
} from '../attachments/index.ts';
import { analysisPolicy } from './analyses.policy.ts';
import { loadWorkingCopyContext } from './analysis-context.ts';

/** The owner type analyses' attachments are stored under. */
export const ANALYSIS_ATTACHMENT_OWNER = 'analysis';

const attachmentParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  attachmentId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/attachments',
  tags: ['analyses'],
  summary: 'Files attached to an analysis (those who may read its working copy)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(attachmentSchema) }), 'Attachments'),
    ...errorResponses(401, 404),
  },
});

const uploadRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/attachments',
  tags: ['analyses'],
  summary: 'Attach a file (PDF, Word, Excel, PowerPoint, image, CSV, text; checked by content)',
  request: { params: uuidParam, ...attachmentUploadBody },
  responses: {
    201: jsonResponse(attachmentSchema, 'Attached'),
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
});

const downloadRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/attachments/{attachmentId}',
  tags: ['analyses'],
  summary: 'Download an attached file',
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: { 'application/octet-stream': { schema: z.string() } },
    },
    ...errorResponses(401, 404),
  },
});

const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/analyses/{id}/attachments/{attachmentId}',
  tags: ['analyses'],
  summary: 'Remove an attached file',
  request: { params: attachmentParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
});

/** Attachments of analyses, stored by the attachments feature. */
export function registerAnalysisAttachmentRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const context = await loadWorkingCopyContext(db, user, c.req.valid('param').id);
    const rows = await listAttachments(db, ANALYSIS_ATTACHMENT_OWNER, context.row.analysis.id);
    return c.json({ items: rows.map(presentAttachment) }, 200);
  });

  app.openapi(uploadRouteDef, async (c) => {
    const user = requireUser(c);
    const { db, config } = c.get('services');
    const id = c.req.valid('param').id;
    const context = await loadWorkingCopyContext(db, user, id);
    authorize(analysisPolicy.canUploadAttachment(context.access) && context.row.analysis.closedAt === null);
    const upload = await readUploadedFile(c.req.valid('form'), config.uploadLimitBytes);
    const stored = await db.transaction((tx) =>
      storeAttachment(tx, {
        ownerType: ANALYSIS_ATTACHMENT_OWNER,
        ownerId: id,
        ...upload,
        limitBytes: config.uploadLimitBytes,
        actor: actorOf(c),
      }),
    );
    return c.json(presentAttachment(stored), 201);
  });

  app.openapi(downloadRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const params = c.req.valid('param');
    await loadWorkingCopyContext(db, user, params.id);
    const file = await readAttachmentContent(db, ANALYSIS_ATTACHMENT_OWNER, params.id, params.attachmentId);
    if (!file) throw notFound();
    return attachmentDownloadResponse(c, file) as never;
  });

  app.openapi(deleteRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const params = c.req.valid('param');
    const context = await loadWorkingCopyContext(db, user, params.id);
    authorize(analysisPolicy.canUploadAttachment(context.access));
    const existing = await findAttachment(db, ANALYSIS_ATTACHMENT_OWNER, params.id, params.attachmentId);
    if (!existing) throw notFound();
    await db.transaction((tx) =>
      deleteAttachment(tx, {
        ownerType: ANALYSIS_ATTACHMENT_OWNER,
        ownerId: params.id,
        attachmentId: params.attachmentId,
        actor: actorOf(c),
      }),
    );
    return c.body(null, 204);
  });
}
