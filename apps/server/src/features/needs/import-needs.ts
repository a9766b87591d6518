import { fiscalYearOf } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { insertImport, insertLinks, insertNeeds } from './needs.queries.ts';
import type { ImportReading } from './read-needs-csv.ts';

/** The most row errors one answer carries (the preview shows them all, row by row). */
const MAX_REPORTED_ERRORS = 1000;

/** Every problem of a reading as field errors: `file` for the file, `rows.<line>.<column>` for a row. */
export function readingErrors(reading: ImportReading): FieldError[] {
  const errors: FieldError[] = reading.fileErrors.map((messages) => ({ path: 'file', messages }));
  for (const row of reading.rows) {
    for (const error of row.errors)
      errors.push({
        path: `rows.${row.line}${error.column ? `.${error.column}` : ''}`,
        messages: error.messages,
      });
  }
  return errors.slice(0, MAX_REPORTED_ERRORS);
}

/** Imports every row of a checked CSV, or nothing at all when any row has an error. */
export async function importNeeds(
  tx: Transaction,
  options: { reading: ImportReading; fileName: string | null; actor: Actor },
) {
  const { reading } = options;
  const errors = readingErrors(reading);
  if (errors.length > 0 || reading.rows.some((row) => row.resolved === null)) {
    throw new AppError('csv_rows_invalid', { fieldErrors: errors });
  }
  const batch = await insertImport(tx, {
    fileName: options.fileName,
    encoding: reading.encoding!,
    rowCount: reading.rows.length,
    importedBy: options.actor.userId,
  });
  const resolved = reading.rows.map((row) => row.resolved!);
  const inserted = await insertNeeds(
    tx,
    resolved.map(({ clusterIds, ...fields }) => ({
      ...fields,
      fiscalYear: fiscalYearOf(fields.receivedOn),
      status: clusterIds.length > 0 ? ('linked' as const) : ('new' as const),
      importId: batch.id,
      createdBy: options.actor.userId,
    })),
  );
  await insertLinks(
    tx,
    inserted.flatMap((need, index) =>
      resolved[index]!.clusterIds.map((targetId) => ({
        needId: need.id,
        kind: 'cluster' as const,
        targetId,
      })),
    ),
  );
  await recordAudit(tx, options.actor, {
    action: 'need.import',
    entityType: 'need_import',
    entityId: batch.id,
    after: {
      fileName: options.fileName,
      encoding: reading.encoding,
      rowCount: inserted.length,
      needIds: inserted.map((need) => need.id),
    },
  });
  return { importId: batch.id, created: inserted.length, encoding: reading.encoding! };
}
