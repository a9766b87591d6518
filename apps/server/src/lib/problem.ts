import type { Context } from 'hono';
import { type AppError, ERROR_CATALOG, type ErrorCode, type FieldError } from './errors.ts';

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  messages: { ja: string; en: string };
  errors?: FieldError[];
  requestId: string | undefined;
};

/** Chooses Japanese unless the client prefers English. */
export function preferredLocale(acceptLanguage: string | undefined): 'ja' | 'en' {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/** Builds the RFC 9457 body for an AppError. */
export function problemBody(
  error: AppError,
  requestId: string | undefined,
  locale: 'ja' | 'en',
): ProblemBody {
  return {
    type: `urn:totonoe:problem:${error.code}`,
    title: ERROR_CATALOG[error.code].en,
    status: error.status,
    code: error.code,
    detail: error.messages[locale],
    messages: error.messages,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    requestId,
  };
}

/** Answers with application/problem+json for an AppError. */
export function problemResponse(c: Context, error: AppError): Response {
  const body = problemBody(error, c.get('requestId'), preferredLocale(c.req.header('accept-language')));
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
    ...error.headers,
  };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
