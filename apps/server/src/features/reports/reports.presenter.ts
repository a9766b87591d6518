import { z } from '@hono/zod-openapi';
import { ERROR_CATALOG, type ErrorCode } from '../../lib/errors.ts';
import { REPORT_KINDS } from './generate-report.ts';
import type { ReportJobStatusRow } from './reports.queries.ts';

/** A job that has run longer than this is taken to have died with its process. */
export const JOB_STALE_MS = 15 * 60 * 1000;

export const reportJobSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(REPORT_KINDS),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int().min(0).max(100),
    fileName: z.string().nullable(),
    byteSize: z.number().int().nullable(),
    error: z.object({ code: z.string(), messages: z.object({ ja: z.string(), en: z.string() }) }).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  })
  .openapi('ReportJob');

/** Shapes a job's status; a job stuck running for too long is shown as failed. */
export function presentReportJob(job: ReportJobStatusRow, now = new Date()): z.infer<typeof reportJobSchema> {
  const isStale =
    job.status === 'running' &&
    job.startedAt !== null &&
    now.getTime() - job.startedAt.getTime() > JOB_STALE_MS;
  const status = isStale ? 'failed' : job.status;
  const code = (isStale ? 'internal_error' : job.errorCode) as ErrorCode | null;
  const entry = code ? (ERROR_CATALOG[code] ?? ERROR_CATALOG.internal_error) : null;
  return {
    id: job.id,
    kind: job.kind as z.infer<typeof reportJobSchema>['kind'],
    params: job.params,
    status,
    progress: job.progress,
    fileName: job.fileName,
    byteSize: job.byteSize,
    error:
      status === 'failed' && entry
        ? { code: code ?? 'internal_error', messages: { ja: entry.ja, en: entry.en } }
        : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    downloadUrl: status === 'done' ? `/api/v1/reports/jobs/${job.id}/file` : null,
  };
}
