import { createRoute, z } from '@hono/zod-openapi';
import type { Database } from '../../db/client.ts';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf, type CurrentUser } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { orgUnitAncestry } from '../actions/index.ts';
import {
  ACCEPTED_FILE_KINDS,
  attachmentDownloadResponse,
  readAttachmentContent,
  readUploadedFile,
} from '../attachments/index.ts';
import { loadAgenda } from './load-meeting-record.ts';
import { findMaterial } from './materials.queries.ts';
import { meetingPolicy } from './meetings.policy.ts';
import { materialSchema } from './meetings.presenter.ts';
import { findAgendaItem, findMeeting } from './meetings.queries.ts';
import {
  attachRedactedFile,
  MATERIAL_OWNER_TYPE,
  removeMaterial,
  updateMaterial,
  uploadMaterial,
} from './save-material.ts';

const pathId = (name: string) =>
  z
    .string()
    .uuid()
    .openapi({ param: { name, in: 'path' } });
const itemParams = z.object({ id: pathId('id'), itemId: pathId('itemId') });
const materialParams = z.object({ id: pathId('id'), materialId: pathId('materialId') });

const fileField = z.instanceof(File, { message: 'ファイルを指定してください / a file is required' }).openapi({
  type: 'string',
  format: 'binary',
  description: `accepted: ${Object.keys(ACCEPTED_FILE_KINDS).join(', ')}`,
});

const uploadForm = z
  .strictObject({
    file: fileField,
    title: z.string().trim().min(1).max(200).optional(),
    isRedactionRequired: z.enum(['true', 'false']).optional(),
  })
  .openapi('MaterialUpload');
const redactedForm = z.strictObject({ file: fileField }).openapi('RedactedFileUpload');
const formBody = <T extends z.ZodType>(schema: T) =>
  ({ body: { required: true, content: { 'multipart/form-data': { schema } } } }) as const;

const updateBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    isRedactionRequired: z.boolean().optional(),
    isPublished: z.boolean().optional(),
  })
  .openapi('MaterialUpdate');

const uploadRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings/{id}/agenda-items/{itemId}/materials',
  tags: ['meetings'],
  summary: 'Upload a material (資料) to an agenda item (reform office or the presenting unit)',
  request: { params: itemParams, ...formBody(uploadForm) },
  responses: {
    201: jsonResponse(materialSchema, 'Uploaded'),
    ...errorResponses(400, 401, 403, 404, 413, 415),
  },
});
const redactedRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/meetings/{id}/materials/{materialId}/redacted-file',
  tags: ['meetings'],
  summary:
    'Upload the redacted (黒塗り済み) file of a material (reform office or the presenting unit, If-Match)',
  request: { params: materialParams, ...formBody(redactedForm) },
  responses: {
    200: jsonResponse(materialSchema, 'Stored'),
    ...errorResponses(400, 401, 403, 404, 412, 413, 415, 428),
  },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/meetings/{id}/materials/{materialId}',
  tags: ['meetings'],
  summary:
    'Rename, mark for redaction, publish or withdraw a material (If-Match; publication by the reform office)',
  request: { params: materialParams, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(materialSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const deleteRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/meetings/{id}/materials/{materialId}',
  tags: ['meetings'],
  summary: 'Remove an unpublished material (reform office, If-Match)',
  request: { params: materialParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409, 412, 428) },
});
const downloadRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}/materials/{materialId}/file',
  tags: ['meetings'],
  summary:
    'Download a material: the original (employees allowed to read it), the redacted file, or what the public gets (variant=public, also without sign-in)',
  request: {
    params: materialParams,
    query: z.object({ variant: z.enum(['original', 'redacted', 'public']).optional() }),
  },
  responses: {
    200: {
      description: 'The file, as an attachment',
      content: {
        'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
      },
    },
    ...errorResponses(400, 403, 404),
  },
});

async function presenterAncestryOf(db: Database, presenterOrgUnitId: string | null) {
  return presenterOrgUnitId ? orgUnitAncestry(db, presenterOrgUnitId) : [];
}

/** The material as the agenda numbers it, for the given viewer. */
async function presentOne(db: Database, meetingId: string, materialId: string, user: CurrentUser) {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw notFound();
  const agenda = await loadAgenda(db, meeting, user);
  const material = agenda.items.flatMap((item) => item.materials).find((row) => row.id === materialId);
  if (!material) throw notFound();
  return material;
}

