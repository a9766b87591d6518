import { createHash } from 'node:crypto';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { proposeMapping } from './import-kind.ts';
import { importKindOf } from './import-kinds.ts';
import { findRememberedMapping, insertImportJob, insertImportRows } from './imports.queries.ts';
import type { SpreadsheetContent } from './spreadsheet-file.ts';

/**
 * Keeps an uploaded file and its rows (not yet checked) and proposes the column mapping: the one
 * the person used last time for this kind where the headers match, otherwise by header names.
 */
export async function uploadImport(
  tx: Transaction,
  options: {
    kind: string;
    fileName: string;
    bytes: Uint8Array;
    content: SpreadsheetContent;
    isEncodingChosen: boolean;
    userId: string;
    actor: Actor;
  },
): Promise<string> {
  const definition = importKindOf(options.kind)!;
  const remembered = await findRememberedMapping(tx, options.userId, options.kind);
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  const id = await insertImportJob(tx, {
    kind: options.kind,
    fileName: options.fileName.slice(0, 255),
    format: options.content.format,
    encoding: options.content.encoding,
    isEncodingChosen: options.isEncodingChosen,
    byteSize: options.bytes.byteLength,
    sha256,
    content: Buffer.from(options.bytes),
    headers: options.content.headers,
    mapping: proposeMapping(definition.fields, options.content.headers, remembered),
    totalRows: options.content.rows.length,
    createdBy: options.userId,
  });
  await insertImportRows(
    tx,
    options.content.rows.map((row) => ({
      jobId: id,
      rowNumber: row.rowNumber,
      cells: row.cells,
      action: 'pending',
      errors: [],
    })),
  );
  await recordAudit(tx, options.actor, {
    action: 'import.upload',
    entityType: 'import',
    entityId: id,
    after: {
      kind: options.kind,
      fileName: options.fileName,
      sha256,
      byteSize: options.bytes.byteLength,
      rows: options.content.rows.length,
    },
  });
  return id;
}
