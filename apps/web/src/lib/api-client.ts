import type { LocalizedText } from '@/types/api';

/** The base path of the HTTP API; the web app and the API share one origin. */
export const API_BASE = '/api/v1';

/** An RFC 9457 problem body as the Totonoe API sends it. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  messages: LocalizedText;
  errors?: { path: string; messages: LocalizedText }[];
  requestId?: string;
};

/** A failed API call. `problem` is the server's problem body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, message?: string) {
    super(message ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The problem's code (`invalid_credentials`, `precondition_failed`…), or a local one. */
  get code(): string {
    if (this.problem) return this.problem.code;
    return this.status === 0 ? 'network_error' : 'http_error';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export type ApiResponse<T> = { data: T; status: number; etag: string | null };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return isObject(value) && typeof value.ja === 'string' && typeof value.en === 'string';
}

function asProblem(body: unknown): Problem | null {
  if (!isObject(body)) return null;
  if (typeof body.code !== 'string' || !isLocalizedText(body.messages)) return null;
  return body as Problem;
}

/** Builds `/api/v1/path?query`, leaving out empty query values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const queryString = search.toString();
  return `${API_BASE}${path}${queryString ? `?${queryString}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the API with the session cookie and JSON in and out. Resolves with the body and ETag;
 * rejects with an ApiError that carries the problem body (status 0 when the network failed).
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, options.headers);

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, error instanceof Error ? error.message : 'Network error');
  }

  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, asProblem(body));
  return { data: body as T, status: response.status, etag: response.headers.get('ETag') };
}

/** Shorthands that resolve with the body only. */
export const apiClient = {
  get: async <T>(path: string, options?: RequestOptions) => (await apiRequest<T>('GET', path, options)).data,
  post: async <T>(path: string, body: unknown, options?: RequestOptions) =>
    (await apiRequest<T>('POST', path, { ...options, body })).data,
  patch: async <T>(path: string, body: unknown, options?: RequestOptions) =>
    (await apiRequest<T>('PATCH', path, { ...options, body })).data,
  delete: async (path: string, options?: RequestOptions) => {
    await apiRequest<void>('DELETE', path, options);
  },
};

/** The If-Match value for a record read with an integer `version`. */
export function ifMatchOf(version: number): string {
  return `"${version}"`;
}
