import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { loadConfig } from '../../env.ts';
import { CacheStampMemo } from '../../lib/cache-invalidation.ts';
import { writeFigures } from '../../security/figures.ts';
import { sendRequest } from '../../security/matrix-harness.ts';
import { createEmptyTestDatabase } from '../../test/empty-database.ts';
import { mintSessionCookie, userIdOf } from '../../test/sessions.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { storeAttachment } from '../attachments/index.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';
import { type BackupSummary, backupToFile, RestoreError, restoreFromFile } from './index.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const run = promisify(execFile);

let t: TestApp;
let folder: string;
let file: string;
let source: BackupSummary;
const targets: DatabaseHandle[] = [];

async function emptyDatabase() {
  const database = await createEmptyTestDatabase();
  targets.push(database);
  return database;
}

function appOn(database: DatabaseHandle) {
  const config = { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error' }), databaseUrl: undefined };
  return createApp(
    { db: database.db, database, config, cache: new Map(), cacheStamps: new CacheStampMemo(database.kind) },
    { webRoot: '/nonexistent' },
  );
}

/** Arrays in a canonical order: some answers list a record's parts (roles) in storage order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  return value;
}

/** What the API answers on a database, for the reads a restored copy must give back identically. */
async function apiSnapshot(database: DatabaseHandle): Promise<Record<string, unknown>> {
  const app = appOn(database);
  const cookie = await mintSessionCookie(database.pool, await userIdOf(database.pool, 'admin'));
  const reform = await mintSessionCookie(database.pool, await userIdOf(database.pool, 'reform'));
  const snapshot: Record<string, unknown> = {};
  for (const [path, asUser] of [
    ['/api/v1/clusters?fy=2024', null],
    ['/api/v1/meetings?fy=2024', reform],
    ['/api/v1/org-units', null],
    ['/api/v1/fiscal-years', null],
    ['/api/v1/users?pageSize=200', cookie],
    ['/api/v1/audit-events?pageSize=200', cookie],
    ['/api/v1/bureau-policies', reform],
  ] as const) {
    const response = await sendRequest(app, 'GET', { path }, asUser);
    snapshot[path] = { status: response.status, body: canonical(response.body) };
  }
  return snapshot;
}

beforeAll(async () => {
  t = await createTestApp();
  folder = mkdtempSync(path.join(tmpdir(), 'totonoe-backup-'));
  file = path.join(folder, 'backup.jsonl.gz');
  // Something beyond the demo data: an edit, and a file in the database.
  const reform = await t.signIn('reform');
  const clusterPath = `/api/v1/clusters/${(await t.database.pool.query('select cluster_id as id from cluster_revisions where number = 23 limit 1')).rows[0].id}?fy=2024`;
  const read = await t.call('GET', clusterPath);
  const edited = await t.call('PATCH', clusterPath, {
    cookie: reform,
    body: { name: '子育て支援事業（復元確認）' },
    headers: { 'if-match': read.headers.get('etag')! },
  });
  expect(edited.status).toBe(200);
  await t.database.db.transaction((tx) =>
    storeAttachment(tx, {
      ownerType: 'backup_check',
      ownerId: '00000000-0000-4000-8000-000000000001',
      fileName: '復元確認.pdf',
      title: '復元確認',
      bytes: SAMPLE_FILES.pdf(),
      limitBytes: 1024 * 1024,
      actor: { userId: null, requestId: 'backup-test', ip: undefined },
    }),
  );
  source = await backupToFile(t.database, file);
});

afterAll(async () => {
  for (const target of targets) await target.close().catch(() => undefined);
  await t?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty database a copy whose every table and API read is identical', async () => {
    const target = await emptyDatabase();
    const restored = await restoreFromFile(target, file);
    expect(restored.tables).toEqual(source.tables);
    const again = path.join(folder, 'again.jsonl.gz');
    const copy = await backupToFile(target, again);
    // The same rows in the same order with the same bytes: table by table checksums agree.
    expect(copy.tables).toEqual(source.tables);
    expect(await apiSnapshot(target)).toEqual(await apiSnapshot(t.database));
    const attachment = await target.pool.query<{ content: Buffer }>(
      "select content from attachments where owner_type = 'backup_check'",
    );
    expect(Buffer.compare(attachment.rows[0]!.content, Buffer.from(SAMPLE_FILES.pdf()))).toBe(0);
    const rows = Object.values(source.tables).reduce((total, table) => total + table.rows, 0);
    writeFigures('backup-restore', { tables: Object.keys(source.tables).length, rows, identical: true });
  });

  it('keeps serving writes after a restore (sequences follow the restored rows)', async () => {
    const target = await emptyDatabase();
    await restoreFromFile(target, file);
    const before = await target.pool.query<{ max: string }>('select max(id)::text as max from audit_events');
    const app = appOn(target);
    const cookie = await mintSessionCookie(target.pool, await userIdOf(target.pool, 'admin'));
    const created = await sendRequest(
      app,
      'POST',
      {
        path: '/api/v1/org-units',
        body: { code: 'restored', name: '復元後課', level: 'section', effectiveFrom: '2024-04-01' },
      },
      cookie,
    );
    expect(created.status).toBe(201);
    const after = await target.pool.query<{ max: string }>('select max(id)::text as max from audit_events');
    expect(BigInt(after.rows[0]!.max)).toBeGreaterThan(BigInt(before.rows[0]!.max));
  });

  it('refuses a database that holds data unless told to replace it', async () => {
    const target = await emptyDatabase();
    await restoreFromFile(target, file);
    await expect(restoreFromFile(target, file)).rejects.toBeInstanceOf(RestoreError);
    const replaced = await restoreFromFile(target, file, { replace: true });
    expect(replaced.tables).toEqual(source.tables);
  });

  it('restores nothing from a file cut short or altered', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(folder, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const altered = path.join(folder, 'altered.jsonl.gz');
    const rowIndex = lines.findIndex((line) => line.includes('子育て支援事業（復元確認）'));
    expect(rowIndex).toBeGreaterThan(0);
    const changed = [...lines];
    changed[rowIndex] = changed[rowIndex]!.replace('復元確認', '改ざん');
    writeFileSync(altered, gzipSync(changed.join('\n')));
    const target = await emptyDatabase();
    await expect(restoreFromFile(target, cut)).rejects.toBeInstanceOf(RestoreError);
    await expect(restoreFromFile(target, altered)).rejects.toBeInstanceOf(RestoreError);
    const { rows } = await target.pool.query<{ n: number }>('select count(*)::int as n from users');
    expect(rows[0]!.n).toBe(0);
  });

  it('runs from the command line: restore into a new database, then back up the same rows', async () => {
    const target = await emptyDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, TOTONOE_LOG_LEVEL: 'error' };
    let dataDir: string | null = null;
    if (target.url) env.DATABASE_URL = target.url;
    else {
      // The embedded database is a folder: the command line opens it while no server holds it.
      await target.close();
      targets.splice(targets.indexOf(target), 1);
      dataDir = mkdtempSync(path.join(tmpdir(), 'totonoe-backup-cli-'));
      env.TOTONOE_DATA_DIR = dataDir;
      delete env.DATABASE_URL;
    }
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/totonoe.ts', ...args], {
        cwd: root,
        env,
      });
    try {
      const restored = await cli('restore', file);
      expect(restored.stdout).toMatch(/復元しました/);
      const again = path.join(folder, 'cli.jsonl.gz');
      const backedUp = await cli('backup', again);
      expect(backedUp.stdout).toMatch(/バックアップを書き出しました/);
      const trailer = JSON.parse(gunzipSync(readFileSync(again)).toString('utf8').trim().split('\n').at(-1)!);
      expect(trailer.tables).toEqual(source.tables);
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
