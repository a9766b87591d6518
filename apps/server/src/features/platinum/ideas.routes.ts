import { createRoute, z } from '@hono/zod-openapi';
import {
  IDEA_PROGRESS,
  IDEA_TEXT_LIMITS,
  type IdeaStatus,
  ideaProgressCondition,
  isIdeaSupportable,
  isIdeaVisibleToPeers,
  isSubmissionOpen,
  nextIdeaStatus,
  normalizeForSearch,
  platinumThemeSchema,
  similarity,
} from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf, type CurrentUser } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, pagingQuery, uuidParam } from '../../lib/openapi.ts';
import { findCampaign } from './campaigns.queries.ts';
import { changeIdeaStatus } from './change-idea-status.ts';
import { commentOnIdea, hideIdeaComment } from './comment-on-idea.ts';
import { similarityKeyOf } from './idea-texts.ts';
import { ideaTotalSource } from './idea-totals.ts';
import {
  commentSchema,
  ideaDetailSchema,
  ideaSummarySchema,
  presentComment,
  presentIdeaDetail,
  presentIdeaSummary,
  presentSimilarIdea,
  similarIdeaSchema,
} from './ideas.presenter.ts';
import {
  findIdea,
  findIdeaDetail,
  findSimilarCandidates,
  IDEA_SORTS,
  type IdeaFilter,
  type IdeaRow,
  ideaTotalKey,
  listComments,
  listIdeas,
  listMergedIdeas,
} from './ideas.queries.ts';
import { mergeIdea, unmergeIdea } from './merge-ideas.ts';
import { type PlatinumViewer, platinumPolicy } from './platinum.policy.ts';
import { audienceOf, audienceOfUser, loadViewer, todayInJapan } from './platinum-context.ts';
import { submitIdea } from './submit-idea.ts';
import { supportIdea, withdrawSupport } from './support-idea.ts';
import { updateIdea } from './update-idea.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const ideaTextFields = {
  title: text(IDEA_TEXT_LIMITS.title),
  problem: text(IDEA_TEXT_LIMITS.problem),
  proposal: text(IDEA_TEXT_LIMITS.proposal),
  expectedEffect: z.string().trim().max(IDEA_TEXT_LIMITS.expectedEffect).default(''),
};
const createBody = z
  .strictObject({
    campaignId: z.string().uuid(),
    theme: platinumThemeSchema,
    ...ideaTextFields,
    isAnonymous: z.boolean().default(false),
  })
  .openapi('IdeaCreate');
const updateBody = z
  .strictObject({
    theme: platinumThemeSchema.optional(),
    title: ideaTextFields.title.optional(),
    problem: ideaTextFields.problem.optional(),
    proposal: ideaTextFields.proposal.optional(),
    expectedEffect: z.string().trim().max(IDEA_TEXT_LIMITS.expectedEffect).optional(),
  })
  .openapi('IdeaUpdate');
const moderationBody = z
  .strictObject({
    action: z.enum(['hide', 'restore']),
    reason: z.string().trim().max(IDEA_TEXT_LIMITS.reason).default(''),
  })
  .openapi('IdeaModeration');
const commentBody = z.strictObject({ body: text(IDEA_TEXT_LIMITS.comment) }).openapi('IdeaCommentCreate');
const hideCommentBody = z.strictObject({ reason: text(IDEA_TEXT_LIMITS.reason) }).openapi('IdeaCommentHide');
const mergeBody = z.strictObject({ keptIdeaId: z.string().uuid() }).openapi('IdeaMerge');

const listQuery = z.object({
  campaign: z.string().uuid().optional(),
  theme: platinumThemeSchema.optional(),
  status: z.enum(IDEA_PROGRESS).optional(),
  q: z.string().max(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
  issue: z.string().uuid().optional(),
  sort: z.enum(IDEA_SORTS).default('newest'),
  ...pagingQuery,
});
const similarQuery = z.object({
  campaign: z.string().uuid(),
  text: z.string().max(500),
  exclude: z.string().uuid().optional(),
});
const commentParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  commentId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'commentId', in: 'path' } }),
});
const supportResult = z
  .object({
    ideaId: z.string().uuid(),
    supportCount: z.number().int(),
    isSupportedByViewer: z.boolean(),
    isAlreadySupported: z.boolean(),
  })
  .openapi('IdeaSupport');

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/ideas',
  tags: ['platinum'],
  summary: 'Ideas, filtered by campaign, theme, progress and search words (signed in)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(ideaSummarySchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of ideas',
    ),
    ...errorResponses(400, 401),
  },
});
const similarRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/ideas/similar',
  tags: ['platinum'],
  summary: 'Live ideas that look like a text being typed (width- and kana-insensitive)',
  request: { query: similarQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(similarIdeaSchema) }),
      'Up to five similar ideas, best first',
    ),
    ...errorResponses(400, 401, 404),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/ideas',
  tags: ['platinum'],
  summary: 'Submit an idea while submission is open (staff), optionally anonymous to peers',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(ideaDetailSchema, 'Submitted'), ...errorResponses(400, 401, 403, 404, 409) },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/ideas/{id}',
  tags: ['platinum'],
  summary: 'One idea (signed in; withdrawn and hidden ones to their author and the reform office only)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(ideaDetailSchema, 'The idea'), ...errorResponses(401, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/ideas/{id}',
  tags: ['platinum'],
  summary: 'Edit one’s own idea until submission closes (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(ideaDetailSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});
const withdrawRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/ideas/{id}/withdraw',
  tags: ['platinum'],
  summary: 'Withdraw one’s own idea before the PT takes it up',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(ideaDetailSchema, 'Withdrawn'), ...errorResponses(401, 403, 404, 409) },
});
const moderationRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/ideas/{id}/moderation',
  tags: ['platinum'],
  summary: 'Hide (with a reason) or restore an idea (reform office)',
  request: { params: uuidParam, ...jsonBody(moderationBody) },
  responses: { 200: jsonResponse(ideaDetailSchema, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
});
const supportRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/ideas/{id}/supports',
  tags: ['platinum'],
  summary: 'Support an idea (賛同): one per person, never one’s own; repeating it changes nothing',
  request: { params: uuidParam },
  responses: {
    201: jsonResponse(supportResult, 'Support added'),
    200: jsonResponse(supportResult, 'Already supported: nothing changed'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
});
const unsupportRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/ideas/{id}/supports',
  tags: ['platinum'],
  summary: 'Withdraw one’s support of an idea',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(supportResult, 'Support withdrawn (or there was none)'),
    ...errorResponses(401, 404),
  },
});
const commentsRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/ideas/{id}/comments',
  tags: ['platinum'],
  summary: 'Comments on an idea, oldest first',
  request: { params: uuidParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(commentSchema) }), 'Comments'),
    ...errorResponses(401, 404),
  },
});
const addCommentRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/ideas/{id}/comments',
  tags: ['platinum'],
  summary: 'Comment on an idea (staff)',
  request: { params: uuidParam, ...jsonBody(commentBody) },
  responses: { 201: jsonResponse(commentSchema, 'Added'), ...errorResponses(400, 401, 403, 404, 409) },
});
const hideCommentRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/ideas/{id}/comments/{commentId}/hide',
  tags: ['platinum'],
  summary: 'Hide a comment (reform office)',
  request: { params: commentParams, ...jsonBody(hideCommentBody) },
  responses: { 204: { description: 'Hidden' }, ...errorResponses(400, 401, 403, 404) },
});
const mergeRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/ideas/{id}/merge',
  tags: ['platinum'],
  summary: 'Merge this idea, a duplicate, into the idea to keep; supports carry over (PT)',
  request: { params: uuidParam, ...jsonBody(mergeBody) },
  responses: { 200: jsonResponse(ideaDetailSchema, 'Merged'), ...errorResponses(400, 401, 403, 404, 409) },
});
const unmergeRouteDef = createRoute({
  method: 'delete',
  path: '/api/v1/ideas/{id}/merge',
  tags: ['platinum'],
  summary: 'Undo a merge; the carried supports go back (PT)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(ideaDetailSchema, 'Unmerged'), ...errorResponses(401, 403, 404, 409) },
});

// Peers see live and merged ideas; the author and the reform office also see withdrawn and hidden ones.
function canView(viewer: PlatinumViewer, idea: Pick<IdeaRow, 'status' | 'authorId'>): boolean {
  return canUserView(viewer.user, idea);
}

function canUserView(user: CurrentUser, idea: Pick<IdeaRow, 'status' | 'authorId'>): boolean {
  return (
    isIdeaVisibleToPeers(idea.status) ||
    idea.authorId === user.id ||
    platinumPolicy.canSeeAnonymousAuthors(user)
  );
}

const SIMILAR_CANDIDATES = 20;
const SIMILAR_RESULTS = 5;
const SIMILAR_TRIGRAM_THRESHOLD = 0.15;
const SIMILAR_MINIMUM = 0.2;

