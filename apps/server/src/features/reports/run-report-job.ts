import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { logger } from '../../lib/logger.ts';
import { generateReport, type ReportRequest } from './generate-report.ts';
import {
  claimReportJob,
  failReportJob,
  findReportJob,
  finishReportJob,
  setReportJobProgress,
} from './reports.queries.ts';

const running = new Set<Promise<void>>();

/** Builds a queued export after the current request has been answered; progress goes to the job row. */
export async function runReportJob(db: Database, jobId: string): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    if (!(await claimReportJob(db, jobId))) return;
    const job = await findReportJob(db, jobId);
    if (!job) return;
    let reported = 0;
    const file = await generateReport(db, job.params as ReportRequest, async (fraction) => {
      const progress = Math.min(95, Math.floor(fraction * 100));
      if (progress - reported >= 10) {
        reported = progress;
        await setReportJobProgress(db, jobId, progress);
      }
    });
    await finishReportJob(db, jobId, file);
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'internal_error';
    if (!(error instanceof AppError)) logger.error('report job failed', { jobId, error: String(error) });
    // The database may be gone (shutdown); the job then shows as failed once it is stale.
    await failReportJob(db, jobId, code).catch(() => undefined);
  }
}

/** Starts a job in this process without waiting for it. */
export function startReportJob(db: Database, jobId: string): void {
  const run: Promise<void> = runReportJob(db, jobId).finally(() => running.delete(run));
  running.add(run);
}

/** Waits for every job this process started (shutdown, tests). */
export async function settleReportJobs(): Promise<void> {
  await Promise.all([...running]);
}
