import { createRoute, z } from '@hono/zod-openapi';
import {
  APPROVAL_STATUSES,
  fiscalYearSchema,
  MAX_APPROVAL_COMMENT_LENGTH,
  MAX_CONSULTED_UNITS,
} from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { cachedJson, fiscalYearCacheKey } from '../../lib/response-cache.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { loadApprovalInbox } from './bureau-policies.inbox.ts';
import { bureauPolicyPolicy } from './bureau-policies.policy.ts';
import {
  bureauPolicySchema,
  bureauPolicySummarySchema,
  inboxItemSchema,
  policyVersionSchema,
  presentPublicPolicy,
  presentVersion,
  publicPolicySchema,
  publicPolicySummarySchema,
} from './bureau-policies.presenter.ts';
import {
  clusterLabels,
  findPolicy,
  findPublishedVersion,
  listPublishedPolicies,
  listVersions,
  userNames,
} from './bureau-policies.queries.ts';
import { createBureauPolicy } from './create-bureau-policy.ts';
import { listBureauPolicySummaries, loadBureauPolicy } from './load-bureau-policy.ts';
import { moveBureauPolicy } from './move-bureau-policy.ts';
import { loadOrgUnitTree } from './org-scope.ts';
import { startBureauPolicyRevision } from './start-bureau-policy-revision.ts';
import { updateBureauPolicyDraft } from './update-bureau-policy-draft.ts';

const decimalText = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,4})?$/, { error: 'A number such as 12 or 85.5' });
const themeBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
});
const kpiBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
  baseline: decimalText.nullable().default(null),
  target: decimalText.nullable().default(null),
  targetFiscalYear: fiscalYearSchema.nullable().default(null),
});
const contentFields = {
  title: z.string().trim().min(1).max(200),
  vision: z.string().trim().max(10_000).default(''),
  priorityThemes: z.array(themeBody).max(20).default([]),
  clusterIds: z.array(z.string().uuid()).max(60).default([]),
  kpis: z.array(kpiBody).max(30).default([]),
  revisionNote: z.string().trim().max(2000).nullable().optional(),
};
const createBody = z
  .strictObject({ orgUnitId: z.string().uuid(), fiscalYear: fiscalYearSchema, ...contentFields })
  .openapi('BureauPolicyCreate');
const updateBody = z
  .strictObject({
    title: contentFields.title.optional(),
    vision: z.string().trim().max(10_000).optional(),
    priorityThemes: z.array(themeBody).max(20).optional(),
    clusterIds: z.array(z.string().uuid()).max(60).optional(),
    kpis: z.array(kpiBody).max(30).optional(),
    revisionNote: contentFields.revisionNote,
  })
  .openapi('BureauPolicyUpdate');
const comment = z.string().max(MAX_APPROVAL_COMMENT_LENGTH);
const transitionBody = z
  .discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('submit'),
      consultOrgUnitIds: z.array(z.string().uuid()).max(MAX_CONSULTED_UNITS).default([]),
      comment: comment.nullable().optional(),
    }),
    z.strictObject({ action: z.literal('withdraw'), comment: comment.nullable().optional() }),
    z.strictObject({
      action: z.literal('concur'),
      orgUnitId: z.string().uuid(),
      comment: comment.nullable().optional(),
    }),
    z.strictObject({ action: z.literal('return'), orgUnitId: z.string().uuid().optional(), comment }),
    z.strictObject({ action: z.literal('approve'), comment: comment.nullable().optional() }),
    z.strictObject({ action: z.literal('publish'), comment: comment.nullable().optional() }),
  ])
  .openapi('BureauPolicyTransition');

const listQuery = z.object({
  fy: fiscalYearQuery.optional(),
  orgUnitId: z.string().uuid().optional(),
  status: z.enum(APPROVAL_STATUSES).optional(),
});
const versionParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  versionNumber: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .openapi({ param: { name: 'versionNumber', in: 'path' } }),
});

