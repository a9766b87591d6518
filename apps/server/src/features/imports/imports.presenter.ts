import { z } from '@hono/zod-openapi';
import { ERROR_CATALOG, type ErrorCode } from '../../lib/errors.ts';
import type { ImportKind } from './import-kind.ts';
import type { ImportJobSummary, listImportRows } from './imports.queries.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const importFieldSchema = z
  .object({ key: z.string(), label: localized, isRequired: z.boolean(), hint: localized.nullable() })
  .openapi('ImportField');

export const importKindSchema = z
  .object({ kind: z.string(), label: localized, fields: z.array(importFieldSchema) })
  .openapi('ImportKind');

export const importJobSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    kindLabel: localized,
    status: z.enum(['uploaded', 'validating', 'previewed', 'committing', 'committed', 'failed', 'discarded']),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'shift_jis']).nullable(),
    isEncodingChosen: z.boolean(),
    byteSize: z.number().int(),
    sha256: z.string(),
    headers: z.array(z.string()),
    /** Field key → column index (0-based), null when the field is not read. */
    mapping: z.record(z.string(), z.number().int().nullable()),
    fields: z.array(importFieldSchema),
    /** The first rows of the file as they are, to choose the mapping by. */
    sampleRows: z.array(z.array(z.string())),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    /** 0–100 while rows are checked. */
    progress: z.number().int(),
    counts: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      error: z.number().int(),
    }),
    error: z.object({ code: z.string(), messages: localized }).nullable(),
    isCommittable: z.boolean(),
    createdBy: z.object({ id: z.string().uuid(), displayName: z.string().nullable() }),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('ImportJob');

export const importRowSchema = z
  .object({
    rowNumber: z.number().int(),
    action: z.enum(['pending', 'create', 'update', 'unchanged', 'error']),
    recordKey: z.string().nullable(),
    /** The row's values by field key, as the mapping reads them. */
    values: z.record(z.string(), z.string()),
    errors: z.array(
      z.object({ field: z.string().nullable(), fieldLabel: localized.nullable(), messages: localized }),
    ),
  })
  .openapi('ImportRow');

/** Shapes a kind and its columns. */
export function presentImportKind(definition: ImportKind): z.infer<typeof importKindSchema> {
  return {
    kind: definition.kind,
    label: definition.label,
    fields: definition.fields.map((field) => ({
      key: field.key,
      label: field.label,
      isRequired: field.isRequired,
      hint: field.hint ?? null,
    })),
  };
}

function errorOf(code: string | null) {
  if (!code) return null;
  const entry = ERROR_CATALOG[code as ErrorCode] ?? ERROR_CATALOG.internal_error;
  return { code, messages: { ja: entry.ja, en: entry.en } };
}

/** Shapes an import job for the person working on it. */
export function presentImportJob(
  job: ImportJobSummary,
  definition: ImportKind,
  sampleRows: string[][],
): z.infer<typeof importJobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: definition.label,
    status: job.status,
    fileName: job.fileName,
    format: job.format as 'csv' | 'xlsx',
    encoding: job.encoding as 'utf-8' | 'utf-8-bom' | 'shift_jis' | null,
    isEncodingChosen: job.isEncodingChosen,
    byteSize: job.byteSize,
    sha256: job.sha256,
    headers: job.headers,
    mapping: job.mapping,
    fields: presentImportKind(definition).fields,
    sampleRows,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    progress:
      job.totalRows === 0 ? 100 : Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100)),
    counts: {
      create: job.createCount,
      update: job.updateCount,
      unchanged: job.unchangedCount,
      error: job.errorRows,
    },
    error: errorOf(job.errorCode),
    isCommittable:
      job.status === 'previewed' &&
      job.errorRows === 0 &&
      job.createCount + job.updateCount + job.unchangedCount > 0,
    createdBy: { id: job.createdBy, displayName: job.createdByName },
    createdAt: job.createdAt.toISOString(),
    committedAt: job.committedAt?.toISOString() ?? null,
    version: job.version,
  };
}

type RowRecord = Awaited<ReturnType<typeof listImportRows>>['items'][number];

/** Shapes a preview row: values by field, what it would do, its errors with the field's label. */
export function presentImportRow(
  row: RowRecord,
  definition: ImportKind,
  mapping: Record<string, number | null>,
): z.infer<typeof importRowSchema> {
  const values: Record<string, string> = {};
  for (const field of definition.fields) {
    const column = mapping[field.key];
    values[field.key] = column === null || column === undefined ? '' : (row.cells[column] ?? '');
  }
  return {
    rowNumber: row.rowNumber,
    action: (row.action ?? 'pending') as z.infer<typeof importRowSchema>['action'],
    recordKey: row.recordKey,
    values,
    errors: row.errors.map((error) => ({
      field: error.field,
      fieldLabel: definition.fields.find((field) => field.key === error.field)?.label ?? null,
      messages: { ja: error.ja, en: error.en },
    })),
  };
}
