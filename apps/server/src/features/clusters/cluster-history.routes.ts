import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_STAGES, CLUSTER_GROUPS, CLUSTER_KINDS, fiscalYearSchema } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { changesOf, clusterChangeSchema } from './cluster-history.presenter.ts';
import {
  analysesOfCluster,
  clusterLabels,
  clusterVersion,
  listEvents,
  listRevisions,
  ownersOf,
} from './cluster-history.queries.ts';
import { clusterPolicy } from './clusters.policy.ts';
import { createCluster } from './create-cluster.ts';
import { mergeClusters } from './merge-clusters.ts';
import { retireCluster } from './retire-cluster.ts';
import { setClusterOwners } from './set-cluster-owners.ts';
import { splitCluster } from './split-cluster.ts';

const EVENT_KINDS = [
  'created',
  'renamed',
  'regrouped',
  'renumbered',
  'merged',
  'split',
  'retired',
  'owners_changed',
] as const;

const newCluster = z.strictObject({
  number: z.number().int().min(1).max(9999),
  name: z.string().trim().min(1).max(200),
  group: z.enum(CLUSTER_GROUPS),
  kind: z.enum(CLUSTER_KINDS).nullable(),
  owningOrgUnitIds: z.array(z.string().uuid()).max(20).optional(),
});

const note = z.string().max(2_000).default('');

const createBody = z
  .strictObject({ fiscalYear: fiscalYearSchema, cluster: newCluster, note })
  .openapi('ClusterCreate');
const retireBody = z.strictObject({ fiscalYear: fiscalYearSchema, note }).openapi('ClusterRetire');
const mergeBody = z
  .strictObject({
    fiscalYear: fiscalYearSchema,
    sources: z
      .array(z.strictObject({ id: z.string().uuid(), version: z.number().int().min(1) }))
      .min(2)
      .max(20),
    into: newCluster,
    note,
  })
  .openapi('ClusterMerge');
const splitBody = z
  .strictObject({ fiscalYear: fiscalYearSchema, parts: z.array(newCluster).min(2).max(20), note })
  .openapi('ClusterSplit');
const ownersBody = z
  .strictObject({ fiscalYear: fiscalYearSchema, orgUnitIds: z.array(z.string().uuid()).max(20), note })
  .openapi('ClusterOwners');

const historySchema = z
  .object({
    id: z.string().uuid(),
    version: z.number().int(),
    owningOrgUnits: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    revisions: z.array(
      z.object({
        validFromFiscalYear: z.number().int(),
        validToFiscalYear: z.number().int().nullable(),
        number: z.number().int(),
        name: z.string(),
        group: z.object({ code: z.enum(CLUSTER_GROUPS), name: z.string() }),
        kind: z.object({ code: z.enum(CLUSTER_KINDS), name: z.string() }).nullable(),
        changeKind: z.string(),
        changeNote: z.string().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        fiscalYear: z.number().int(),
        kind: z.enum(EVENT_KINDS),
        relatedClusters: z.array(
          z.object({ id: z.string().uuid(), number: z.number().int(), name: z.string() }),
        ),
        /** What a rename, regrouping, renumbering or change of owners changed. */
        changes: z.array(clusterChangeSchema),
        note: z.string(),
        actor: z.object({ displayName: z.string() }).nullable(),
        createdAt: z.string(),
      }),
    ),
    analyses: z.array(
      z.object({
        id: z.string().uuid(),
        fiscalYear: z.number().int(),
        stage: z.enum(ANALYSIS_STAGES),
        isClosed: z.boolean(),
      }),
    ),
  })
  .openapi('ClusterHistory');

const changeResponse = z.object({ clusterIds: z.array(z.string().uuid()) }).openapi('ClusterRegisterChange');

const historyRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/clusters/{id}/history',
  tags: ['clusters'],
  summary:
    'A cluster’s history: its revisions by fiscal year, merges, splits, retirement and analyses (public)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(historySchema, 'The history'), ...errorResponses(400, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/clusters',
  tags: ['clusters'],
  summary: 'Add a cluster to the register from a fiscal year (reform office)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(changeResponse, 'Added'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
const retireRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/clusters/{id}/retire',
  tags: ['clusters'],
  summary: 'Take a cluster out of the register from a fiscal year (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(retireBody) },
  responses: {
    200: jsonResponse(changeResponse, 'Retired'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});
const mergeRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/clusters/merge',
  tags: ['clusters'],
  summary:
    'Merge clusters into a new one from a fiscal year (reform office; versions of the sources in the body)',
  request: jsonBody(mergeBody),
  responses: {
    201: jsonResponse(changeResponse, 'Merged'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422),
  },
});
const splitRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/clusters/{id}/split',
  tags: ['clusters'],
  summary: 'Split a cluster into new ones from a fiscal year (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(splitBody) },
  responses: {
    201: jsonResponse(changeResponse, 'Split'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});
const ownersRouteDef = createRoute({
  method: 'put',
  path: '/api/v1/clusters/{id}/owners',
  tags: ['clusters'],
  summary: 'Assign the org units that own a cluster (reform office, If-Match)',
  request: { params: uuidParam, ...jsonBody(ownersBody) },
  responses: {
    200: jsonResponse(changeResponse, 'Assigned'),
    ...errorResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

/** The register's history and its changes: create, retire, merge, split, owners. */
export function registerClusterHistoryRoutes(app: App): void {
  app.openapi(historyRouteDef, async (c) => {
    const { db } = c.get('services');
    const id = c.req.valid('param').id;
    const revisions = await listRevisions(db, id);
    if (revisions.length === 0) throw notFound();
    const [events, owners, clusterAnalyses, versionRows] = await Promise.all([
      listEvents(db, id),
      ownersOf(db, [id]),
      analysesOfCluster(db, id, { onlyPublished: c.get('user') === null }),
      clusterVersion(db, id),
    ]);
    const labels = await clusterLabels(
      db,
      events.flatMap((row) => row.event.relatedClusterIds),
    );
    const isSignedIn = c.get('user') !== null;
    return c.json(
      {
        id,
        version: versionRows ?? 1,
        owningOrgUnits: owners.map((owner) => ({ id: owner.id, name: owner.name })),
        revisions: revisions.map(({ revision, groupName, kindName }) => ({
          validFromFiscalYear: revision.validFromFiscalYear,
          validToFiscalYear: revision.validToFiscalYear,
          number: revision.number,
          name: revision.name,
          group: { code: revision.groupCode, name: groupName },
          kind: revision.kindCode && kindName ? { code: revision.kindCode, name: kindName } : null,
          changeKind: revision.changeKind,
          changeNote: revision.changeNote,
        })),
        events: events.map(({ event, actorName }) => ({
          fiscalYear: event.fiscalYear,
          kind: event.kind,
          relatedClusters: event.relatedClusterIds
            .filter((related) => labels.has(related))
            .map((related) => ({ id: related, ...labels.get(related)! })),
          changes: changesOf(event.kind, event.before, event.after),
          note: event.note,
          actor: isSignedIn && actorName ? { displayName: actorName } : null,
          createdAt: event.createdAt.toISOString(),
        })),
        analyses: clusterAnalyses.map((analysis) => ({
          id: analysis.id,
          fiscalYear: analysis.fiscalYear,
          stage: analysis.stage,
          isClosed: analysis.closedAt !== null,
        })),
      },
      200,
    );
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const { db } = c.get('services');
    const body = c.req.valid('json');
    await resolveFiscalYear(db, body.fiscalYear);
    const id = await db.transaction((tx) => createCluster(tx, { ...body, actor: actorOf(c) }));
    return c.json({ clusterIds: [id] }, 201);
  });

  app.openapi(retireRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const body = c.req.valid('json');
    await resolveFiscalYear(db, body.fiscalYear);
    const clusterId = c.req.valid('param').id;
    await db.transaction((tx) =>
      retireCluster(tx, { clusterId, expectedVersion, ...body, actor: actorOf(c) }),
    );
    return c.json({ clusterIds: [clusterId] }, 200);
  });

  app.openapi(mergeRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const { db } = c.get('services');
    const body = c.req.valid('json');
    await resolveFiscalYear(db, body.fiscalYear);
    const id = await db.transaction((tx) => mergeClusters(tx, { ...body, actor: actorOf(c) }));
    return c.json({ clusterIds: [id] }, 201);
  });

  app.openapi(splitRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const body = c.req.valid('json');
    await resolveFiscalYear(db, body.fiscalYear);
    const clusterId = c.req.valid('param').id;
    const ids = await db.transaction((tx) =>
      splitCluster(tx, { clusterId, expectedVersion, ...body, actor: actorOf(c) }),
    );
    return c.json({ clusterIds: ids }, 201);
  });

  app.openapi(ownersRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const body = c.req.valid('json');
    const clusterId = c.req.valid('param').id;
    await db.transaction((tx) =>
      setClusterOwners(tx, { clusterId, expectedVersion, ...body, actor: actorOf(c) }),
    );
    return c.json({ clusterIds: [clusterId] }, 200);
  });
}
