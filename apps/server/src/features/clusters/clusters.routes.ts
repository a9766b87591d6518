import { createRoute, z } from '@hono/zod-openapi';
import { ANALYSIS_STAGES, CLUSTER_GROUPS, CLUSTER_KINDS, fiscalYearOf } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, fiscalYearQuery, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { cachedJson } from '../../lib/response-cache.ts';
import { resolveFiscalYear } from '../fiscal-years/index.ts';
import { clusterPolicy } from './clusters.policy.ts';
import { clusterGroupSchema, clusterSchema, presentCluster, presentGroups } from './clusters.presenter.ts';
import {
  clusterIdsAtStage,
  clusterIdsOwnedWithin,
  listClustersForYear,
  listGroupsAndKinds,
} from './clusters.queries.ts';
import { updateCluster } from './update-cluster.ts';

const yearQuery = z.object({ fy: fiscalYearQuery.optional() });
const listQuery = yearQuery.extend({
  /** Only clusters owned by this org unit or a unit below it (a bureau and its departments). */
  orgUnit: z.string().uuid().optional(),
  /** Only clusters whose analysis that year is at this stage (published analyses only, without a session). */
  stage: z.enum(ANALYSIS_STAGES).optional(),
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/clusters',
  tags: ['clusters'],
  summary:
    'The cluster register as it stood in a fiscal year, optionally only one bureau’s clusters or one analysis stage (public)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        fiscalYear: z.number().int(),
        groups: z.array(clusterGroupSchema),
        items: z.array(clusterSchema),
      }),
      'The register',
    ),
    ...errorResponses(400, 404),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/clusters/{id}',
  tags: ['clusters'],
  summary: 'One cluster as it stood in a fiscal year (public)',
  request: { params: uuidParam, query: yearQuery },
  responses: { 200: jsonResponse(clusterSchema, 'The cluster'), ...errorResponses(400, 404) },
});
const updateBody = z
  .strictObject({
    number: z.number().int().min(1).max(9999).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    group: z.enum(CLUSTER_GROUPS).optional(),
    kind: z.enum(CLUSTER_KINDS).nullable().optional(),
    isAnalysisTarget: z.boolean().optional(),
    /** Why, kept with the change in the cluster's history. */
    note: z.string().max(2_000).optional(),
  })
  .openapi('ClusterUpdate');
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/clusters/{id}',
  tags: ['clusters'],
  summary: 'Change a cluster from a fiscal year on (reform office, If-Match)',
  request: { params: uuidParam, query: yearQuery, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(clusterSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

/** The cluster register. */
export function registerClusterRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    const { db } = c.get('services');
    const { fy: requested, orgUnit, stage } = c.req.valid('query');
    if (orgUnit || stage) {
      // Filtered registers depend on the reader (unpublished stages) and are cheap: not cached.
      const fiscalYear = await resolveFiscalYear(db, requested);
      const [groups, rows, owned, atStage] = await Promise.all([
        listGroupsAndKinds(db),
        listClustersForYear(db, fiscalYear),
        orgUnit ? clusterIdsOwnedWithin(db, orgUnit) : null,
        stage ? clusterIdsAtStage(db, fiscalYear, stage, c.get('user') === null) : null,
      ]);
      const items = rows.filter((row) => (!owned || owned.has(row.id)) && (!atStage || atStage.has(row.id)));
      return c.json({ fiscalYear, groups: presentGroups(groups), items: items.map(presentCluster) }, 200);
    }
    // Public and the same for everyone: served from cache until a write bumps 'cluster_register'.
    return cachedJson(c, {
      key: `clusters:${requested ?? `current-${fiscalYearOf(new Date())}`}`,
      topics: ['cluster_register'],
      build: async () => {
        const fiscalYear = await resolveFiscalYear(db, requested);
        const [groups, rows] = await Promise.all([
          listGroupsAndKinds(db),
          listClustersForYear(db, fiscalYear),
        ]);
        return { fiscalYear, groups: presentGroups(groups), items: rows.map(presentCluster) };
      },
    }) as never;
  });

  app.openapi(getRouteDef, async (c) => {
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const row = (await listClustersForYear(db, fiscalYear, c.req.valid('param').id))[0];
    if (!row) throw notFound();
    c.header('etag', etagOf(row.version));
    return c.json(presentCluster(row), 200);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(clusterPolicy.canEdit(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { db } = c.get('services');
    const fiscalYear = await resolveFiscalYear(db, c.req.valid('query').fy);
    const { note, ...changes } = c.req.valid('json');
    const updated = await db.transaction((tx) =>
      updateCluster(tx, {
        clusterId: c.req.valid('param').id,
        fiscalYear,
        expectedVersion,
        changes,
        note: note?.trim(),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentCluster(updated), 200);
  });
}