/** Ideas: submission, support, comments, similar ideas, merging. */
export function registerIdeaRoutes(app: App): void {
  async function detailResponse(
    viewer: PlatinumViewer,
    db: Parameters<typeof findIdeaDetail>[0],
    id: string,
  ) {
    const row = await findIdeaDetail(db, id, viewer.user.id);
    if (!row || !canView(viewer, row.idea)) throw notFound();
    const campaign = (await findCampaign(db, row.idea.campaignId))!;
    const isAuthor = row.idea.authorId === viewer.user.id;
    const status: IdeaStatus = row.idea.status;
    return presentIdeaDetail(row, audienceOf(viewer), {
      mergedIdeas: await listMergedIdeas(db, id),
      viewer: {
        canEdit:
          isAuthor &&
          nextIdeaStatus(status, 'edit') !== null &&
          isSubmissionOpen(campaign.phases, todayInJapan()),
        canWithdraw: isAuthor && nextIdeaStatus(status, 'withdraw') !== null,
        canSupport: platinumPolicy.canParticipate(viewer.user) && !isAuthor && isIdeaSupportable(status),
        canComment:
          platinumPolicy.canParticipate(viewer.user) && status !== 'withdrawn' && status !== 'hidden',
        canModerate: platinumPolicy.canModerate(viewer.user),
        canTriage: platinumPolicy.canTriage(viewer, row.idea.campaignId),
      },
    });
  }

  // A list needs no PT membership: who may read, and whether they see anonymous authors, come from the user.
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(platinumPolicy.canRead(user));
    const query = c.req.valid('query');
    const terms = query.q ? normalizeForSearch(query.q).split(' ').filter(Boolean).slice(0, 5) : [];
    const services = c.get('services');
    const filter: IdeaFilter = {
      campaignId: query.campaign,
      theme: query.theme,
      progress: query.status ? ideaProgressCondition(query.status) : undefined,
      terms,
      issueId: query.issue,
      isMineOnly: query.mine === 'true',
    };
    const listViewer = { id: user.id, canSeeEverything: platinumPolicy.canSeeAnonymousAuthors(user) };
    const result = await listIdeas(services.db, filter, listViewer, {
      sort: query.sort,
      page: query.page,
      pageSize: query.pageSize,
      total: (count) => ideaTotalSource(services, ideaTotalKey(filter, listViewer), count),
    });
    const audience = audienceOfUser(user);
    return c.json(
      {
        items: result.items.map((row) => presentIdeaSummary(row, audience)),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });

  app.openapi(similarRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(platinumPolicy.canRead(user));
    const query = c.req.valid('query');
    const { db } = c.get('services');
    const key = similarityKeyOf(query.text);
    const candidates =
      Array.from(key).length < 2
        ? []
        : await db.transaction((tx) =>
            findSimilarCandidates(tx, {
              campaignId: query.campaign,
              key,
              threshold: SIMILAR_TRIGRAM_THRESHOLD,
              limit: SIMILAR_CANDIDATES,
              excludeId: query.exclude,
              viewerId: user.id,
            }),
          );
    // Candidates come only from an existing campaign: it is looked up only when there are none.
    if (candidates.length === 0 && !(await findCampaign(db, query.campaign))) throw notFound();
    const audience = audienceOfUser(user);
    const ranked = candidates
      .map((candidate) => ({ candidate, score: similarity(query.text, candidate.title) }))
      .filter((entry) => entry.score >= SIMILAR_MINIMUM)
      .sort((a, b) => b.score - a.score || b.candidate.supportCount - a.candidate.supportCount)
      .slice(0, SIMILAR_RESULTS);
    return c.json(
      { items: ranked.map((entry) => presentSimilarIdea(entry.candidate, entry.score, audience)) },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canParticipate(viewer.user));
    const { campaignId, theme, isAnonymous, ...texts } = c.req.valid('json');
    const { db } = c.get('services');
    const idea = await db.transaction((tx) =>
      submitIdea(tx, {
        campaignId,
        authorId: viewer.user.id,
        theme,
        texts,
        isAnonymous,
        today: todayInJapan(),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(idea.version));
    return c.json(await detailResponse(viewer, db, idea.id), 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const body = await detailResponse(viewer, c.get('services').db, c.req.valid('param').id);
    c.header('etag', etagOf(body.version));
    return c.json(body, 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const idea = await findIdea(db, id);
    if (!idea || !canView(viewer, idea)) throw notFound();
    authorize(platinumPolicy.canEditIdea(viewer.user, idea));
    const expectedVersion = requireIfMatch(c);
    const updated = await db.transaction((tx) =>
      updateIdea(tx, {
        ideaId: id,
        userId: viewer.user.id,
        expectedVersion,
        changes: c.req.valid('json'),
        today: todayInJapan(),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(await detailResponse(viewer, db, id), 200);
  });

  app.openapi(withdrawRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const idea = await findIdea(db, id);
    if (!idea || !canView(viewer, idea)) throw notFound();
    authorize(platinumPolicy.canEditIdea(viewer.user, idea));
    await db.transaction((tx) =>
      changeIdeaStatus(tx, {
        ideaId: id,
        action: 'withdraw',
        reason: null,
        userId: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await detailResponse(viewer, db, id), 200);
  });

  app.openapi(moderationRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canModerate(viewer.user));
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const { action, reason } = c.req.valid('json');
    await db.transaction((tx) =>
      changeIdeaStatus(tx, {
        ideaId: id,
        action,
        reason: reason || null,
        userId: viewer.user.id,
        actor: actorOf(c),
      }),
    );
    return c.json(await detailResponse(viewer, db, id), 200);
  });

  // A support reads the session, then in one transaction the idea and one statement for the support,
  // its count and its audit event; PT membership plays no part, so it is not read.
  app.openapi(supportRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(platinumPolicy.canParticipate(user));
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const result = await db.transaction((tx) =>
      supportIdea(tx, {
        ideaId: id,
        userId: user.id,
        actor: actorOf(c),
        canView: (idea) => canUserView(user, idea),
      }),
    );
    const body = {
      ideaId: id,
      supportCount: result.supportCount,
      isSupportedByViewer: true,
      isAlreadySupported: !result.isAdded,
    };
    return result.isAdded ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(unsupportRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(platinumPolicy.canRead(user));
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const result = await db.transaction((tx) =>
      withdrawSupport(tx, {
        ideaId: id,
        userId: user.id,
        actor: actorOf(c),
        canView: (idea) => canUserView(user, idea),
      }),
    );
    return c.json(
      {
        ideaId: id,
        supportCount: result.supportCount,
        isSupportedByViewer: false,
        isAlreadySupported: false,
      },
      200,
    );
  });

  app.openapi(commentsRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canRead(viewer.user));
    const { db } = c.get('services');
    const idea = await findIdea(db, c.req.valid('param').id);
    if (!idea || !canView(viewer, idea)) throw notFound();
    const audience = audienceOf(viewer);
    const rows = await listComments(db, idea.id, platinumPolicy.canModerate(viewer.user));
    return c.json({ items: rows.map((row) => presentComment(row, idea, audience)) }, 200);
  });

  app.openapi(addCommentRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canParticipate(viewer.user));
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const visible = await findIdea(db, id);
    const { idea, comment } = await db.transaction((tx) =>
      commentOnIdea(tx, {
        ideaId: id,
        userId: viewer.user.id,
        body: c.req.valid('json').body,
        isVisibleToViewer: visible !== null && canView(viewer, visible),
        actor: actorOf(c),
      }),
    );
    const row = (await listComments(db, idea.id, true)).find(
      (candidate) => candidate.comment.id === comment.id,
    )!;
    return c.json(presentComment(row, idea, audienceOf(viewer)), 201);
  });

  app.openapi(hideCommentRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    authorize(platinumPolicy.canModerate(viewer.user));
    const { id, commentId } = c.req.valid('param');
    await c
      .get('services')
      .db.transaction((tx) =>
        hideIdeaComment(tx, { ideaId: id, commentId, reason: c.req.valid('json').reason, actor: actorOf(c) }),
      );
    return c.body(null, 204);
  });

  app.openapi(mergeRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const idea = await findIdea(db, id);
    if (!idea || !canView(viewer, idea)) throw notFound();
    authorize(platinumPolicy.canTriage(viewer, idea.campaignId));
    await db.transaction((tx) =>
      mergeIdea(tx, { duplicateId: id, keptId: c.req.valid('json').keptIdeaId, actor: actorOf(c) }),
    );
    return c.json(await detailResponse(viewer, db, id), 200);
  });

  app.openapi(unmergeRouteDef, async (c) => {
    const viewer = await loadViewer(c);
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const idea = await findIdea(db, id);
    if (!idea || !canView(viewer, idea)) throw notFound();
    authorize(platinumPolicy.canTriage(viewer, idea.campaignId));
    await db.transaction((tx) => unmergeIdea(tx, { ideaId: id, actor: actorOf(c) }));
    return c.json(await detailResponse(viewer, db, id), 200);
  });
}
