import { createApp } from '../../app.ts';
import { type AppConfig, loadConfig } from '../../env.ts';
import { CacheStampMemo } from '../../lib/cache-invalidation.ts';
import { DEMO_PASSWORD } from '../../seed/demo-organisation.ts';
import { TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase } from '../../test/test-database.ts';

/**
 * Like createTestApp, with configuration read from the given environment (single sign-on, local
 * login switch…), on a private copy of the FY2024 demo database.
 */
export async function createConfiguredTestApp(
  environment: Record<string, string>,
): Promise<TestApp & { config: AppConfig }> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error', ...environment }), databaseUrl: undefined };
  const cacheStamps = new CacheStampMemo(database.kind);
  const app = createApp(
    { db: database.db, database, config, cache: new Map(), cacheStamps },
    { webRoot: '/nonexistent' },
  );

  const call: TestApp['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await app.request(`${TEST_ORIGIN}${path}`, {
      method,
      headers,
      body: body as RequestInit['body'],
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  const signIn: TestApp['signIn'] = async (login, password = DEMO_PASSWORD) => {
    const response = await call('POST', '/api/v1/session', { body: { login, password } });
    if (response.status !== 200)
      throw new Error(`sign-in of ${login} failed: ${response.status} ${response.text}`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  };

  return { app, database, config, call, signIn, cacheStamps, close: () => database.close() };
}
