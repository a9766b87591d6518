import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core.ts';

/** Report files live in the database so that any app process can hand out what another built. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const reportJobStatusEnum = pgEnum('report_job_status', ['queued', 'running', 'done', 'failed']);

/**
 * 出力ジョブ: a long export (PowerPoint, PDF, Excel, CSV) built off the request path. The person who
 * asked for it polls its progress and downloads the file; nobody else can.
 */
export const reportJobs = pgTable(
  'report_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: reportJobStatusEnum('status').notNull().default('queued'),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name'),
    contentType: text('content_type'),
    byteSize: integer('byte_size'),
    content: bytea('content'),
    /** An error code of lib/errors.ts when the build failed. */
    errorCode: text('error_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('report_jobs_requester_idx').on(t.requestedBy, t.createdAt),
    index('report_jobs_status_idx').on(t.status, t.createdAt),
  ],
);
