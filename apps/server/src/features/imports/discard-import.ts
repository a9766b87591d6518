import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { deleteImportRows, findImportJob, lockImportJob, updateImportJob } from './imports.queries.ts';

/** Drops an import that was not committed: its preview rows go, the job and its file stay on record. */
export async function discardImport(
  tx: Transaction,
  options: { jobId: string; expectedVersion: number; actor: Actor },
) {
  if (!(await lockImportJob(tx, options.jobId))) throw notFound();
  const job = (await findImportJob(tx, options.jobId))!;
  assertVersion(options.expectedVersion, job.version);
  if (!['uploaded', 'validating', 'previewed', 'failed'].includes(job.status))
    throw new AppError('import_not_ready');
  await deleteImportRows(tx, job.id);
  await updateImportJob(tx, job.id, { status: 'discarded', leaseUntil: null });
  await recordAudit(tx, options.actor, {
    action: 'import.discard',
    entityType: 'import',
    entityId: job.id,
    before: { status: job.status },
    after: { status: 'discarded', kind: job.kind, fileName: job.fileName },
  });
}
