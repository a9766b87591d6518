import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../env.ts';
import { startServer } from '../server.ts';
import { createTestDatabase } from '../test/test-database.ts';
import type { DatabaseHandle } from './client.ts';
import { scheduleVacuum, VacuumRecord } from './maintenance.ts';

const HOUR = 60 * 60 * 1000;
let database: DatabaseHandle | null = null;
let folder: string | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

const recordIn = () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'totonoe-vacuum-'));
  return new VacuumRecord(path.join(folder, 'last-vacuum.json'));
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the background vacuum', () => {
  it('runs when no vacuum is remembered, serves queries while it runs, and remembers when it finished', async () => {
    database = await createTestDatabase();
    const record = recordIn();
    const failures: unknown[] = [];
    const scheduler = scheduleVacuum({
      pool: database.pool,
      record,
      onError: (error) => failures.push(error),
    });
    await tick();
    const run = scheduler.current();
    expect(run).not.toBeNull();
    // Requests arriving meanwhile are answered (between tables), none fails.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => database!.pool.query('SELECT count(*)::int AS n FROM users')),
    );
    expect(answers.every((answer) => answer.rows[0].n > 0)).toBe(true);
    await run;
    await scheduler.stop();
    expect(failures).toEqual([]);
    const remembered = record.lastVacuumAt();
    expect(remembered).not.toBeNull();
    expect(Date.now() - remembered!.getTime()).toBeLessThan(60_000);
    // Kept in the file: a new process reads the same time.
    expect(JSON.parse(readFileSync(path.join(folder!, 'last-vacuum.json'), 'utf8')).lastVacuumAt).toBe(
      remembered!.toISOString(),
    );
  });

  it('skips a start-up within the hour of the last vacuum, and runs once it is an hour old', async () => {
    database = await createTestDatabase();
    const record = recordIn();
    record.remember(new Date(Date.now() - 10 * 60 * 1000));
    const recent = scheduleVacuum({ pool: database.pool, record, onError: () => undefined });
    await tick();
    expect(recent.current()).toBeNull();
    await recent.stop();

    record.remember(new Date(Date.now() - 2 * HOUR));
    const old = scheduleVacuum({ pool: database.pool, record, onError: () => undefined });
    await tick();
    expect(old.current()).not.toBeNull();
    await old.current();
    await old.stop();
    expect(Date.now() - record.lastVacuumAt()!.getTime()).toBeLessThan(60_000);
  });

  it('stops between tables when asked, without remembering an unfinished vacuum', async () => {
    database = await createTestDatabase();
    const record = recordIn();
    const scheduler = scheduleVacuum({ pool: database.pool, record, onError: () => undefined });
    await tick();
    await scheduler.stop();
    expect(record.lastVacuumAt()).toBeNull();
    // The pool is still usable: nothing was left half done.
    expect((await database.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  });
});

describe('statistics after a burst of writes', () => {
  it('a table changed by more than 50 rows + 10 % since its last ANALYZE is analyzed again', async () => {
    database = await createTestDatabase();
    const record = recordIn();
    record.remember(new Date());
    const scheduler = scheduleVacuum({
      pool: database.pool,
      record,
      analyzeCheckMs: 0,
      onError: (error) => {
        throw error;
      },
    });
    const client = await database.pool.connect();
    try {
      await client.query('CREATE TABLE maintenance_probe (x int)');
      await client.query('INSERT INTO maintenance_probe SELECT generate_series(1, 1000)');
      // The server reports a session's counters at most once a second, at the end of a transaction.
      const changes = async () =>
        Number(
          (
            await client.query(
              `SELECT coalesce(sum(n_mod_since_analyze), 0) AS n FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`,
            )
          ).rows[0].n,
        );
      for (let attempt = 0; attempt < 20 && (await changes()) < 1000; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await changes()).toBeGreaterThanOrEqual(1000);
    } finally {
      client.release();
    }
    await scheduler.analyzeNow();
    await scheduler.stop();
    const after = await database.pool.query(
      `SELECT n_mod_since_analyze::int AS n, last_analyze FROM pg_stat_user_tables WHERE relname = 'maintenance_probe'`,
    );
    expect(after.rows[0].n).toBe(0);
    expect(after.rows[0].last_analyze).not.toBeNull();
  });
});

describe('start-up on an existing database', () => {
  it('listens before the vacuum and answers the first requests while it runs', async () => {
    const handle = await createTestDatabase();
    const config = {
      ...loadConfig({ TOTONOE_LOG_LEVEL: 'error', PORT: '0', HOST: '127.0.0.1', TOTONOE_DEMO: 'false' }),
      databaseUrl: undefined,
      reminderIntervalMinutes: 0,
    };
    const server = await startServer(config, { database: handle, webRoot: '/nonexistent' });
    try {
      const url = `http://127.0.0.1:${server.port}`;
      const [health, signIn] = await Promise.all([
        fetch(`${url}/healthz`),
        fetch(`${url}/api/v1/session`, {
          method: 'POST',
          headers: { origin: url, 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'staff1', password: 'totonoe-demo' }),
        }),
      ]);
      expect(health.status).toBe(200);
      expect(signIn.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
