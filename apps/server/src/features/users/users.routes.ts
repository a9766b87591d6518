import { createRoute, z } from '@hono/zod-openapi';
import { passwordSchema, ROLES } from '@totonoe/domain';
import { authorize, requireUser } from '../../lib/authorization.ts';
import { type App, actorOf } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { etagOf, requireIfMatch } from '../../lib/etag.ts';
import { errorResponses, jsonBody, jsonResponse, pagingQuery, uuidParam } from '../../lib/openapi.ts';
import { createUser, updateUser } from './save-user.ts';
import { userPolicy } from './users.policy.ts';
import { presentUser, roleGrantSchema, userSchema } from './users.presenter.ts';
import { findUser, listUsers } from './users.queries.ts';

const grants = z
  .array(z.strictObject({ role: z.enum(ROLES), orgUnitId: z.string().uuid().nullable().default(null) }))
  .max(20);
const userFields = {
  displayName: z.string().trim().min(1).max(100),
  displayNameKana: z.string().trim().max(200).nullable().optional(),
  email: z.string().trim().email().max(254).nullable().optional(),
  orgUnitId: z.string().uuid().nullable().optional(),
};
const createBody = z
  .strictObject({
    login: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\p{L}\p{N}._@-]+$/u),
    password: passwordSchema.optional(),
    roles: grants.default([]),
    ...userFields,
  })
  .openapi('UserCreate');
const updateBody = z
  .strictObject({
    ...userFields,
    displayName: userFields.displayName.optional(),
    roles: grants.optional(),
    isActive: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .openapi('UserUpdate');

const listQuery = z.object({
  q: z.string().max(100).optional(),
  orgUnitId: z.string().uuid().optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pagingQuery,
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'Users (system admin)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(userSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of users',
    ),
    ...errorResponses(400, 401, 403),
  },
});
const getRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags: ['users'],
  summary: 'One user (system admin)',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(userSchema, 'The user'), ...errorResponses(401, 403, 404) },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'Create a user (system admin)',
  request: jsonBody(createBody),
  responses: { 201: jsonResponse(userSchema, 'Created'), ...errorResponses(400, 401, 403, 409, 422) },
});
const updateRouteDef = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags: ['users'],
  summary: 'Update a user (system admin, If-Match)',
  request: { params: uuidParam, ...jsonBody(updateBody) },
  responses: {
    200: jsonResponse(userSchema, 'Updated'),
    ...errorResponses(400, 401, 403, 404, 412, 422, 428),
  },
});

export { roleGrantSchema };

/** User administration. */
export function registerUserRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    authorize(userPolicy.canList(requireUser(c)));
    const query = c.req.valid('query');
    const result = await listUsers(
      c.get('services').db,
      {
        q: query.q,
        orgUnitId: query.orgUnitId,
        role: query.role,
        isActive: query.active === undefined ? undefined : query.active === 'true',
      },
      query.page,
      query.pageSize,
    );
    return c.json(
      {
        items: result.items.map(presentUser),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });

  app.openapi(getRouteDef, async (c) => {
    authorize(userPolicy.canList(requireUser(c)));
    const user = await findUser(c.get('services').db, c.req.valid('param').id);
    if (!user) throw notFound();
    c.header('etag', etagOf(user.version));
    return c.json(presentUser(user), 200);
  });

  app.openapi(createRouteDef, async (c) => {
    authorize(userPolicy.canManage(requireUser(c)));
    const { login, password, ...fields } = c.req.valid('json');
    const created = await c
      .get('services')
      .db.transaction((tx) =>
        createUser(tx, { login, password: password ?? null, fields, actor: actorOf(c) }),
      );
    c.header('etag', etagOf(created.version));
    return c.json(presentUser(created), 201);
  });

  app.openapi(updateRouteDef, async (c) => {
    authorize(userPolicy.canManage(requireUser(c)));
    const expectedVersion = requireIfMatch(c);
    const updated = await c.get('services').db.transaction((tx) =>
      updateUser(tx, {
        id: c.req.valid('param').id,
        expectedVersion,
        changes: c.req.valid('json'),
        actor: actorOf(c),
      }),
    );
    c.header('etag', etagOf(updated.version));
    return c.json(presentUser(updated), 200);
  });
}
