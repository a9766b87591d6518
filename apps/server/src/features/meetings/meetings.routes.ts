import { createRoute, z } from '@hono/zod-openapi';
import { AGENDA_ITEM_KINDS, DATE_PRECISIONS, isValidIsoDate, preciseDateSchema } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { cachedJson } from '../../lib/response-cache.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { registerAgendaRoutes } from './agenda.routes.ts';
import { registerCalendarRoutes } from './calendar.routes.ts';
import { registerDecisionRoutes } from './decisions.routes.ts';
import { loadAgenda } from './load-meeting-record.ts';
import { fileInfo, listMaterials } from './materials.queries.ts';
import { registerMaterialRoutes } from './materials.routes.ts';
import { meetingPolicy } from './meetings.policy.ts';
import {
  agendaLinkSchema,
  meetingDetailSchema,
  meetingSummarySchema,
  presentMeetingDetail,
  presentMeetingSummary,
  presentPublicMeeting,
  publicMeetingSchema,
} from './meetings.presenter.ts';
import {
  findMeeting,
  findMinutes,
  listAgendaItems,
  listMeetings,
  type MeetingRow,
} from './meetings.queries.ts';
import { registerMinutesRoutes } from './minutes.routes.ts';
import { proposeAgendaItems } from './propose-agenda-items.ts';
import { createMeeting, updateMeeting } from './save-meeting.ts';

/** A PreciseDate in a request: no unknown fields, and the span must be exactly what the precision implies. */
export const preciseDateInput = z
  .strictObject({ precision: z.enum(DATE_PRECISIONS), start: z.string().max(10), end: z.string().max(10) })
  .superRefine((value, context) => {
    const checked = preciseDateSchema.safeParse(value);
    if (!checked.success)
      for (const issue of checked.error.issues) context.addIssue({ ...issue, code: 'custom' });
  })
  .openapi('PreciseDateInput');

export const isoDateInput = z
  .string()
  .max(10)
  .refine(isValidIsoDate, { message: 'YYYY-MM-DD の日付を指定してください / a date YYYY-MM-DD' });

const timeInput = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' });

const meetingFields = {
  sequence: z.number().int().min(0).max(99),
  title: z.string().trim().min(1).max(100),
  planned: preciseDateInput,
  actualDate: isoDateInput.nullable(),
  startTime: timeInput.nullable(),
  endTime: timeInput.nullable(),
  place: z.string().trim().min(1).max(200).nullable(),
  isPublic: z.boolean(),
  videoUrl: z
    .string()
    .trim()
    .max(500)
    .url()
    .refine((url) => url.startsWith('https://'), { message: 'https:// の URL / an https:// URL' })
    .nullable(),
};

const createBody = z
  .strictObject({
    fiscalYear: fiscalYearQuery,
    sequence: meetingFields.sequence,
    title: meetingFields.title.optional(),
    planned: meetingFields.planned,
    actualDate: meetingFields.actualDate.optional(),
    startTime: meetingFields.startTime.optional(),
    endTime: meetingFields.endTime.optional(),
    place: meetingFields.place.optional(),
    isPublic: meetingFields.isPublic.optional(),
    videoUrl: meetingFields.videoUrl.optional(),
  })
  .openapi('MeetingCreate');

const updateBody = z
  .strictObject({
    sequence: meetingFields.sequence.optional(),
    title: meetingFields.title.optional(),
    planned: meetingFields.planned.optional(),
    actualDate: meetingFields.actualDate.optional(),
    startTime: meetingFields.startTime.optional(),
    endTime: meetingFields.endTime.optional(),
    place: meetingFields.place.optional(),
    isPublic: meetingFields.isPublic.optional(),
    videoUrl: meetingFields.videoUrl.optional(),
    isAgendaPublished: z.boolean().optional(),
    isVideoPublished: z.boolean().optional(),
  })
  .openapi('MeetingUpdate');

