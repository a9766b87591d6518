import { API_BASE, ApiError, type Problem } from '@/lib/api-client';

/**
 * Sends a multipart form (file uploads) with the session cookie; the browser sets the boundary.
 * Resolves with the JSON body; rejects with an ApiError carrying the problem body.
 */
export async function sendForm<T>(
  method: 'POST' | 'PUT',
  path: string,
  form: FormData,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', ...headers },
    });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : 'Network error');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem =
      typeof body === 'object' && body !== null && 'code' in body && 'messages' in body
        ? (body as Problem)
        : null;
    throw new ApiError(response.status, problem);
  }
  return body as T;
}
