import type { Database } from '../../db/client.ts';
import { type RowCheck, valuesOf } from './import-kind.ts';
import { importKindOf } from './import-kinds.ts';
import {
  findImportJob,
  listAllImportCells,
  loadImportActor,
  recordProgress,
  replaceImportRows,
  updateImportJob,
} from './imports.queries.ts';

const BATCH_SIZE = 500;
export const VALIDATION_LEASE_MS = 2 * 60 * 1000;

/** The preview row of a checked row. */
export function previewRowOf(jobId: string, rowNumber: number, cells: string[], check: RowCheck<unknown>) {
  return check.isValid
    ? { jobId, rowNumber, cells, action: check.action, recordKey: check.key.slice(0, 200), errors: [] }
    : {
        jobId,
        rowNumber,
        cells,
        action: 'error',
        recordKey: check.key?.slice(0, 200) ?? null,
        errors: check.errors,
      };
}

/**
 * Checks every row of an import against what exists and the rest of the file, in batches that
 * each record progress (and renew the lease), then leaves the job `previewed` with its counts.
 * Stops quietly when the job was discarded meanwhile.
 */
export async function validateImport(db: Database, options: { jobId: string }): Promise<void> {
  const job = await findImportJob(db, options.jobId);
  if (job?.status !== 'validating') return;
  const definition = importKindOf(job.kind)!;
  const rows = await listAllImportCells(db, job.id);
  const values = rows.map((row) => valuesOf(row.cells, job.mapping));
  const context = await definition.loadContext(db, values, {
    actorId: job.createdBy,
    actor: await loadImportActor(db, job.createdBy),
  });
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE).map((row, index) => {
      const check = definition.checkRow(values[start + index]!, context);
      counts[check.isValid ? check.action : 'error'] += 1;
      return previewRowOf(job.id, row.rowNumber, row.cells, check);
    });
    const isStillWanted = await db.transaction(async (tx) => {
      const current = await findImportJob(tx, job.id);
      if (current?.status !== 'validating') return false;
      await replaceImportRows(tx, job.id, batch);
      await recordProgress(tx, job.id, start + batch.length, new Date(Date.now() + VALIDATION_LEASE_MS));
      return true;
    });
    if (!isStillWanted) return;
  }
  const current = await findImportJob(db, job.id);
  if (current?.status !== 'validating') return;
  await updateImportJob(db, job.id, {
    status: 'previewed',
    processedRows: rows.length,
    errorRows: counts.error,
    createCount: counts.create,
    updateCount: counts.update,
    unchangedCount: counts.unchanged,
    leaseUntil: null,
  });
}