const proposalSchema = z
  .object({
    kind: z.enum(AGENDA_ITEM_KINDS),
    title: z.string(),
    presenterOrgUnitId: z.string().uuid().nullable(),
    presenterName: z.string().nullable(),
    links: z.array(
      agendaLinkSchema.pick({ type: true, id: true }).extend({ analysisStage: z.string().nullish() }),
    ),
    reason: z.object({ ja: z.string(), en: z.string() }),
  })
  .openapi('AgendaProposal');

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings',
  tags: ['meetings'],
  summary: 'X meetings of a fiscal year (public ones without sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), items: z.array(meetingSummarySchema) }),
      'Meetings',
    ),
    ...errorResponses(400, 404),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/meetings',
  tags: ['meetings'],
  summary: "Add a meeting to a fiscal year's series (reform office)",
  request: jsonBody(createBody),
  responses: {
    201: jsonResponse(meetingSummarySchema, 'Created'),
    ...errorResponses(400, 401, 403, 409, 422),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}',
  tags: ['meetings'],
  summary:
    'One meeting: the whole record for employees; exactly the published parts without sign-in or with view=public',
  request: { params: uuidParam, query: z.object({ view: z.enum(['public']).optional() }) },
  responses: {
    200: jsonResponse(z.union([meetingDetailSchema, publicMeetingSchema]), 'The meeting'),
    ...errorResponses(400, 404),
  },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/meetings/{id}',
  tags: ['meetings'],
  summary: 'Change a meeting: dates, place, public/closed, video, publication of agenda and video (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(meetingSummarySchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const proposalsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/meetings/{id}/agenda-proposals',
  tags: ['meetings'],
  summary: 'Items due at this meeting and not yet on its agenda (reform office)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(proposalSchema) }), 'Proposed items'),
    ...errorResponses(401, 403, 404),
  },
});

/** X meetings: the series, each meeting's record, its publication and calendar feeds. */
export function registerMeetingRoutes(app: App): void {
  registerCalendarRoutes(app);

  app.openapi(listRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const rows = await listMeetings(db, fiscalYear, { onlyPublic: c.get('user') === null });
    return c.json({ fiscalYear, items: rows.map(presentMeetingSummary) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const { fiscalYear, ...fields } = c.req.valid('json');
    const created = await c
      .get('services')
      .db.transaction((tx) => createMeeting(tx, { fiscalYear, fields, actor: actorOf(c) }));
    c.header('etag', etagOf(created.version));
    return c.json(presentMeetingSummary(created), 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const { db } = c.get('services');
    const user = c.get('user');
    if (!user) {
      // Without a session: the published parts only, the same for everyone, so cached until a
      // meeting, its agenda, materials, minutes or a served file changes (public_meetings).
      const id = c.req.valid('param').id;
      return cachedJson(c, {
        key: `public-meeting:${id}`,
        topics: ['public_meetings'],
        build: async () => {
          const meeting = await findMeeting(db, id);
          // A closed meeting does not exist for the public: the same 404 as an unknown id.
          if (!meeting || !meetingPolicy.canRead(null, meeting)) throw notFound();
          return publicMeetingOf(db, meeting);
        },
      }) as never;
    }
    const meeting = await findMeeting(db, c.req.valid('param').id);
    // A closed meeting does not exist for the public: the same 404 as an unknown id.
    if (!meeting || !meetingPolicy.canRead(user, meeting)) throw notFound();
    const minutes = await findMinutes(db, meeting.id);
    if (c.req.valid('query').view === 'public') {
      if (!meeting.isPublic) throw notFound();
      return c.json(await publicMeetingOf(db, meeting, minutes), 200);
    }
    const agenda = await loadAgenda(db, meeting, user);
    c.header('etag', etagOf(meeting.version));
    return c.json(
      presentMeetingDetail(meeting, agenda, minutes, {
        canReadDraftMinutes: meetingPolicy.canReadDraftMinutes(user),
        canManage: meetingPolicy.canManage(user),
      }),
      200,
    );
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const updated = await c.get('services').db.transaction((tx) =>
      updateMeeting(tx, {
        id: c.req.valid('param').id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentMeetingSummary(updated), 200);
  });

  app.openapi(proposalsRouteDef, async (c) => {
    authorize(meetingPolicy.canManage(requireUser(c)));
    const { db } = c.get('services');
    const meeting = await findMeeting(db, c.req.valid('param').id);
    if (!meeting) throw notFound();
    return c.json({ items: await proposeAgendaItems(db, meeting) }, 200);
  });

  registerAgendaRoutes(app);
  registerMaterialRoutes(app);
  registerDecisionRoutes(app);
  registerMinutesRoutes(app);
}

/** The published parts of a public meeting: its agenda, published materials (redacted where required) and minutes. */
async function publicMeetingOf(
  db: Executor,
  meeting: MeetingRow,
  knownMinutes?: Awaited<ReturnType<typeof findMinutes>>,
) {
  const [items, materials, minutes] = await Promise.all([
    listAgendaItems(db, meeting.id),
    listMaterials(db, meeting.id),
    knownMinutes === undefined ? findMinutes(db, meeting.id) : knownMinutes,
  ]);
  const redactedFiles = await fileInfo(
    db,
    materials.flatMap((material) =>
      material.isPublished && material.redactedFileId ? [material.redactedFileId] : [],
    ),
  );
  return presentPublicMeeting(meeting, items, materials, redactedFiles, minutes);
}