const tags = ['bureau-policies'];
const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/bureau-policies',
  tags,
  summary: '局区X方針 of a fiscal year with their approval state (drafts only to those who may read them)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), items: z.array(bureauPolicySummarySchema) }),
      'Policies',
    ),
    ...errorResponses(400, 401, 404),
  },
});
const inboxRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/bureau-policies/inbox',
  tags,
  summary: 'Approval inbox: versions waiting for the signed-in user (合議, 決裁, 公開, redraft)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(inboxItemSchema) }), 'Inbox'),
    ...errorResponses(400, 401),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/bureau-policies',
  tags,
  summary: 'Draft a unit’s X policy for a fiscal year (the unit’s department staff or head)',
  request: jsonBody(createBody),
  responses: {
    201: jsonResponse(bureauPolicySchema, 'Created'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/bureau-policies/{id}',
  tags,
  summary: 'One policy with its versions, consultations and route trail (as the user may see it)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(bureauPolicySchema, 'The policy'), ...errorResponses(401, 404) },
});
const versionRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/bureau-policies/{id}/versions/{versionNumber}',
  tags,
  summary: 'One version of a policy (unpublished versions only to those who may read drafts)',
  request: { params: versionParams },
  responses: { 200: jsonResponse(policyVersionSchema, 'The version'), ...errorResponses(400, 401, 404) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/bureau-policies/{id}',
  tags,
  summary: 'Edit the latest version while it is a draft or returned (If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(bureauPolicySchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const transitionRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/bureau-policies/{id}/transitions',
  tags,
  summary:
    'Move the latest version along the 決裁 route: submit, withdraw, concur, return, approve, publish (If-Match)',
  request: { params: uuidParam, ...jsonBody(transitionBody) },
  responses: {
    200: jsonResponse(bureauPolicySchema, 'Moved'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const revisionRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/bureau-policies/{id}/revisions',
  tags,
  summary: 'Start a new version after publication; it needs its own approval (If-Match)',
  request: {
    params: uuidParam,
    ...jsonBody(
      z
        .strictObject({ revisionNote: z.string().trim().max(2000).nullable().default(null) })
        .openapi('BureauPolicyRevision'),
    ),
  },
  responses: {
    201: jsonResponse(bureauPolicySchema, 'New version'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});
const publicListRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/bureau-policies',
  tags: ['public'],
  summary: 'Published 局区X方針 of a fiscal year (no sign-in)',
  request: { query: z.object({ fy: fiscalYearQuery.optional() }) },
  responses: {
    200: jsonResponse(
      z.object({ fiscalYear: z.number().int(), items: z.array(publicPolicySummarySchema) }),
      'Published policies',
    ),
    ...errorResponses(400, 404),
  },
});
const publicGetRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/public/bureau-policies/{id}',
  tags: ['public'],
  summary: 'The published version of one policy (no sign-in)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(publicPolicySchema, 'The published policy'), ...errorResponses(400, 404) },
});

/** What the public pages show: the policies and versions (public_policies), org units, years and cluster names (cluster_register). */
const PUBLIC_POLICY_TOPICS = ['cluster_register', 'public_policies'];

