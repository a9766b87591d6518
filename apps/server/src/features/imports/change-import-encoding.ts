import type { Transaction } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { proposeMapping } from './import-kind.ts';
import { importKindOf } from './import-kinds.ts';
import {
  deleteImportRows,
  findImportJob,
  findRememberedMapping,
  insertImportRows,
  lockImportJob,
  updateImportJob,
} from './imports.queries.ts';
import type { SpreadsheetContent } from './spreadsheet-file.ts';

/** Reads a CSV again in the encoding the person chose (the detected one was wrong): new headers, rows and mapping. */
export async function changeImportEncoding(
  tx: Transaction,
  options: { jobId: string; expectedVersion: number; content: SpreadsheetContent; userId: string },
) {
  if (!(await lockImportJob(tx, options.jobId))) throw notFound();
  const job = (await findImportJob(tx, options.jobId))!;
  assertVersion(options.expectedVersion, job.version);
  if (job.format !== 'csv' || !['uploaded', 'previewed'].includes(job.status))
    throw new AppError('import_not_ready');
  const remembered = await findRememberedMapping(tx, options.userId, job.kind);
  await deleteImportRows(tx, job.id);
  await insertImportRows(
    tx,
    options.content.rows.map((row) => ({
      jobId: job.id,
      rowNumber: row.rowNumber,
      cells: row.cells,
      action: 'pending',
      errors: [],
    })),
  );
  await updateImportJob(tx, job.id, {
    status: 'uploaded',
    encoding: options.content.encoding,
    isEncodingChosen: true,
    headers: options.content.headers,
    mapping: proposeMapping(importKindOf(job.kind)!.fields, options.content.headers, remembered),
    totalRows: options.content.rows.length,
    processedRows: 0,
    errorRows: 0,
    createCount: 0,
    updateCount: 0,
    unchangedCount: 0,
    errorCode: null,
  });
}
