import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_DIRECTION_KINDS, ANALYSIS_STAGES, isValidIsoDate } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { analysisPolicy } from './analyses.policy.ts';
import { analysisDetailSchema, presentTransition, transitionSchema } from './analyses.presenter.ts';
import { findMeetings, listTransitions } from './analyses.queries.ts';
import { loadAnalysisContext } from './analysis-context.ts';
import { getAnalysisDetail } from './get-analysis-detail.ts';
import { moveAnalysisStage } from './move-analysis-stage.ts';

const transitionBody = z
  .strictObject({
    to: z.enum(ANALYSIS_STAGES),
    /** The X meeting the report was made at (required for 経過報告, 方向性報告 and 最終報告). */
    meetingId: z.string().uuid().nullable().default(null),
    /** The day it was reported; defaults to the meeting's date. */
    reportedOn: z
      .string()
      .refine((value) => isValidIsoDate(value), { message: 'reportedOn must be a date YYYY-MM-DD' })
      .nullable()
      .default(null),
    directionKind: z.enum(ANALYSIS_DIRECTION_KINDS).nullable().default(null),
    note: z.string().max(5_000).default(''),
  })
  .openapi('AnalysisTransitionCreate');

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/analyses/{id}/transitions',
  tags: ['analyses'],
  summary: 'Stage moves of an analysis with the X meetings they were reported at',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(transitionSchema) }), 'Moves, oldest first'),
    ...errorResponses(404),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/analyses/{id}/transitions',
  tags: ['analyses'],
  summary: 'Move an analysis to its next stage (reform office; 着手 also the owning department; If-Match)',
  request: { params: uuidParam, ...jsonBody(transitionBody) },
  responses: {
    201: jsonResponse(analysisDetailSchema, 'Moved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

/** Stage moves. */
export function registerAnalysisStageRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const { db } = c.get('services');
    const context = await loadAnalysisContext(db, c.get('user'), c.req.valid('param').id);
    const rows = await listTransitions(db, context.row.analysis.id);
    const meetingsById = await findMeetings(
      db,
      rows.map((row) => row.transition.meetingId).filter((id): id is string => id !== null),
    );
    const isSignedIn = context.access.user !== null;
    return c.json({ items: rows.map((row) => presentTransition(row, meetingsById, isSignedIn)) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    const context = await loadAnalysisContext(db, user, id);
    authorize(analysisPolicy.canMoveStage(context.access, body.to));
    const expectedVersion = requireIfMatch(c);
    await db.transaction((tx) =>
      moveAnalysisStage(tx, {
        analysisId: id,
        expectedVersion,
        ...body,
        access: context.access,
        actor: actorOf(c),
      }),
    );
    const detail = await getAnalysisDetail(db, await loadAnalysisContext(db, user, id));
    c.header('etag', etagOf(detail.version));
    return c.json(detail, 201);
  });
}
