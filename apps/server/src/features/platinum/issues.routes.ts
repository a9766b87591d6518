import { createRoute, z } from '@hono/zod-openapi';
import {
  ASSIGNMENT_DECISIONS,
  IDEA_TEXT_LIMITS,
  ISSUE_STATUSES,
  isValidIsoDate,
  platinumThemeSchema,
  preciseDateSchema,
  SCORE_MAX,
  SCORE_MIN,
  summarizeScores,
} from '@totonoe/domain';
import type { Context } from 'hono';
import { authorize, scopedOrgUnits } from '../../lib/authorization.ts';
import { type App, type AppEnv, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { assignIssue } from './assign-issue.ts';
import { findCampaign, orgUnitAncestry, orgUnitDescendants } from './campaigns.queries.ts';
import { changeIssueStatus } from './change-issue-status.ts';
import { listSignatures, signResponse } from './co-announce.ts';
import { createIssue } from './create-issue.ts';
import { addIdeaToIssue, removeIdeaFromIssue } from './group-idea.ts';
import { presentIdeaSummary } from './ideas.presenter.ts';
import { listIdeas } from './ideas.queries.ts';
import {
  issueDetailSchema,
  issueSummarySchema,
  presentIssueDetail,
  presentIssueSummary,
  reviewSchema,
} from './issues.presenter.ts';
import {
  findIssue,
  findIssueDetail,
  type IssueListRow,
  listIssues,
  listScores,
  teamSize,
} from './issues.queries.ts';
import { type PlatinumViewer, platinumPolicy } from './platinum.policy.ts';
import { audienceOf, loadViewer, todayInJapan } from './platinum-context.ts';
import { recordDecision } from './record-decision.ts';
import { reviewResponse } from './review-response.ts';
import { saveResponse } from './save-response.ts';
import { scoreIssue } from './score-issue.ts';
import { startImplementation } from './start-implementation.ts';
import { updateIssue } from './update-issue.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().refine(isValidIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });

const createBody = z
  .strictObject({
    campaignId: z.string().uuid(),
    theme: platinumThemeSchema,
    title: text(IDEA_TEXT_LIMITS.issueTitle),
    summary: z.string().trim().max(IDEA_TEXT_LIMITS.issueSummary).default(''),
    ideaIds: z.array(z.string().uuid()).min(1).max(100),
  })
  .openapi('PlatinumIssueCreate');
const updateBody = z
  .strictObject({
    theme: platinumThemeSchema.optional(),
    title: text(IDEA_TEXT_LIMITS.issueTitle).optional(),
    summary: z.string().trim().max(IDEA_TEXT_LIMITS.issueSummary).optional(),
  })
  .openapi('PlatinumIssueUpdate');
const statusBody = z
  .strictObject({
    action: z.enum(['hold', 'decline', 'reopen', 'recall']),
    reason: z.string().trim().max(IDEA_TEXT_LIMITS.reason).optional(),
  })
  .openapi('PlatinumIssueStatusChange');
// The rubric's bounds come from the domain; the schema is built here so it carries its OpenAPI name.
const scoreValue = z.number().int().min(SCORE_MIN).max(SCORE_MAX);
const scoreBody = z
  .strictObject({
    impact: scoreValue,
    feasibility: scoreValue,
    breadth: scoreValue,
    comment: z.string().trim().max(IDEA_TEXT_LIMITS.comment).optional(),
  })
  .openapi('PlatinumIssueScore');
const assignBody = z
  .strictObject({ orgUnitId: z.string().uuid(), dueOn: isoDate.nullable().default(null) })
  .openapi('PlatinumAssignmentCreate');
const decisionBody = z
  .strictObject({
    options: z
      .array(
        z.strictObject({
          title: text(IDEA_TEXT_LIMITS.optionTitle),
          summary: z.string().trim().max(IDEA_TEXT_LIMITS.optionSummary).default(''),
        }),
      )
      .max(10)
      .optional(),
    decision: z.enum(ASSIGNMENT_DECISIONS).optional(),
    decisionReason: z
      .string()
      .trim()
      .max(IDEA_TEXT_LIMITS.reason * 4)
      .optional(),
    implementationDate: preciseDateSchema.nullable().optional(),
  })
  .openapi('PlatinumDecision');
const implementationBody = z.strictObject({ startedOn: isoDate }).openapi('PlatinumImplementationStart');
const responseBody = z
  .strictObject({
    body: text(IDEA_TEXT_LIMITS.responseBody),
    submit: z.boolean().default(false),
    /** 連名公表: the related bureaus whose heads announce the response together with the assigned one. */
    relatedOrgUnitIds: z.array(z.string().uuid()).max(10).optional(),
  })
  .openapi('PlatinumResponseSave');
const signatureBody = z
  .strictObject({
    orgUnitId: z.string().uuid(),
    note: z.string().trim().max(IDEA_TEXT_LIMITS.reason).optional(),
  })
  .openapi('PlatinumResponseSignature');
const reviewBody = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(IDEA_TEXT_LIMITS.reason).optional(),
  })
  .openapi('PlatinumResponseReview');

