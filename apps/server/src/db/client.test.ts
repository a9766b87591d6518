import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from './client.ts';

const isPostgres = inject('testDatabaseKind') === 'postgres';

describe.runIf(isPostgres)('connections that end under a transaction', () => {
  it('fail the transaction, leave the process running and the pool serving', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const handle = await openDatabase({ databaseUrl: adminUrl, poolSize: 2 });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      let backendPid = 0;
      const outcome = await handle.db
        .transaction(async (tx) => {
          const result = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          backendPid = Number(result.rows[0]!.pid);
          // The connection is checked out and idle in the transaction when the server ends it.
          await admin.query('select pg_terminate_backend($1)', [backendPid]);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => 'committed',
          () => 'failed',
        );
      expect(backendPid).toBeGreaterThan(0);
      expect(outcome).toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
      const after = await handle.pool.query('select 1 as one');
      expect(after.rows[0].one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await handle.close();
    }
  });
});
