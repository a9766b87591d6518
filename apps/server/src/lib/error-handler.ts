import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';
import { logger } from './logger.ts';
import { problemResponse } from './problem.ts';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** Not a PostgreSQL code: the name this module gives to waiting too long for a pooled connection. */
const POOL_WAIT_EXCEEDED = 'POOL_WAIT_EXCEEDED';

function databaseCause(error: unknown): { code?: string; message?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string')
      return { code: candidate.code, message: String(candidate.message ?? '') };
    // pg-pool: no connection became free within the pool's wait (connectionTimeoutMillis).
    if (
      typeof candidate.message === 'string' &&
      /timeout exceeded when trying to connect/i.test(candidate.message)
    )
      return { code: POOL_WAIT_EXCEEDED, message: candidate.message };
    if (
      typeof candidate.message === 'string' &&
      /Connection terminated|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
        candidate.message,
      )
    ) {
      return { code: 'ECONNRESET', message: candidate.message };
    }
    current = candidate.cause;
  }
  return null;
}

/** Maps anything thrown by a handler to a problem+json answer; unknown errors are logged, never shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('payload_too_large');
    if (error.status === 400 && /json/i.test(error.message)) return new AppError('malformed_json');
    if (error.status === 400) return new AppError('validation_failed');
    if (error.status === 404) return new AppError('not_found');
    if (error.status === 405) return new AppError('method_not_allowed');
    if (error.status === 415) return new AppError('unsupported_media_type');
  }
  if (error instanceof SyntaxError) return new AppError('malformed_json');
  const cause = databaseCause(error);
  if (cause?.code) {
    if (cause.code === POOL_WAIT_EXCEEDED)
      return new AppError('database_busy', { headers: { 'retry-after': '2' } });
    if (UNAVAILABLE_CODES.has(cause.code))
      return new AppError('service_unavailable', { headers: { 'retry-after': '5' } });
    if (cause.code === '23505') return new AppError('conflict');
    if (cause.code === '40001' || cause.code === '40P01') return new AppError('conflict');
    if (cause.code === '23503' || cause.code === '23514' || cause.code === '23502')
      return new AppError('unprocessable');
    if (
      cause.code === '22P02' ||
      cause.code === '22007' ||
      cause.code === '22008' ||
      cause.code === '22003' ||
      cause.code === '22001' ||
      // U+0000 and characters the database cannot store in UTF-8 text
      cause.code === '22021' ||
      cause.code === '22P05'
    ) {
      return new AppError('validation_failed');
    }
  }
  return new AppError('internal_error');
}

/** The app's onError handler. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    logger.error('request failed', {
      requestId: c.get('requestId'),
      path: c.req.path,
      // The first line only: a failed query's message carries its parameters, which may hold personal data.
      error: String((error as Error)?.message ?? error)
        .split('\n')[0]!
        .slice(0, 300),
      cause:
        String((error as { cause?: { message?: string } })?.cause?.message ?? '').slice(0, 300) || undefined,
      stack: (error as Error)?.stack?.split('\n').slice(1, 6).join('\n'),
    });
  }
  return problemResponse(c, appError);
}
