import { API_BASE, ApiError, type Problem } from '@/lib/api-client';

/**
 * Sends a body the JSON client cannot (a multipart form with a file, or CSV text) with the session
 * cookie. Resolves with the JSON answer; rejects with an ApiError carrying the problem body.
 */
export async function sendRaw<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: FormData | Blob | string,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', ...headers },
    });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : 'Network error');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const problem =
      typeof parsed === 'object' && parsed !== null && 'code' in parsed && 'messages' in parsed
        ? (parsed as Problem)
        : null;
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}
