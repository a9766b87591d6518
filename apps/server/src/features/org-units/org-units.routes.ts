import { createRoute, z } from '@hono/zod-openapi';
import { isValidIsoDate, ORG_UNIT_LEVELS } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, uuidParam } from '../../lib/openapi.ts';
import { orgUnitPolicy } from './org-units.policy.ts';
import { orgUnitSchema, presentOrgUnit } from './org-units.presenter.ts';
import { listOrgUnits } from './org-units.queries.ts';
import { createOrgUnit, updateOrgUnit } from './save-org-unit.ts';

const isoDate = z.string().refine(isValidIsoDate, { message: 'Invalid date (YYYY-MM-DD)' });
const orgUnitFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(100),
  nameKana: z.string().trim().max(200).nullable().optional(),
  nameEn: z.string().trim().max(200).nullable().optional(),
  level: z.enum(ORG_UNIT_LEVELS),
  parentId: z.string().uuid().nullable().optional(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
};
const createBody = z.strictObject(orgUnitFields).openapi('OrgUnitCreate');
const updateBody = z.strictObject(orgUnitFields).partial().openapi('OrgUnitUpdate');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/org-units',
  tags: ['org-units'],
  summary: 'The organisation (局/区/室/部/課), public',
  responses: { 200: jsonResponse(z.object({ items: z.array(orgUnitSchema) }), 'Org units') },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/org-units',
  tags: ['org-units'],
  summary: 'Create an org unit (system admin)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(orgUnitSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 422) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/org-units/{id}',
  tags: ['org-units'],
  summary: 'Update an org unit (system admin, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(orgUnitSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 409, 412, 422, 428),
  },
});

/** Org units. */
export function registerOrgUnitRoutes(app: App): void {
  app.openapi(listRoute, async (c) => {
    const rows = await listOrgUnits(c.get('services').db);
    return c.json({ items: rows.map(presentOrgUnit) }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(orgUnitPolicy.canManage(requireUser(c)));
    const body = c.req.valid('json');
    const created = await c.get('services').db.transaction((tx) =>
      createOrgUnit(tx, {
        values: { ...body, parentId: body.parentId ?? null, effectiveTo: body.effectiveTo ?? null },
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(created.version));
    return c.json(presentOrgUnit(created), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(orgUnitPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const updated = await c
      .get('services')
      .db.transaction((tx) => updateOrgUnit(tx, { id, expectedVersion, changes, actor: actorOf(c) }));
    c.header('etag', etagOf(updated.version));
    return c.json(presentOrgUnit(updated), 200);
  });
}
