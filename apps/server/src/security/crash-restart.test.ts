import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with the scripts
import { startPostgresCluster } from '../../../../scripts/lib/postgres-cluster.mjs';
import { openDatabase } from '../db/client.ts';
import { writeFigures } from './figures.ts';
import { type ServerProcess, signInOverHttp, startServerProcess } from './server-process.ts';

/**
 * Crash and restart: the server runs as a child process on a database of its own, 200 writers
 * create accounts as fast as it answers, the server is killed with SIGKILL in the middle (on
 * PostgreSQL the database server too), and after a restart every write that got a 2xx is there,
 * whole (account, roles and audit event: one transaction). On PostgreSQL the database is also
 * stopped under load: requests get a quick 503 problem+json, the server stays up and recovers by
 * itself. The database is TOTONOE_TEST_DB's (pglite → the embedded database).
 */

const kind = (process.env.TOTONOE_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const WRITERS = 200;
// TOTONOE_LONG_TESTS=1 keeps the load on longer before the kill.
const ACKNOWLEDGED_BEFORE_KILL = process.env.TOTONOE_LONG_TESTS === '1' ? 3_000 : 300;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

type Cluster = {
  url: string;
  pid: number;
  dir: string;
  stop: (options?: { keepFiles?: boolean }) => Promise<void>;
  restart: () => void;
};

async function startCluster(options: { fsync: boolean }): Promise<Cluster> {
  const cluster = (await startPostgresCluster(options)) as Cluster;
  cleanups.push(() => cluster.stop());
  return cluster;
}

/** Starts a stopped or killed cluster again (its stop() then stops the new server process). */
function restartCluster(cluster: Cluster): void {
  cluster.restart();
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function track(server: ServerProcess): ServerProcess {
  cleanups.push(async () => {
    await server.kill('SIGKILL');
  });
  return server;
}

/** 200 writers creating accounts until the server stops answering; returns the acknowledged logins. */
async function writeUntilKilled(
  server: ServerProcess,
  cookie: string,
  kill: () => Promise<void>,
): Promise<{ acknowledged: string[]; attempted: number; killedAfterMs: number }> {
  const acknowledged: string[] = [];
  let attempted = 0;
  let isStopped = false;
  const started = Date.now();
  let killedAfterMs = 0;
  const writer = async (index: number) => {
    for (let sequence = 0; !isStopped; sequence++) {
      const login = `crash-${index}-${sequence}`;
      attempted += 1;
      try {
        const response = await fetch(`${server.url}/api/v1/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, cookie },
          body: JSON.stringify({
            login,
            displayName: `耐障害 ${index}-${sequence}`,
            roles: [
              { role: 'staff', orgUnitId: null },
              { role: 'executive', orgUnitId: null },
            ],
          }),
        });
        await response.arrayBuffer();
        if (response.status === 201) acknowledged.push(login);
        else if (response.status >= 500) await new Promise((resolve) => setTimeout(resolve, 50));
      } catch {
        // The connection died with the server: this write was not acknowledged.
        if (isStopped) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
  // Kill once the load is real: some hundreds acknowledged (thousands in the long run), or a time limit.
  while (
    acknowledged.length < ACKNOWLEDGED_BEFORE_KILL &&
    Date.now() - started < (ACKNOWLEDGED_BEFORE_KILL / 30) * 1000
  )
    await new Promise((resolve) => setTimeout(resolve, 25));
  killedAfterMs = Date.now() - started;
  await kill();
  isStopped = true;
  await Promise.all(writers);
  return { acknowledged, attempted, killedAfterMs };
}

/** Logins of accounts whose roles or audit event are missing: a write that was half done. */
async function verify(pool: pg.Pool, acknowledged: string[]) {
  const { rows } = await pool.query<{ login: string; roles: number; audits: number }>(
    `select u.login,
            (select count(*)::int from user_roles r where r.user_id = u.id) as roles,
            (select count(*)::int from audit_events a where a.entity_type = 'user' and a.entity_id = u.id::text and a.action = 'user.create') as audits
     from users u where u.login like 'crash-%'`,
  );
  const found = new Set(rows.map((row) => row.login));
  return {
    found: rows.length,
    missing: acknowledged.filter((login) => !found.has(login)),
    halfDone: rows.filter((row) => row.roles !== 2 || row.audits !== 1).map((row) => row.login),
  };
}

describe(`crash and restart (${kind === 'pglite' ? 'embedded database' : 'PostgreSQL'})`, () => {
  it('keeps every acknowledged write after kill -9 and a restart, and leaves none half done', async () => {
    let env: Record<string, string>;
    let cluster: Cluster | null = null;
    let dataDir: string | null = null;
    if (kind === 'postgres') {
      cluster = await startCluster({ fsync: true });
      env = { DATABASE_URL: await createDatabase(cluster.url, 'crash'), TOTONOE_DEMO: 'true' };
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'totonoe-crash-'));
      const folder = dataDir;
      cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
      env = { TOTONOE_DATA_DIR: dataDir, TOTONOE_DEMO: 'true' };
    }
    const first = track(await startServerProcess(env));
    const cookie = await signInOverHttp(first.url, 'admin');
    const result = await writeUntilKilled(first, cookie, async () => {
      await first.kill('SIGKILL');
      if (cluster) process.kill(cluster.pid, 'SIGKILL');
    });
    expect(result.acknowledged.length).toBeGreaterThan(0);
    if (cluster) {
      // PostgreSQL recovers from its write-ahead log on the next start; its children may take a moment to go.
      for (let attempt = 0; ; attempt++) {
        try {
          restartCluster(cluster);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    }
    // The embedded database's lock file still names the killed process: the restart takes it over.
    const second = track(await startServerProcess(env, { port: Number(new URL(first.url).port) }));
    const afterRestart = await fetch(`${second.url}/api/v1/users?q=crash-&pageSize=1`, {
      headers: { cookie },
    });
    expect(afterRestart.status).toBe(200);
    await second.kill('SIGTERM');
    const database = await openDatabase(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 1 } : { dataDir: dataDir! },
    );
    try {
      const outcome = await verify(database.pool, result.acknowledged);
      writeFigures('crash-restart', {
        writers: WRITERS,
        attempted: result.attempted,
        acknowledged: result.acknowledged.length,
        foundAfterRestart: outcome.found,
        acknowledgedButMissing: outcome.missing.length,
        halfDone: outcome.halfDone.length,
        killedAfterMs: result.killedAfterMs,
        databaseKilledToo: cluster !== null,
      });
      expect(outcome.missing).toEqual([]);
      expect(outcome.halfDone).toEqual([]);
      // Writes that were under way when the process died either happened whole or not at all.
      expect(outcome.found).toBeGreaterThanOrEqual(result.acknowledged.length);
    } finally {
      await database.close();
    }
  }, 600_000);

  it.runIf(kind === 'postgres')(
    'answers 503 quickly while PostgreSQL is down, stays up, and recovers by itself when it is back',
    async () => {
      const cluster = await startCluster({ fsync: false });
      const env = { DATABASE_URL: await createDatabase(cluster.url, 'outage'), TOTONOE_DEMO: 'true' };
      const server = track(await startServerProcess(env));
      const cookie = await signInOverHttp(server.url, 'admin');
      const ask = async () => {
        const started = Date.now();
        try {
          const response = await fetch(`${server.url}/api/v1/users?pageSize=1`, {
            headers: { cookie },
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await response.json().catch(() => null)) as { code?: string } | null;
          return {
            status: response.status,
            code: body?.code,
            contentType: response.headers.get('content-type') ?? '',
            ms: Date.now() - started,
          };
        } catch (error) {
          return { status: 0, code: String(error), contentType: '', ms: Date.now() - started };
        }
      };
      expect((await ask()).status).toBe(200);
      await cluster.stop({ keepFiles: true });
      const stoppedAt = Date.now();
      const during: Awaited<ReturnType<typeof ask>>[] = [];
      // Load while it is down: 20 clients for five seconds.
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (Date.now() - stoppedAt < 5_000) during.push(await ask());
        }),
      );
      expect(server.isRunning(), `the server stopped while PostgreSQL was down:\n${server.stderr()}`).toBe(
        true,
      );
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      restartCluster(cluster);
      const restartedAt = Date.now();
      let recoveredAfterMs = -1;
      while (Date.now() - restartedAt < 60_000) {
        if ((await ask()).status === 200) {
          recoveredAfterMs = Date.now() - restartedAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const slowest = Math.max(...during.map((answer) => answer.ms));
      writeFigures('postgres-outage', {
        requestsWhileDown: during.length,
        statuses: during.reduce<Record<string, number>>((counts, answer) => {
          counts[answer.status] = (counts[answer.status] ?? 0) + 1;
          return counts;
        }, {}),
        slowestMs: slowest,
        recoveredAfterMs,
      });
      expect(during.length).toBeGreaterThan(20);
      const wrong = during.filter(
        (answer) =>
          answer.status !== 503 ||
          answer.code !== 'service_unavailable' ||
          !answer.contentType.startsWith('application/problem+json'),
      );
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(slowest).toBeLessThan(6_000);
      expect(server.isRunning()).toBe(true);
      expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
      await server.kill('SIGTERM');
    },
    300_000,
  );
});
