import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A private database with the schema migrated and no data (no demo, no reference data), of the
 * kind TOTONOE_TEST_DB chooses: for restore tests. On PostgreSQL it also gives the URL, so that a
 * child process (the CLI, a server) can open the same database.
 */
export async function createEmptyTestDatabase(): Promise<DatabaseHandle & { url: string | null }> {
  if (inject('testDatabaseKind') === 'pglite') {
    const handle = await openDatabase({ dataDir: null });
    await runMigrations(handle.pool);
    return { ...handle, url: null };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `empty_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await runMigrations(handle.pool);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
