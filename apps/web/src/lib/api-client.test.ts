import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiClient, apiRequest, apiUrl } from './api-client';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('prefixes the API base and leaves out empty query values', () => {
    expect(apiUrl('/users', { q: '市', page: 2, role: undefined, active: '' })).toBe(
      '/api/v1/users?q=%E5%B8%82&page=2',
    );
  });
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and returns the body and the ETag', async () => {
    const fetchMock = vi.fn(async () =>
      respond(200, { id: 'a' }, { 'content-type': 'application/json', etag: '"3"' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const response = await apiRequest<{ id: string }>('PATCH', '/clusters/a', {
      body: { name: 'x' },
      headers: { 'If-Match': '"2"' },
    });
    expect(response).toEqual({ data: { id: 'a' }, status: 200, etag: '"3"' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/clusters/a');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"x"}');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', 'If-Match': '"2"' });
  });

  it('throws an ApiError carrying the problem body', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Precondition Failed',
      status: 412,
      code: 'precondition_failed',
      messages: { ja: '他の人が更新しました。', en: 'Someone else saved.' },
      requestId: 'r1',
    };
    vi.stubGlobal('fetch', async () => respond(412, problem, { 'content-type': 'application/problem+json' }));
    const error = await apiClient.get('/clusters/a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
    expect((error as ApiError).code).toBe('precondition_failed');
    expect((error as ApiError).problem?.messages.ja).toBe('他の人が更新しました。');
  });

  it('reports a network failure as status 0 and a non-problem error body as no problem', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiClient.get('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiClient.get('/me')).rejects.toMatchObject({ status: 502, problem: null });
  });

  it('resolves 204 with no body', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiClient.delete('/session')).resolves.toBeUndefined();
  });
});
