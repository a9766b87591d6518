import { createRoute, z } from '@hono/zod-openapi';
import { authorize, requireUser } from '../../lib/authorization.ts';
import type { App } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonResponse, pagingQuery } from '../../lib/openapi.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAuditEvents } from './audit.queries.ts';

const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEvent');

const timestamp = z.string().datetime({ offset: true }).or(z.string().date());
const listQuery = z.object({
  actorId: z.string().uuid().optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  ...pagingQuery,
});

const listRouteDef = createRoute({
  method: 'get',
  path: '/api/v1/audit-events',
  tags: ['audit'],
  summary: 'Browse the audit trail (reform office, system admin)',
  request: { query: listQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(auditEventSchema),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
      'A page of audit events',
    ),
    ...errorResponses(400, 401, 403),
  },
});

function parseTime(value: string | undefined, isEnd: boolean): Date | undefined {
  if (!value) return undefined;
  // A bare date means the whole day in Japan time.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('validation_failed');
  if (isEnd && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setTime(date.getTime() + 24 * 3600 * 1000);
  return date;
}

/** The audit trail. */
export function registerAuditRoutes(app: App): void {
  app.openapi(listRouteDef, async (c) => {
    authorize(auditPolicy.canBrowse(requireUser(c)));
    const query = c.req.valid('query');
    const result = await listAuditEvents(
      c.get('services').db,
      {
        actorId: query.actorId,
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        from: parseTime(query.from, false),
        to: parseTime(query.to, true),
      },
      query.page,
      query.pageSize,
    );
    return c.json(
      {
        items: result.items.map((row) => ({
          id: row.id,
          occurredAt: row.occurredAt.toISOString(),
          actor: row.actorId ? { id: row.actorId, displayName: row.actorName ?? '(削除済み)' } : null,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          before: row.before,
          after: row.after,
          requestId: row.requestId,
          ip: row.ip,
        })),
        total: result.total,
        page: query.page,
        pageSize: query.pageSize,
      },
      200,
    );
  });
}
