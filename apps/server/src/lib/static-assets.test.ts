import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../env.ts';
import { CacheStampMemo } from './cache-invalidation.ts';
import type { App } from './context.ts';

// The web build's output as apps/web/vite.config.ts leaves it: each script and style sheet with a
// .br and a .gz beside it. No database is touched: static files are served before any route.
const script = Buffer.from(`console.log(${JSON.stringify('整える '.repeat(400))});\n`);
const style = Buffer.from(`body { color: #1a1a1c; }\n${'.x { margin: 0 }\n'.repeat(200)}`);
let webRoot: string;
let app: App;

beforeAll(() => {
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'totonoe-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Totonoe</title>');
  for (const [name, body] of [
    ['index-abc.js', script],
    ['index-abc.css', style],
  ] as const) {
    writeFileSync(path.join(webRoot, 'assets', name), body);
    writeFileSync(path.join(webRoot, 'assets', `${name}.br`), brotliCompressSync(body));
    writeFileSync(path.join(webRoot, 'assets', `${name}.gz`), gzipSync(body));
  }
  writeFileSync(path.join(webRoot, 'assets', 'plain-def.js'), 'export {};\n');
  const config = { ...loadConfig({ TOTONOE_LOG_LEVEL: 'error' }), databaseUrl: undefined };
  const database = {} as never;
  app = createApp(
    { db: database, database, config, cache: new Map(), cacheStamps: new CacheStampMemo('embedded') },
    { webRoot },
  );
});
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

const get = async (file: string, acceptEncoding?: string) => {
  const response = await app.request(`http://totonoe.test${file}`, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe('the web app’s scripts and styles', () => {
  it('go as Brotli to a browser that accepts it, with Vary, the type of the file and a year’s caching', async () => {
    const { response, bytes } = await get('/assets/index-abc.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(bytes).equals(script)).toBe(true);
  });

  it('go as gzip when only gzip is accepted', async () => {
    const { response, bytes } = await get('/assets/index-abc.css', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
    expect(gunzipSync(bytes).equals(style)).toBe(true);
  });

  it('go as they are, still with Vary, when no encoding is accepted', async () => {
    const { response, bytes } = await get('/assets/index-abc.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(bytes.equals(script)).toBe(true);
  });

  it('go as they are when the build wrote no compressed copy (a file under 1 KB)', async () => {
    const { response, bytes } = await get('/assets/plain-def.js', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(bytes.toString()).toBe('export {};\n');
  });

  it('a script that is not there is never cached for long (an old page asking for a replaced chunk)', async () => {
    const { response } = await get('/assets/gone-123.js', 'br, gzip');
    expect(response.headers.get('cache-control')).not.toContain('immutable');
  });

  it('the page itself is never cached for long (it names the current scripts)', async () => {
    const { response, bytes } = await get('/progress', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(bytes.toString()).toContain('<title>Totonoe</title>');
  });
});
