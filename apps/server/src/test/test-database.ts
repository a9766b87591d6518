import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';

const TEMPLATE_DATABASE = 'totonoe_template';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A private database holding the migrated schema and the FY2024 demo data set: a PGlite copy in
 * memory, or a new PostgreSQL database made from the template, as TOTONOE_TEST_DB chooses.
 */
export async function createTestDatabase(
  options: { poolSize?: number; poolWaitMs?: number } = {},
): Promise<DatabaseHandle> {
  const kind = inject('testDatabaseKind');
  if (kind === 'pglite') {
    return openDatabase({
      dataDir: null,
      loadDataDirFrom: inject('pgliteTemplatePath'),
      poolWaitMs: options.poolWaitMs,
    });
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const handle = await openDatabase({
    databaseUrl: withDatabase(adminUrl, name),
    poolSize: options.poolSize ?? 10,
    poolWaitMs: options.poolWaitMs,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}
