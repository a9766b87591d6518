import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { count } from 'drizzle-orm';
import { createApp } from './app.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { scheduleVacuum, VacuumRecord } from './db/maintenance.ts';
import { runMigrations } from './db/migrate.ts';
import { users } from './db/schema/index.ts';
import type { AppConfig } from './env.ts';
import { MailSender } from './features/mail/index.ts';
import { ReminderJob } from './features/reminders/index.ts';
import { refreshSearchIndexInBackground } from './features/search/index.ts';
import { CacheStampMemo } from './lib/cache-invalidation.ts';
import { logger } from './lib/logger.ts';
import { loadDemoData } from './seed/load-demo-data.ts';
import { loadReferenceData } from './seed/load-reference-data.ts';

/** How long a request waits for the embedded database's single connection before it answers 503. */
const EMBEDDED_POOL_WAIT_MS = 15_000;

export type RunningServer = {
  url: string;
  port: number;
  database: DatabaseHandle;
  isDemoLoaded: boolean;
  close: () => Promise<void>;
};

/** Opens the database, migrates it, loads demo data when asked and the database is empty, and serves HTTP. */
export async function startServer(
  config: AppConfig,
  options: { webRoot?: string; database?: DatabaseHandle } = {},
): Promise<RunningServer> {
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      // The embedded database's one connection queues every request: past this wait, 503 database_busy.
      poolWaitMs: config.databaseUrl ? undefined : EMBEDDED_POOL_WAIT_MS,
    }));
  let stopVacuum: () => Promise<void> = async () => {};
  try {
    await runMigrations(database.pool);
    await loadReferenceData(database.db);
    let isDemoLoaded = false;
    if (config.loadDemoWhenEmpty) {
      const [row] = await database.db.select({ total: count() }).from(users);
      if (Number(row?.total ?? 0) === 0) isDemoLoaded = await loadDemoData(database.db);
    }
    const cacheStamps = new CacheStampMemo(database.kind);
    const app = createApp(
      { db: database.db, database, config, cache: new Map(), cacheStamps },
      { webRoot: options.webRoot },
    );
    // Mail goes out beside HTTP, never inside a request: a dead SMTP server only delays it.
    const mailSender = new MailSender({ db: database.db, config });
    mailSender.start();
    // Reminders of due dates and waiting approvals: once now, then every interval (0 = off).
    const reminderJob = new ReminderJob({ db: database.db });
    if (config.reminderIntervalMinutes > 0) reminderJob.start(config.reminderIntervalMinutes * 60 * 1000);
    // Records queued while no process was running (a migration, a bulk load) enter the search index now.
    refreshSearchIndexInBackground(database.db);
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    // The embedded database has no autovacuum: vacuumed in the background once listening, table by
    // table (requests take their turn between tables), when the last vacuum is an hour old or more.
    if (database.kind === 'embedded') {
      const record = new VacuumRecord(
        database.dataDir ? path.join(database.dataDir, 'last-vacuum.json') : null,
      );
      stopVacuum = scheduleVacuum({
        pool: database.pool,
        record,
        onError: (error) => logger.warn('vacuum failed', { error: String(error) }),
        onDone: (summary) => logger.info('vacuum done', summary),
      }).stop;
    }
    const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      url: `http://${displayHost}:${port}`,
      port,
      database,
      isDemoLoaded,
      close: async () => {
        // A vacuum under way finishes its current table first.
        await stopVacuum();
        await mailSender.stop();
        await reminderJob.stop();
        // Stop taking requests and let those under way finish (up to 10 s) before the database
        // closes under them; idle keep-alive connections would hold close() open, so they go now.
        const http = server as unknown as {
          closeIdleConnections?: () => void;
          closeAllConnections?: () => void;
        };
        await new Promise<void>((resolve) => {
          const cutOff = setTimeout(() => http.closeAllConnections?.(), 10_000);
          server.close(() => {
            clearTimeout(cutOff);
            resolve();
          });
          http.closeIdleConnections?.();
        });
        await database.close();
      },
    };
  } catch (error) {
    await stopVacuum();
    if (!options.database) await database.close().catch(() => undefined);
    throw error;
  }
}
