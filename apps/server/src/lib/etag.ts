import type { Context } from 'hono';
import { AppError } from './errors.ts';

/** The ETag of a record with an integer version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads If-Match as a version number; 428 when it is missing, 412 when it is not one of ours. */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw new AppError('precondition_required');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed');
  return Number(match[1]);
}

/** 412 unless the stored version is the one the client read. */
export function assertVersion(expected: number, actual: number): void {
  if (expected !== actual) throw new AppError('precondition_failed');
}