/** 局区X方針: drafting, the 決裁 route, versions and the public pages. */
export function registerBureauPolicyRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const user = requireUser(c);
    authorize(bureauPolicyPolicy.canList(user));
    const { db } = c.get('services');
    const query = c.req.valid('query');
    const fiscalYear = await resolveFiscalYear(db, query.fy);
    const tree = await loadOrgUnitTree(db);
    const items = await listBureauPolicySummaries(
      db,
      { fiscalYear, orgUnitId: query.orgUnitId, status: query.status },
      user,
      tree,
    );
    return c.json({ fiscalYear, items }, 200);
  });

  app.openapi(inboxRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const tree = await loadOrgUnitTree(db);
    return c.json({ items: await loadApprovalInbox(db, user, tree, c.req.valid('query').fy) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { orgUnitId, fiscalYear, ...content } = c.req.valid('json');
    const tree = await loadOrgUnitTree(db);
    if (!tree.byId.has(orgUnitId)) {
      throw new AppError('unprocessable', {
        messages: { ja: '指定された組織が見つかりません。', en: 'The org unit does not exist.' },
      });
    }
    authorize(bureauPolicyPolicy.canDraft(user, tree, orgUnitId));
    await resolveFiscalYear(db, fiscalYear);
    const created = await db.transaction((tx) =>
      createBureauPolicy(tx, { orgUnitId, fiscalYear, content, tree, actor: actorOf(c) }),
    );
    const view = (await loadBureauPolicy(db, created.id, user, tree))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 201);
  });

  app.openapi(getRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const view = await loadBureauPolicy(db, c.req.valid('param').id, user, await loadOrgUnitTree(db));
    if (!view) throw notFound();
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(versionRouteDef, async (c) => {
    const user = requireUser(c);
    const { db } = c.get('services');
    const { id, versionNumber } = c.req.valid('param');
    const tree = await loadOrgUnitTree(db);
    const view = await loadBureauPolicy(db, id, user, tree);
    const policy = await findPolicy(db, id);
    if (!view || !policy) throw notFound();
    const version = (await listVersions(db, id)).find((entry) => entry.versionNumber === versionNumber);
    const isVisible =
      view.canReadDrafts || version?.status === 'published' || version?.status === 'superseded';
    if (!version || !isVisible) throw notFound();
    const names = await userNames(db, [version.drafterId, version.approvedBy]);
    const clusters = await clusterLabels(db, version.clusterIds, policy.fiscalYear);
    return c.json(presentVersion(version, names, clusters), 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const policyId = c.req.valid('param').id;
    const policy = await findPolicy(db, policyId);
    if (!policy) throw notFound();
    const tree = await loadOrgUnitTree(db);
    authorize(bureauPolicyPolicy.canDraft(user, tree, policy.orgUnitId));
    await db.transaction((tx) =>
      updateBureauPolicyDraft(tx, {
        policyId,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    const view = (await loadBureauPolicy(db, policyId, user, tree))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(transitionRouteDef, async (c) => {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const policyId = c.req.valid('param').id;
    const policy = await findPolicy(db, policyId);
    if (!policy) throw notFound();
    const tree = await loadOrgUnitTree(db);
    const request = c.req.valid('json');
    switch (request.action) {
      case 'submit':
      case 'withdraw':
        authorize(bureauPolicyPolicy.canDraft(user, tree, policy.orgUnitId));
        break;
      case 'concur':
        authorize(bureauPolicyPolicy.canConsultFor(user, tree, request.orgUnitId));
        break;
      case 'return':
        authorize(
          request.orgUnitId
            ? bureauPolicyPolicy.canConsultFor(user, tree, request.orgUnitId)
            : bureauPolicyPolicy.canApprove(user, tree, policy.orgUnitId),
        );
        break;
      case 'approve':
        authorize(bureauPolicyPolicy.canApprove(user, tree, policy.orgUnitId));
        break;
      case 'publish':
        authorize(bureauPolicyPolicy.canPublish(user, tree, policy.orgUnitId));
        break;
    }
    await db.transaction((tx) =>
      moveBureauPolicy(tx, { policyId, expectedVersion, request, tree, actor: actorOf(c) }),
    );
    const view = (await loadBureauPolicy(db, policyId, user, tree))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 200);
  });

  app.openapi(revisionRouteDef, async (c) => {
    const user = requireUser(c);
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const policyId = c.req.valid('param').id;
    const policy = await findPolicy(db, policyId);
    if (!policy) throw notFound();
    const tree = await loadOrgUnitTree(db);
    authorize(bureauPolicyPolicy.canDraft(user, tree, policy.orgUnitId));
    await db.transaction((tx) =>
      startBureauPolicyRevision(tx, {
        policyId,
        expectedVersion,
        revisionNote: c.req.valid('json').revisionNote,
        actor: actorOf(c),
      }),
    );
    const view = (await loadBureauPolicy(db, policyId, user, tree))!;
    c.header('etag', etagOf(view.version));
    return c.json(view, 201);
  });

  // Public and the same for everyone: cached until a policy, a version, an org unit or a year changes.
  app.openapi(publicListRouteDef, async (c) => {
    const { db } = c.get('services');
    const requested = c.req.valid('query').fy;
    return cachedJson(c, {
      key: `public-bureau-policies:${fiscalYearCacheKey(requested)}`,
      topics: PUBLIC_POLICY_TOPICS,
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, requested);
        const [tree, rows] = await Promise.all([loadOrgUnitTree(db), listPublishedPolicies(db, fiscalYear)]);
        return {
          fiscalYear,
          items: rows.map(({ policy, version }) => {
            const unit = tree.byId.get(policy.orgUnitId);
            return {
              id: policy.id,
              fiscalYear: policy.fiscalYear,
              orgUnit: { code: unit?.code ?? '', name: unit?.name ?? '' },
              title: version.title,
              versionNumber: version.versionNumber,
              publishedAt: version.publishedAt?.toISOString() ?? null,
            };
          }),
        };
      },
    }) as never;
  });

  app.openapi(publicGetRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    return cachedJson(c, {
      key: `public-bureau-policy:${id}`,
      topics: PUBLIC_POLICY_TOPICS,
      build: async () => {
        const found = await findPublishedVersion(db, id);
        if (!found) throw notFound();
        const [tree, clusters] = await Promise.all([
          loadOrgUnitTree(db),
          clusterLabels(db, found.version.clusterIds, found.policy.fiscalYear),
        ]);
        return presentPublicPolicy(
          found.policy,
          found.version,
          tree.byId.get(found.policy.orgUnitId),
          clusters,
        );
      },
    }) as never;
  });
}