const listQuery = z.object({
  campaign: z.string().uuid().optional(),
  theme: platinumThemeSchema.optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  orgUnit: z.string().uuid().optional(),
  assignedToMe: z.enum(['true', 'false']).optional(),
});
const ideaParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  ideaId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'ideaId', in: 'path' } }),
});

const detail = (description: string) => jsonResponse(issueDetailSchema, description);

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/issues',
  tags: ['platinum'],
  summary: 'Platinum issues (課題), filtered by campaign, theme, status and assigned bureau (signed in)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(issueSummarySchema) }), 'Issues by number'),
    ...errorResponses(400, 401),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/issues',
  tags: ['platinum'],
  summary: 'Group ideas into a new issue (PT)',
  request: jsonBody(createBody),
  responses: { 201: detail('Created'), ...errorResponses(400, 401, 403, 404, 409) },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/issues/{id}',
  tags: ['platinum'],
  summary: 'One issue with its ideas, scores, assignment and response as the reader may see them',
  request: { params: uuidParam },
  responses: { 200: detail('The issue'), ...errorResponses(401, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/issues/{id}',
  tags: ['platinum'],
  summary: 'Change an issue’s title, summary or theme (PT, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: { 200: detail('Updated'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const addIdeaRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/issues/{id}/ideas/{ideaId}',
  tags: ['platinum'],
  summary: 'Add an idea to an issue in triage (PT)',
  request: { params: ideaParams },
  responses: { 200: detail('The issue'), ...errorResponses(400, 401, 403, 404, 409) },
});
const removeIdeaRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/issues/{id}/ideas/{ideaId}',
  tags: ['platinum'],
  summary: 'Take an idea out of an issue in triage (PT)',
  request: { params: ideaParams },
  responses: { 200: detail('The issue'), ...errorResponses(401, 403, 404, 409) },
});
const statusRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/issues/{id}/status',
  tags: ['platinum'],
  summary: 'Hold, decline (with a reason the submitters see), reopen or recall an issue (PT, If-Match)',
  request: { params: uuidParam, ...jsonBody(statusBody) },
  responses: { 200: detail('Changed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const scoresRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/issues/{id}/scores',
  tags: ['platinum'],
  summary: 'The rubric scores of an issue (PT, reform office, executives)',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(
      z.object({
        summary: z.object({
          scoredCount: z.number().int(),
          reviewerCount: z.number().int(),
          progressLabel: z.string(),
        }),
        reviews: z.array(reviewSchema),
      }),
      'Scores',
    ),
    ...errorResponses(401, 403, 404),
  },
});
const scoreRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/issues/{id}/scores',
  tags: ['platinum'],
  summary: 'Give or change one’s own score on the rubric: impact, feasibility, breadth, 1–5 each (PT)',
  request: { params: uuidParam, ...jsonBody(scoreBody) },
  responses: { 200: detail('The issue'), ...errorResponses(400, 401, 403, 404, 409) },
});
const assignRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/issues/{id}/assignment',
  tags: ['platinum'],
  summary: 'Send the issue on to the rule-owning bureau with a due date (PT, If-Match: the issue’s version)',
  request: { params: uuidParam, ...jsonBody(assignBody) },
  responses: { 200: detail('Sent on'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const decisionRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/issues/{id}/assignment',
  tags: ['platinum'],
  summary:
    'Record solution options and the decision with reasons and implementation date (the assigned bureau, If-Match: the assignment’s version)',
  request: { params: uuidParam, ...jsonBody(decisionBody) },
  responses: { 200: detail('Recorded'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const implementationRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/issues/{id}/implementation',
  tags: ['platinum'],
  summary:
    'Record that the trial or implementation started (the assigned bureau, If-Match: the assignment’s version)',
  request: { params: uuidParam, ...jsonBody(implementationBody) },
  responses: { 200: detail('Started'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const responseRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/issues/{id}/response',
  tags: ['platinum'],
  summary:
    'Write the response (対応方針) and optionally send it for approval (bureau head of the assigned bureau; If-Match once it exists)',
  request: { params: uuidParam, ...jsonBody(responseBody) },
  responses: { 200: detail('Saved'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});
const reviewRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/issues/{id}/response/review',
  tags: ['platinum'],
  summary:
    'Approve the response, publishing it and notifying every submitter and supporter, or return it (reform office, If-Match: the response’s version)',
  request: { params: uuidParam, ...jsonBody(reviewBody) },
  responses: { 200: detail('Reviewed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});

const signRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/issues/{id}/response/signatures',
  tags: ['platinum'],
  summary:
    'Agree, as the bureau head of a bureau asked to announce it together, to announce the response (連名公表); the last signature after approval publishes it (If-Match: the response’s version)',
  request: { params: uuidParam, ...jsonBody(signatureBody) },
  responses: { 200: detail('Signed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
});

type Db = AppEnv['Variables']['services']['db'];

async function assignmentAncestry(db: Db, row: Pick<IssueListRow, 'assignment'>): Promise<string[]> {
  return row.assignment ? orgUnitAncestry(db, row.assignment.orgUnitId) : [];
}

/** Loads an issue and the org units its assignment acts for; 404 when there is none. */
async function loadIssue(db: Db, id: string) {
  const row = await findIssueDetail(db, id);
  if (!row) throw notFound();
  return { row, ancestry: await assignmentAncestry(db, row) };
}

async function detailResponse(viewer: PlatinumViewer, db: Db, id: string) {
  const { row, ancestry } = await loadIssue(db, id);
  const campaignId = row.issue.campaignId;
  const signatures = row.response ? await listSignatures(db, row.response.issueId) : [];
  const bureauAncestries = await Promise.all(
    signatures.map(async (signature) => ({
      signature,
      ancestry: await orgUnitAncestry(db, signature.orgUnitId),
    })),
  );
  const canSeeScores = platinumPolicy.canSeeScores(viewer, campaignId);
  const reviewerCount = await teamSize(db, campaignId);
  const audience = audienceOf(viewer);
  const ideas = await listIdeas(
    db,
    { issueId: id, progress: undefined },
    { id: viewer.user.id, canSeeEverything: false },
    { sort: 'supports', page: 1, pageSize: 200 },
  );
  const scoreRows = canSeeScores ? await listScores(db, row.issue) : [];
  const teamScores = scoreRows.filter((entry) => entry.isTeamMember).map((entry) => entry.score);
  return presentIssueDetail(
    row,
    {
      canSeeScores,
      canSeeUnannounced: platinumPolicy.canSeeUnannounced(
        viewer,
        campaignId,
        ancestry,
        bureauAncestries.map((entry) => entry.ancestry),
      ),
      today: todayInJapan(),
    },
    {
      reviewerCount,
      ideas: ideas.items
        .filter((item) => item.idea.status === 'grouped')
        .map((item) => presentIdeaSummary(item, audience)),
      scores: canSeeScores
        ? {
            summary: summarizeScores(teamScores, reviewerCount),
            reviews: scoreRows.map((entry) => ({
              reviewerName: entry.reviewerName,
              isMine: entry.score.reviewerId === viewer.user.id,
              isTeamMember: entry.isTeamMember,
              impact: entry.score.impact,
              feasibility: entry.score.feasibility,
              breadth: entry.score.breadth,
              comment: entry.score.comment,
              updatedAt: entry.score.updatedAt.toISOString(),
            })),
          }
        : null,
      viewer: {
        canTriage: platinumPolicy.canTriage(viewer, campaignId),
        canScore: platinumPolicy.canScore(viewer, campaignId),
        canDecide: platinumPolicy.canDecide(viewer.user, ancestry),
        canWriteResponse: platinumPolicy.canWriteResponse(viewer.user, ancestry),
        canApproveResponse: platinumPolicy.canApproveResponse(viewer.user),
        signableOrgUnitIds:
          row.response?.status === 'pending_approval'
            ? bureauAncestries
                .filter(
                  (entry) =>
                    entry.signature.signedAt === null &&
                    platinumPolicy.canSignResponse(viewer.user, entry.ancestry),
                )
                .map((entry) => entry.signature.orgUnitId)
            : [],
      },
      signatures,
    },
  );
}

async function respondWithDetail(c: Context<AppEnv>, viewer: PlatinumViewer, id: string) {
  const body = await detailResponse(viewer, c.get('services').db, id);
  c.header('etag', etagOf(body.version));
  return body;
}

/** The If-Match a sub-resource that may not exist yet carries: null when absent. */
function optionalIfMatch(c: Context<AppEnv>): number | null {
  return c.req.header('if-match') ? requireIfMatch(c) : null;
}

/** Issues: grouping, scoring, triage, the bureau's decision and the response. */
export function registerIssueRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const query = c.req.valid('query');
    const { db } = c.get('services');
    let assignedOrgUnitIds: string[] | undefined;
    if (query.orgUnit) assignedOrgUnitIds = await orgUnitDescendants(db, [query.orgUnit]);
    if (query.assignedToMe === 'true') {
      const mine = await orgUnitDescendants(
        db,
        scopedOrgUnits(viewer.user, ['department_staff', 'bureau_head']),
      );
      assignedOrgUnitIds = assignedOrgUnitIds ? assignedOrgUnitIds.filter((id) => mine.includes(id)) : mine;
    }
    const rows = await listIssues(db, {
      campaignId: query.campaign,
      theme: query.theme,
      statuses: query.status ? [query.status] : undefined,
      assignedOrgUnitIds,
    });
    const today = todayInJapan();
    const teamSizes = new Map<string, number>();
    const items = [];
    for (const row of rows) {
      const campaignId = row.issue.campaignId;
      if (!teamSizes.has(campaignId)) teamSizes.set(campaignId, await teamSize(db, campaignId));
      const ancestry = await assignmentAncestry(db, row);
      items.push(
        presentIssueSummary(
          row,
          {
            canSeeScores: platinumPolicy.canSeeScores(viewer, campaignId),
            canSeeUnannounced: platinumPolicy.canSeeUnannounced(viewer, campaignId, ancestry),
            today,
          },
          teamSizes.get(campaignId)!,
        ),
      );
    }
    return c.json({ items }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const body = c.req.valid('json');
    const { db } = c.get('services');
    if (!(await findCampaign(db, body.campaignId))) throw notFound();
    authorize(platinumPolicy.canTriage(viewer, body.campaignId));
    const issue = await db.transaction((tx) =>
      createIssue(tx, {
        ...body,
        ideaIds: [...new Set(body.ideaIds)],
        createdById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, issue.id), 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    return c.json(await respondWithDetail(c, viewer, c.req.valid('param').id), 200);
  });

  /** Loads the issue and checks the PT may shape it. */
  async function authorizeTriage(c: Context<AppEnv>, viewer: PlatinumViewer, id: string) {
    const issue = await findIssue(c.get('services').db, id);
    if (!issue) throw notFound();
    authorize(platinumPolicy.canTriage(viewer, issue.campaignId));
    return issue;
  }

  app.openapi(updateRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeTriage(c, viewer, id);
    const expectedVersion = requireIfMatch(c);
    await c
      .get('services')
      .db.transaction((tx) =>
        updateIssue(tx, { issueId: id, expectedVersion, changes: c.req.valid('json'), actor: actorOf(c) }),
      );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(addIdeaRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { id, ideaId } = c.req.valid('param');
    await authorizeTriage(c, viewer, id);
    await c
      .get('services')
      .db.transaction((tx) => addIdeaToIssue(tx, { issueId: id, ideaId, actor: actorOf(c) }));
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(removeIdeaRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { id, ideaId } = c.req.valid('param');
    await authorizeTriage(c, viewer, id);
    await c
      .get('services')
      .db.transaction((tx) => removeIdeaFromIssue(tx, { issueId: id, ideaId, actor: actorOf(c) }));
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(statusRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeTriage(c, viewer, id);
    const expectedVersion = requireIfMatch(c);
    const { action, reason } = c.req.valid('json');
    await c.get('services').db.transaction((tx) =>
      changeIssueStatus(tx, {
        issueId: id,
        action,
        reason: reason ?? null,
        expectedVersion,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(scoresRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { db } = c.get('services');
    const issue = await findIssue(db, c.req.valid('param').id);
    if (!issue) throw notFound();
    authorize(platinumPolicy.canSeeScores(viewer, issue.campaignId));
    const rows = await listScores(db, issue);
    const reviewerCount = await teamSize(db, issue.campaignId);
    const scoredCount = rows.filter((row) => row.isTeamMember).length;
    return c.json(
      {
        summary: { scoredCount, reviewerCount, progressLabel: `${scoredCount}/${reviewerCount}` },
        reviews: rows.map((entry) => ({
          reviewerName: entry.reviewerName,
          isMine: entry.score.reviewerId === viewer.user.id,
          isTeamMember: entry.isTeamMember,
          impact: entry.score.impact,
          feasibility: entry.score.feasibility,
          breadth: entry.score.breadth,
          comment: entry.score.comment,
          updatedAt: entry.score.updatedAt.toISOString(),
        })),
      },
      200,
    );
  });

  app.openapi(scoreRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    const { db } = c.get('services');
    const issue = await findIssue(db, id);
    if (!issue) throw notFound();
    authorize(platinumPolicy.canScore(viewer, issue.campaignId));
    await db.transaction((tx) =>
      scoreIssue(tx, {
        issueId: id,
        reviewerId: viewer.user.id,
        score: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(assignRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeTriage(c, viewer, id);
    const expectedVersion = requireIfMatch(c);
    const { orgUnitId, dueOn } = c.req.valid('json');
    await c.get('services').db.transaction((tx) =>
      assignIssue(tx, {
        issueId: id,
        orgUnitId,
        dueOn,
        expectedVersion,
        assignedById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  /** Loads the issue and checks the person acts for the bureau it is assigned to (another bureau is refused). */
  async function authorizeBureau(
    c: Context<AppEnv>,
    viewer: PlatinumViewer,
    id: string,
    isHeadOnly: boolean,
  ) {
    const { row, ancestry } = await loadIssue(c.get('services').db, id);
    if (!row.assignment) {
      throw new AppError('invalid_transition', {
        messages: {
          ja: 'この課題はまだ所管局へ送付されていません。',
          en: 'This issue has not been sent to a bureau.',
        },
      });
    }
    authorize(
      isHeadOnly
        ? platinumPolicy.canWriteResponse(viewer.user, ancestry)
        : platinumPolicy.canDecide(viewer.user, ancestry),
    );
    return row;
  }

  app.openapi(decisionRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeBureau(c, viewer, id, false);
    const expectedVersion = requireIfMatch(c);
    await c.get('services').db.transaction((tx) =>
      recordDecision(tx, {
        issueId: id,
        expectedVersion,
        changes: c.req.valid('json'),
        decidedById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(implementationRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeBureau(c, viewer, id, false);
    const expectedVersion = requireIfMatch(c);
    await c.get('services').db.transaction((tx) =>
      startImplementation(tx, {
        issueId: id,
        startedOn: c.req.valid('json').startedOn,
        expectedVersion,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(responseRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    await authorizeBureau(c, viewer, id, true);
    const expectedVersion = optionalIfMatch(c);
    const { body, submit, relatedOrgUnitIds } = c.req.valid('json');
    await c.get('services').db.transaction((tx) =>
      saveResponse(tx, {
        issueId: id,
        body,
        isSubmitted: submit,
        relatedOrgUnitIds,
        expectedVersion,
        draftedById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(reviewRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canApproveResponse(viewer.user));
    const id = c.req.valid('param').id;
    const expectedVersion = requireIfMatch(c);
    const { decision, reason } = c.req.valid('json');
    await c.get('services').db.transaction((tx) =>
      reviewResponse(tx, {
        issueId: id,
        decision,
        reason: reason ?? null,
        expectedVersion,
        approvedById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });

  app.openapi(signRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const id = c.req.valid('param').id;
    const { orgUnitId, note } = c.req.valid('json');
    const { db } = c.get('services');
    // Deny by default: only the head of a bureau asked to announce this response signs for it.
    const issue = await findIssue(db, id);
    if (!issue) throw notFound();
    const signatures = await listSignatures(db, id);
    authorize(
      signatures.some((row) => row.orgUnitId === orgUnitId) &&
        platinumPolicy.canSignResponse(viewer.user, await orgUnitAncestry(db, orgUnitId)),
    );
    const expectedVersion = requireIfMatch(c);
    await db.transaction((tx) =>
      signResponse(tx, {
        issueId: id,
        orgUnitId,
        note: note || null,
        expectedVersion,
        signedById: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await respondWithDetail(c, viewer, id), 200);
  });
}
