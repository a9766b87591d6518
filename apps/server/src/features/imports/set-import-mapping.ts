import type { Transaction } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { importKindOf } from './import-kinds.ts';
import { findImportJob, lockImportJob, rememberMapping, updateImportJob } from './imports.queries.ts';

/**
 * Sets which column each field reads from (remembered for the person and kind by header text) and
 * starts the check of every row; a required field must have a column and no column may serve two.
 */
export async function setImportMapping(
  tx: Transaction,
  options: {
    jobId: string;
    expectedVersion: number;
    mapping: Record<string, number | null>;
    userId: string;
    /** Set when this request checks the rows itself, so that no background worker takes the job. */
    leaseUntil: Date | null;
  },
) {
  if (!(await lockImportJob(tx, options.jobId))) throw notFound();
  const job = (await findImportJob(tx, options.jobId))!;
  assertVersion(options.expectedVersion, job.version);
  if (!['uploaded', 'previewed'].includes(job.status)) throw new AppError('import_not_ready');
  const definition = importKindOf(job.kind)!;
  const mapping: Record<string, number | null> = {};
  const fieldErrors: { path: string; messages: { ja: string; en: string } }[] = [];
  const used = new Map<number, string>();
  for (const key of Object.keys(options.mapping)) {
    if (!definition.fields.some((field) => field.key === key)) {
      fieldErrors.push({
        path: `mapping.${key}`,
        messages: {
          ja: `項目「${key.slice(0, 40)}」はありません。`,
          en: `Unknown field ${key.slice(0, 40)}.`,
        },
      });
    }
  }
  for (const field of definition.fields) {
    const column = options.mapping[field.key] ?? null;
    if (column !== null && (column < 0 || column >= job.headers.length)) {
      fieldErrors.push({
        path: `mapping.${field.key}`,
        messages: {
          ja: `「${field.label.ja}」の列がファイルにありません。`,
          en: `The column for ${field.label.en} is not in the file.`,
        },
      });
    } else if (column !== null && used.has(column)) {
      fieldErrors.push({
        path: `mapping.${field.key}`,
        messages: {
          ja: `「${field.label.ja}」と「${used.get(column)}」に同じ列は使えません。`,
          en: `${field.label.en} and another field cannot read the same column.`,
        },
      });
    } else if (column === null && field.isRequired) {
      fieldErrors.push({
        path: `mapping.${field.key}`,
        messages: {
          ja: `「${field.label.ja}」は必須です。列を選んでください。`,
          en: `${field.label.en} is required: choose its column.`,
        },
      });
    }
    if (column !== null) used.set(column, field.label.ja);
    mapping[field.key] = column;
  }
  if (fieldErrors.length > 0) throw new AppError('validation_failed', { fieldErrors });
  await rememberMapping(
    tx,
    options.userId,
    job.kind,
    Object.fromEntries(
      Object.entries(mapping).flatMap(([key, column]) =>
        column === null ? [] : [[key, job.headers[column] ?? '']],
      ),
    ),
  );
  await updateImportJob(tx, job.id, {
    mapping,
    status: 'validating',
    processedRows: 0,
    errorRows: 0,
    createCount: 0,
    updateCount: 0,
    unchangedCount: 0,
    errorCode: null,
    leaseUntil: options.leaseUntil,
  });
  return { totalRows: job.totalRows };
}
