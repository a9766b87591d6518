import { createApp } from '../app.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loadConfig } from '../env.ts';
import { CacheStampMemo } from '../lib/cache-invalidation.ts';
import type { App } from '../lib/context.ts';
import { DEMO_PASSWORD } from '../seed/demo-organisation.ts';
import { createTestDatabase } from './test-database.ts';

export const TEST_ORIGIN = 'http://totonoe.test';

export type CallOptions = {
  body?: unknown;
  rawBody?: string | Uint8Array;
  cookie?: string | null;
  headers?: Record<string, string>;
};

export type TestResponse = { status: number; headers: Headers; body: unknown; text: string };

export type TestApp = {
  app: App;
  database: DatabaseHandle;
  /** Calls the API in-process as a browser on the app's own origin would. */
  call: (method: string, path: string, options?: CallOptions) => Promise<TestResponse>;
  /** Signs a demo user in and returns the cookie header to send. */
  signIn: (login: string, password?: string) => Promise<string>;
  /** The app's cache stamps: a test that writes with plain SQL on the embedded database clears them. */
  cacheStamps: CacheStampMemo;
  close: () => Promise<void>;
};

/** A fresh app on a private copy of the FY2024 demo database. */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error' }), databaseUrl: undefined };
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
    const cookie = response.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0]!;
  };

  return { app, database, call, signIn, cacheStamps, close: () => database.close() };
}