/** Meeting materials: upload with sniffed types and a size limit, redaction, publication, safe downloads. */
export function registerMaterialRoutes(app: App): void {
  app.openapi(uploadRouteDef, async (c) => {
    const user = requireUser(c);
    const { db, config } = c.get('services');
    const { id, itemId } = c.req.valid('param');
    const item = await findAgendaItem(db, id, itemId);
    if (!item) throw notFound();
    authorize(
      meetingPolicy.canAddMaterial(user, {
        presenterAncestry: await presenterAncestryOf(db, item.presenterOrgUnitId),
      }),
    );
    const form = c.req.valid('form');
    const { fileName, bytes } = await readUploadedFile(form, config.uploadLimitBytes);
    const created = await db.transaction((tx) =>
      uploadMaterial(tx, {
        meetingId: id,
        agendaItemId: itemId,
        title: form.title,
        isRedactionRequired: form.isRedactionRequired === 'true',
        file: { fileName, bytes },
        limitBytes: config.uploadLimitBytes,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(created.version));
    return c.json(await presentOne(db, id, created.id, user), 201);
  });

  app.openapi(redactedRouteDef, async (c) => {
    const user = requireUser(c);
    const { db, config } = c.get('services');
    const { id, materialId } = c.req.valid('param');
    const material = await findMaterial(db, id, materialId);
    if (!material) throw notFound();
    authorize(
      meetingPolicy.canEditMaterial(user, {
        presenterAncestry: await presenterAncestryOf(db, material.presenterOrgUnitId),
      }),
    );
    const expectedVersion = requireIfMatch(c);
    const { fileName, bytes } = await readUploadedFile(c.req.valid('form'), config.uploadLimitBytes);
    const updated = await db.transaction((tx) =>
      attachRedactedFile(tx, {
        meetingId: id,
        materialId,
        expectedVersion,
        file: { fileName, bytes },
        limitBytes: config.uploadLimitBytes,
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(await presentOne(db, id, materialId, user), 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { id, materialId } = c.req.valid('param');
    const material = await findMaterial(db, id, materialId);
    if (!material) throw notFound();
    const changes = c.req.valid('json');
    const canPublish = meetingPolicy.canPublishMaterial(user);
    authorize(
      meetingPolicy.canEditMaterial(user, {
        presenterAncestry: await presenterAncestryOf(db, material.presenterOrgUnitId),
      }),
    );
    // Publication, and the redaction flag of what is already public, stay with the reform office.
    authorize(
      canPublish ||
        (changes.isPublished === undefined &&
          !(material.isPublished && changes.isRedactionRequired !== undefined)),
    );
    const expectedVersion = requireIfMatch(c);
    const updated = await db.transaction((tx) =>
      updateMaterial(tx, { meetingId: id, materialId, expectedVersion, changes, actor: actorOf(c) }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(await presentOne(db, id, materialId, user), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { id, materialId } = c.req.valid('param');
    await c
      .get('services')
      .db.transaction((tx) =>
        removeMaterial(tx, { meetingId: id, materialId, expectedVersion, actor: actorOf(c) }),
      );
    return c.body(null, 204);
  });

  app.openapi(downloadRouteDef, async (c) => {
    const user = c.get('user');
    const { db } = c.get('services');
    const { id, materialId } = c.req.valid('param');
    const meeting = await findMeeting(db, id);
    const material = meeting ? await findMaterial(db, id, materialId) : null;
    if (!meeting || !material) throw notFound();
    const variant = user ? (c.req.valid('query').variant ?? 'original') : 'public';
    let fileId: string | null;
    if (variant === 'public') {
      // Exactly what the public page offers: nothing of a closed meeting or an unpublished agenda or material.
      const isPublic = meeting.isPublic && meeting.isAgendaPublished && material.isPublished;
      fileId = isPublic ? (material.isRedactionRequired ? material.redactedFileId : material.fileId) : null;
    } else if (variant === 'redacted') {
      fileId = material.redactedFileId;
    } else {
      const presenterAncestry = await presenterAncestryOf(db, material.presenterOrgUnitId);
      authorize(
        meetingPolicy.canReadOriginal(user, {
          isRedactionRequired: material.isRedactionRequired,
          presenterAncestry,
        }),
      );
      fileId = material.fileId;
    }
    if (!fileId) throw notFound();
    const file = await readAttachmentContent(db, MATERIAL_OWNER_TYPE, material.id, fileId);
    if (!file) throw notFound();
    return attachmentDownloadResponse(c, file);
  });
}
