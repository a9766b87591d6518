import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import type { ReportRequest } from './generate-report.ts';
import { countActiveJobs, deleteJobsBefore, insertReportJob } from './reports.queries.ts';

/** How many exports one person may have queued or running at once. */
export const MAX_ACTIVE_JOBS_PER_PERSON = 3;
/** Finished exports are kept this long, then removed with the next request. */
export const JOB_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Queues an export for the person asking (built off the request path); old exports are cleared. */
export async function requestReportJob(
  tx: Transaction,
  options: { request: ReportRequest; userId: string; actor: Actor; now?: Date },
) {
  if ((await countActiveJobs(tx, options.userId)) >= MAX_ACTIVE_JOBS_PER_PERSON)
    throw new AppError('report_busy');
  const now = options.now ?? new Date();
  await deleteJobsBefore(tx, new Date(now.getTime() - JOB_RETENTION_MS));
  const job = await insertReportJob(tx, {
    kind: options.request.kind,
    params: options.request,
    requestedBy: options.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'report.request',
    entityType: 'report_job',
    entityId: job.id,
    after: { kind: job.kind, params: job.params },
  });
  return job;
}
