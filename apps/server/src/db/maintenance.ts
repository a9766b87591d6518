import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * PGlite has no autovacuum: without this its statistics go stale and plans go bad after bulk
 * changes. Runs after bulk jobs, and in the background while the server runs.
 */
export async function vacuumAnalyze(pool: pg.Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
}

/** How often the running server vacuums the embedded database, and how old the last one may be at start-up. */
export const VACUUM_INTERVAL_MS = 60 * 60 * 1000;

/**
 * When the last complete vacuum finished. PGlite forgets its activity statistics (pg_stat_*) when it
 * closes, so the time is kept in a small file beside the data (or in memory for an in-memory database).
 */
export class VacuumRecord {
  #inMemory: Date | null = null;

  constructor(private readonly file: string | null) {}

  lastVacuumAt(): Date | null {
    if (!this.file) return this.#inMemory;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { lastVacuumAt?: string };
      const date = parsed.lastVacuumAt ? new Date(parsed.lastVacuumAt) : null;
      return date && !Number.isNaN(date.getTime()) ? date : null;
    } catch {
      return null;
    }
  }

  remember(at: Date): void {
    this.#inMemory = at;
    if (!this.file) return;
    // Written whole, then renamed: a crash never leaves half a file.
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify({ lastVacuumAt: at.toISOString() })}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/** The ordinary tables, largest last so the small ones are fresh first. */
async function tablesToVacuum(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY c.relpages, c.relname`,
  );
  return result.rows.map((row) => row.name);
}

/**
 * Tables changed enough since their last ANALYZE to need fresh statistics, by autovacuum's own rule
 * (50 rows + 10 % of the table). PGlite counts changes while it runs (pg_stat_user_tables) but has
 * no autovacuum to act on them: after a burst of writes (hundreds of ideas submitted into a small
 * campaign) the planner would keep planning for the table as it was, and reads would slow down.
 */
async function tablesToAnalyze(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, relname) AS name
       FROM pg_stat_user_tables
      WHERE n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)
      ORDER BY relname`,
  );
  return result.rows.map((row) => row.name);
}

/** How often the running server looks for tables whose statistics are stale. */
export const ANALYZE_CHECK_MS = 60 * 1000;

export type VacuumScheduler = {
  analyzeNow: () => Promise<void>;
  /** Resolves when the vacuum under way (if any) has finished its current table. */
  stop: () => Promise<void>;
  /** The run under way or the last one started (tests wait on it). */
  current: () => Promise<void> | null;
};

/**
 * Vacuums the embedded database in the background: now if the last complete vacuum is older than
 * `intervalMs` (or unknown), then whenever it becomes so; and every `analyzeCheckMs` analyzes the
 * tables changed enough since their last ANALYZE (what autovacuum would do). Table by table, one statement each, so
 * requests queued for the single connection take their turn between tables instead of waiting for
 * the whole database: the server answers from the start, a little slower while it runs.
 */
export function scheduleVacuum(options: {
  pool: pg.Pool;
  record: VacuumRecord;
  intervalMs?: number;
  /** How often to look for tables changed enough to ANALYZE again (0: never). */
  analyzeCheckMs?: number;
  onError: (error: unknown) => void;
  onDone?: (summary: { tables: number; ms: number }) => void;
  now?: () => Date;
}): VacuumScheduler {
  const intervalMs = options.intervalMs ?? VACUUM_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  let isStopped = false;
  let running: Promise<void> | null = null;

  const isDue = () => {
    const last = options.record.lastVacuumAt();
    return !last || now().getTime() - last.getTime() >= intervalMs;
  };
  const run = async () => {
    const started = Date.now();
    const tables = await tablesToVacuum(options.pool);
    for (const table of tables) {
      if (isStopped) return;
      await options.pool.query(`VACUUM (ANALYZE) ${table}`);
    }
    options.record.remember(now());
    options.onDone?.({ tables: tables.length, ms: Date.now() - started });
  };
  const analyzeChanged = async () => {
    for (const table of await tablesToAnalyze(options.pool)) {
      if (isStopped) return;
      await options.pool.query(`ANALYZE ${table}`);
    }
  };
  const analyzeIfChanged = () => {
    if (isStopped || running) return;
    running = analyzeChanged()
      .catch((error) => {
        if (!isStopped) options.onError(error);
      })
      .finally(() => {
        running = null;
      });
    last = running;
  };
  const runIfDue = () => {
    if (isStopped || running || !isDue()) return;
    running = run()
      .catch((error) => {
        if (!isStopped) options.onError(error);
      })
      .finally(() => {
        running = null;
      });
    last = running;
  };
  let last: Promise<void> | null = null;

  // After the caller's current work (listening): never before the first request can be served.
  const first = setTimeout(runIfDue, 0);
  first.unref();
  // Checked more often than the interval, so a vacuum is at most a little late.
  const timer = setInterval(runIfDue, Math.max(1_000, Math.min(intervalMs / 4, 15 * 60 * 1000)));
  timer.unref();
  const analyzeCheckMs = options.analyzeCheckMs ?? ANALYZE_CHECK_MS;
  const analyzeTimer = analyzeCheckMs > 0 ? setInterval(analyzeIfChanged, analyzeCheckMs) : null;
  analyzeTimer?.unref();
  return {
    /** Looks for stale statistics now (tests; the timer does it every analyzeCheckMs). */
    analyzeNow: () => {
      analyzeIfChanged();
      return last ?? Promise.resolve();
    },
    stop: async () => {
      isStopped = true;
      clearTimeout(first);
      clearInterval(timer);
      if (analyzeTimer) clearInterval(analyzeTimer);
      await running;
    },
    current: () => last,
  };
}
