import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JavaScript module shared with the scripts
import { startPostgresCluster } from '../../../../scripts/lib/postgres-cluster.mjs';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { loadDemoData } from '../seed/load-demo-data.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const TEMPLATE_DATABASE = 'totonoe_template';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseKind: 'pglite' | 'postgres';
    pgliteTemplatePath: string;
    postgresAdminUrl: string;
  }
}

/**
 * Prepares one migrated database with the FY2024 demo data set, which every test file then
 * copies: a dumped PGlite image, or a PostgreSQL template database on a cluster started here.
 */
export default async function setup(project: TestProject) {
  const kind = (process.env.TOTONOE_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
  project.provide('testDatabaseKind', kind);
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: null });
    await runMigrations(handle.pool);
    await loadDemoData(handle.db);
    await handle.pool.query('VACUUM ANALYZE');
    const image = await handle.embedded!.dumpDataDir();
    await handle.close();
    const dir = path.join(root, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-template-${process.pid}.tar`);
    writeFileSync(file, image);
    project.provide('pgliteTemplatePath', file);
    project.provide('postgresAdminUrl', '');
    return async () => undefined;
  }
  const cluster = process.env.TOTONOE_TEST_DATABASE_URL ? null : await startPostgresCluster();
  const adminUrl: string = process.env.TOTONOE_TEST_DATABASE_URL ?? cluster.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: withDatabase(adminUrl, TEMPLATE_DATABASE), poolSize: 2 });
  await runMigrations(handle.pool);
  await loadDemoData(handle.db);
  await handle.close();
  project.provide('pgliteTemplatePath', '');
  project.provide('postgresAdminUrl', adminUrl);
  return async () => {
    await cluster?.stop();
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
