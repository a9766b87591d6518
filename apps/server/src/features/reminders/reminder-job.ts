import type { Database } from '../../db/client.ts';
import { logger } from '../../lib/logger.ts';
import { type ReminderSummary, sendReminders } from './send-reminders.ts';

/**
 * The reminder job: runs sendReminders once shortly after start and then every interval, beside
 * HTTP. Several app processes may run it on one database; each reminder still goes out once.
 * Tests create no job unless they start one.
 */
export class ReminderJob {
  private readonly db: Database;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReminderSummary> | null = null;
  private isStopped = false;

  constructor(options: { db: Database }) {
    this.db = options.db;
  }

  /** Runs at once (after a second, so start-up finishes first) and then every `intervalMs`. */
  start(intervalMs: number): void {
    const tick = () => {
      this.timer = null;
      void this.runOnce()
        .then((summary) => {
          if (summary.sent > 0) logger.info('reminders sent', { sent: summary.sent, byKind: summary.byKind });
        })
        .catch((error) =>
          logger.warn('reminders: run failed', { error: String((error as Error)?.message ?? error) }),
        )
        .finally(() => {
          if (!this.isStopped) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    // unref: the job alone never keeps the process alive (HTTP does).
    this.timer = setTimeout(tick, Math.min(intervalMs, 1_000)).unref();
  }

  /** Stops the job and waits for a run in progress. */
  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run (one at a time per process). */
  runOnce(options: { now?: Date } = {}): Promise<ReminderSummary> {
    this.running ??= sendReminders(this.db, options).finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
