import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loadDemoData } from '../seed/load-demo-data.ts';
import { openDatabase } from './client.ts';
import { runMigrations } from './migrate.ts';

const isPostgres = inject('testDatabaseKind') === 'postgres';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

describe.runIf(isPostgres)('migrations and demo data on a PostgreSQL server', () => {
  it('run once when two processes start together, and loading the demo twice changes nothing', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const name = `fresh_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const first = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 2 });
    const second = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 2 });
    try {
      await Promise.all([runMigrations(first.pool), runMigrations(second.pool)]);
      const applied = await first.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      const files = await first.pool.query(
        "select count(*)::int as n from pg_tables where tablename = 'clusters'",
      );
      expect(files.rows[0].n).toBe(1);
      expect(applied.rows[0].n).toBeGreaterThan(3);
      const results = await Promise.all([loadDemoData(first.db), loadDemoData(second.db)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await loadDemoData(first.db)).toBe(false);
      const clusters = await first.pool.query('select count(*)::int as n from cluster_revisions');
      expect(clusters.rows[0].n).toBe(57);
      await runMigrations(first.pool);
      const again = await first.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(again.rows[0].n).toBe(applied.rows[0].n);
    } finally {
      await first.close();
      await second.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
