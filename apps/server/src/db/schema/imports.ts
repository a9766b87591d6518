import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core.ts';

/** Uploaded files live in the database so that any app process can read what another received. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const importStatusEnum = pgEnum('import_status', [
  'uploaded',
  'validating',
  'previewed',
  'committing',
  'committed',
  'failed',
  'discarded',
]);

/**
 * 取込: one upload of a spreadsheet (.xlsx) or CSV for one kind of record, from the file through
 * the column mapping and the preview of every row to an all-or-nothing commit. The file is kept.
 * Validation and commit of large files run in the background under a lease; `processed_rows`
 * against `total_rows` is the progress.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: importStatusEnum('status').notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    /** `csv` or `xlsx`. */
    format: text('format').notNull(),
    /** The CSV encoding used (`utf-8`, `utf-8-bom`, `shift_jis`); null for .xlsx. */
    encoding: text('encoding'),
    /** Whether the encoding was detected or chosen by the person. */
    isEncodingChosen: boolean('is_encoding_chosen').notNull().default(false),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Field key → column index (0-based) in the file. */
    mapping: jsonb('mapping').$type<Record<string, number | null>>().notNull(),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    createCount: integer('create_count').notNull().default(0),
    updateCount: integer('update_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    /** An error code of lib/errors.ts when the job stopped. */
    errorCode: text('error_code'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedBy: uuid('committed_by').references(() => users.id),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('import_jobs_kind_idx').on(t.kind, t.createdAt),
    index('import_jobs_status_idx').on(t.status, t.leaseUntil),
  ],
);

/** One data row of an import as the preview shows it: its cells, what it would do and its errors. */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    /** The row number as a spreadsheet shows it (the header is row 1 when it is the first row). */
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    /** `pending` until the row is checked, then `create`, `update`, `unchanged` or `error`. */
    action: text('action'),
    /** The record's key (a code, a login…) for the preview. */
    recordKey: text('record_key'),
    errors: jsonb('errors').$type<{ field: string | null; ja: string; en: string }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowNumber] }),
    index('import_rows_errors_idx').on(t.jobId, t.action),
  ],
);

/** The column mapping a person last used for a kind, by header text, offered again next time. */
export const importMappings = pgTable(
  'import_mappings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Field key → header text. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
