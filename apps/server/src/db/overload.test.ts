import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import { CacheStampMemo } from '../lib/cache-invalidation.ts';
import { TEST_ORIGIN } from '../test/test-app.ts';
import { createTestDatabase } from '../test/test-database.ts';
import type { DatabaseHandle } from './client.ts';
import { auditEvents } from './schema/index.ts';

let database: DatabaseHandle | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

describe('a request that finds no free database connection within the pool wait', () => {
  it('answers 503 database_busy with Retry-After and a Japanese and English problem, writes nothing, and the next request succeeds', async () => {
    // One connection (the embedded database has only one anyway), held as a long transaction would.
    database = await createTestDatabase({ poolSize: 1 });
    const config = { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error' }), databaseUrl: undefined };
    const app = createApp(
      { db: database.db, database, config, cache: new Map(), cacheStamps: new CacheStampMemo(database.kind) },
      { webRoot: '/nonexistent' },
    );
    const signIn = () =>
      app.request(`${TEST_ORIGIN}/api/v1/session`, {
        method: 'POST',
        headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'staff1', password: 'totonoe-demo' }),
      });
    const countAudit = async () => {
      const [row] = await database!.db.select({ total: sql<string>`count(*)` }).from(auditEvents);
      return Number(row!.total);
    };
    const auditBefore = await countAudit();
    // The connection is open now: only the wait for it to come free is short (pg-pool reads the
    // option at each checkout; opening the embedded database's first connection may take seconds).
    (
      database.pool as unknown as { options: { connectionTimeoutMillis: number } }
    ).options.connectionTimeoutMillis = 300;

    const held = await database.pool.connect();
    let busy: Response;
    try {
      busy = await signIn();
    } finally {
      held.release();
    }
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(busy.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await busy.json()) as { code: string; status: number; title?: string; detail?: string };
    expect(problem.code).toBe('database_busy');
    expect(problem.status).toBe(503);
    expect(JSON.stringify(problem)).toContain('混み合っている');
    expect(JSON.stringify(problem)).toContain('busy');
    expect(await countAudit()).toBe(auditBefore);

    // The connection is free again: the same request goes through.
    const after = await signIn();
    expect(after.status).toBe(200);
  });
});
