import type { Database } from '../../db/client.ts';
import type { Actor } from '../../lib/audit.ts';
import { logger } from '../../lib/logger.ts';
import { COMMIT_LEASE_MS, commitImport } from './commit-import.ts';
import { claimWaitingJob, findImportJob, updateImportJob } from './imports.queries.ts';
import { validateImport } from './validate-import.ts';

/**
 * Works through imports waiting for background work (checking or committing large files), one at a
 * time per process. Jobs live in the database under a lease, so a job whose process stopped is
 * taken over when someone asks for it again.
 */
export class ImportRunner {
  private active: Promise<void> | null = null;
  private isKickedAgain = false;
  /** The request actor of a commit started in this process (the audit trail keeps its request id). */
  private readonly actors = new Map<string, Actor>();
  /** Told after each background job ends, so what caches this process keeps can be refreshed. */
  private readonly finishedListeners = new Set<() => void>();

  constructor(private readonly db: Database) {}

  /** Starts working (or keeps working) through the waiting jobs; never throws. */
  kick(options: { jobId?: string; actor?: Actor } = {}): void {
    if (options.jobId && options.actor) this.actors.set(options.jobId, options.actor);
    if (this.active) {
      this.isKickedAgain = true;
      return;
    }
    this.active = this.work()
      .catch((error) => logger.error('import: runner failed', { error: String(error) }))
      .finally(() => {
        this.active = null;
        if (this.isKickedAgain) {
          this.isKickedAgain = false;
          this.kick();
        }
      });
  }

  /**
   * Calls `listener` after every job this runner works on ends (committed, checked or failed): a
   * background commit writes after its request has answered, so the request's own cache refresh
   * came too early. Returns a function that removes the listener.
   */
  onJobFinished(listener: () => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Resolves when nothing is being worked on (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private async work(): Promise<void> {
    for (;;) {
      const claimed = await claimWaitingJob(this.db, new Date(), new Date(Date.now() + COMMIT_LEASE_MS));
      if (!claimed) return;
      try {
        if (claimed.status === 'validating') await validateImport(this.db, { jobId: claimed.id });
        else {
          const job = await findImportJob(this.db, claimed.id);
          const actor = this.actors.get(claimed.id) ?? {
            userId: job?.committedBy ?? null,
            requestId: undefined,
            ip: undefined,
          };
          await commitImport(this.db, { jobId: claimed.id, actor });
        }
      } catch (error) {
        logger.error('import: job failed', { importId: claimed.id, error: String(error) });
        await updateImportJob(this.db, claimed.id, {
          status: 'failed',
          errorCode: 'internal_error',
          leaseUntil: null,
        });
      } finally {
        this.actors.delete(claimed.id);
        for (const listener of this.finishedListeners) listener();
      }
    }
  }
}

const runners = new WeakMap<Database, ImportRunner>();

/** The runner of this process for a database. */
export function importRunnerFor(db: Database): ImportRunner {
  let runner = runners.get(db);
  if (!runner) {
    runner = new ImportRunner(db);
    runners.set(db, runner);
  }
  return runner;
}
