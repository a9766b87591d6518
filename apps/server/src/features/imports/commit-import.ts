import type { Database, Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { logger } from '../../lib/logger.ts';
import { type RowAction, type RowCheck, valuesOf } from './import-kind.ts';
import { importKindOf } from './import-kinds.ts';
import {
  findImportJob,
  listAllImportCells,
  loadImportActor,
  lockImportJob,
  replaceImportRows,
  updateImportJob,
} from './imports.queries.ts';
import { previewRowOf } from './validate-import.ts';

export const COMMIT_LEASE_MS = 10 * 60 * 1000;

/** Thrown inside the commit transaction when a row no longer passes: everything is rolled back. */
class ImportChangedError extends Error {
  constructor(readonly rows: { rowNumber: number; cells: string[]; check: RowCheck<unknown> }[]) {
    super('import changed');
  }
}

/**
 * Marks a checked import for commit (If-Match): only a preview without errors and with something to
 * write; the commit itself follows in this request or in the background.
 */
export async function startImportCommit(
  tx: Transaction,
  options: { jobId: string; expectedVersion: number; userId: string; leaseUntil: Date | null },
) {
  if (!(await lockImportJob(tx, options.jobId))) throw notFound();
  const job = (await findImportJob(tx, options.jobId))!;
  assertVersion(options.expectedVersion, job.version);
  if (job.status !== 'previewed') throw new AppError('import_not_ready');
  if (job.errorRows > 0) throw new AppError('import_rows_invalid');
  if (job.createCount + job.updateCount + job.unchangedCount === 0) {
    throw new AppError('import_rows_invalid', {
      messages: { ja: '取り込む行がありません。', en: 'There are no rows to import.' },
    });
  }
  await updateImportJob(tx, job.id, {
    status: 'committing',
    committedBy: options.userId,
    leaseUntil: options.leaseUntil,
  });
  return job;
}

/**
 * Writes every row of an import in one transaction, checking each again against the data as it is
 * now: all rows or none. One audit event records the import (kind, file, its SHA-256, counts); the
 * file stays with the job. When a row no longer passes, nothing is written and the preview is
 * refreshed (`import_changed`); so is a row that would now do something else than the preview showed.
 */
export async function commitImport(
  db: Database,
  options: { jobId: string; actor: Actor },
): Promise<'committed' | 'changed' | 'skipped'> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await lockImportJob(tx, options.jobId))) return 'skipped';
      const job = (await findImportJob(tx, options.jobId))!;
      if (job.status !== 'committing') return 'skipped';
      const definition = importKindOf(job.kind)!;
      const rows = await listAllImportCells(tx, job.id);
      const values = rows.map((row) => valuesOf(row.cells, job.mapping));
      const actorId = job.committedBy ?? job.createdBy;
      const context = await definition.loadContext(tx, values, {
        actorId,
        actor: await loadImportActor(tx, actorId),
      });
      const checks = rows.map((row, index) => ({
        ...row,
        check: definition.checkRow(values[index]!, context),
      }));
      // What was previewed is what is written: a row that fails now, or would now do something else
      // (create where it was to update…), stops the whole import.
      if (checks.some((entry) => !entry.check.isValid || entry.check.action !== entry.action)) {
        throw new ImportChangedError(checks);
      }
      const records = checks.map((entry) => {
        const check = entry.check as Extract<RowCheck<unknown>, { isValid: true }>;
        return { action: check.action as RowAction, record: check.record };
      });
      const unchanged = records.filter((entry) => entry.action === 'unchanged').length;
      const written = await definition.commit(
        tx,
        records.filter((entry) => entry.action !== 'unchanged'),
        options.actor,
      );
      await updateImportJob(tx, job.id, {
        status: 'committed',
        committedAt: new Date(),
        createCount: written.created,
        updateCount: written.updated,
        unchangedCount: unchanged,
        processedRows: rows.length,
        leaseUntil: null,
      });
      await recordAudit(tx, options.actor, {
        action: 'import.commit',
        entityType: 'import',
        entityId: job.id,
        after: {
          kind: job.kind,
          fileName: job.fileName,
          sha256: job.sha256,
          rows: rows.length,
          created: written.created,
          updated: written.updated,
          unchanged,
        },
      });
      return 'committed';
    });
  } catch (error) {
    if (!(error instanceof ImportChangedError)) throw error;
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    const previews = error.rows.map((row) => {
      counts[row.check.isValid ? row.check.action : 'error'] += 1;
      return previewRowOf(options.jobId, row.rowNumber, row.cells, row.check);
    });
    logger.info('import: data changed since the preview', { importId: options.jobId, errors: counts.error });
    await db.transaction(async (tx) => {
      for (let start = 0; start < previews.length; start += 500) {
        await replaceImportRows(tx, options.jobId, previews.slice(start, start + 500));
      }
      await updateImportJob(tx, options.jobId, {
        status: 'previewed',
        errorCode: 'import_changed',
        errorRows: counts.error,
        createCount: counts.create,
        updateCount: counts.update,
        unchangedCount: counts.unchanged,
        committedBy: null,
        leaseUntil: null,
      });
    });
    return 'changed';
  }
}
