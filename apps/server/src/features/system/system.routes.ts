import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { App } from '../../lib/context.ts';
import { jsonResponse } from '../../lib/openapi.ts';
import { renderApiPage } from './api-page.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Ready when the database answers',
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }),
      'Ready',
    ),
    503: jsonResponse(z.object({ status: z.literal('unavailable') }), 'The database does not answer'),
  },
});

/** Health check and the human-readable API page. */
export function registerSystemRoutes(app: App): void {
  app.openapi(healthRoute, async (c) => {
    const { db, database } = c.get('services');
    try {
      await db.execute(sql`select 1`);
      return c.json({ status: 'ok' as const, database: database.kind }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });

  app.get('/api/v1/docs', (c) => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Totonoe API', version: '1.0.0' },
    });
    c.header('cache-control', 'no-cache');
    return c.html(renderApiPage(document as unknown as Parameters<typeof renderApiPage>[0]));
  });
}
