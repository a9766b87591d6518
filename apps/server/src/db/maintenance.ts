import type pg from 'pg';

/**
 * PGlite has no autovacuum: without this its statistics stay empty and plans go bad after
 * bulk changes. Runs at start-up, after bulk jobs, and on a timer.
 */
export async function vacuumAnalyze(pool: pg.Pool): Promise<void> {
  await pool.query('VACUUM ANALYZE');
}

/** Schedules VACUUM ANALYZE every `intervalMs`; returns a function that stops it. */
export function scheduleVacuum(
  pool: pg.Pool,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    vacuumAnalyze(pool).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
