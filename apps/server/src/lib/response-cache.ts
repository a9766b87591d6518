import { createHash } from 'node:crypto';
import { fiscalYearOf } from '@totonoe/domain';
import { inArray, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Executor } from '../db/client.ts';
import { cacheVersions } from '../db/schema/index.ts';
import type { AppEnv } from './context.ts';

/** Names of cached resources; a write bumps each one it changes. */
export type CacheTopic = 'clusters' | 'analyses' | 'meetings' | 'org_units' | 'fiscal_years' | (string & {});

// The body is kept encoded: writing a string would encode it as UTF-8 again on every request.
type Entry = { stamp: string; body: Uint8Array<ArrayBuffer>; etag: string; headers: Record<string, string> };
const encoder = new TextEncoder();
const MAX_ENTRIES = 500;

/** Marks cached copies of the topics stale, in the writer's transaction. */
export async function bumpCacheVersion(tx: Executor, ...topics: CacheTopic[]): Promise<void> {
  for (const topic of topics) {
    await tx
      .insert(cacheVersions)
      .values({ key: topic, version: 1 })
      .onConflictDoUpdate({ target: cacheVersions.key, set: { version: sql`${cacheVersions.version} + 1` } });
  }
}

async function currentStamp(db: Executor, topics: CacheTopic[]): Promise<string> {
  const rows = await db.select().from(cacheVersions).where(inArray(cacheVersions.key, topics));
  const versions = new Map(rows.map((row) => [row.key, row.version]));
  return topics.map((topic) => `${topic}:${versions.get(topic) ?? 0}`).join('|');
}

/** The part of a cache key naming the fiscal year asked for: the year, or today's when none is named. */
export function fiscalYearCacheKey(requested: number | undefined): string {
  return requested === undefined ? `current-${fiscalYearOf(new Date())}` : String(requested);
}

/** A body built for the cache: its bytes, its content type and any further headers (e.g. a file name). */
export type CachedBody = { body: Uint8Array | string; contentType: string; headers?: Record<string, string> };

/**
 * Serves a JSON body that only changes when the given topics do: one small query checks the
 * topic versions (remembered, or shared between concurrent requests: see CacheStampMemo), and the
 * serialised body is reused while they stand. Answers 304 to a matching
 * If-None-Match. Only for responses that are the same for every caller who may see them.
 */
export async function cachedJson(
  c: Context<AppEnv>,
  options: { key: string; topics: CacheTopic[]; build: () => Promise<unknown> },
): Promise<Response> {
  return serveCached(c, `json:${options.key}`, options.topics, async () => ({
    body: JSON.stringify(await options.build()),
    contentType: 'application/json; charset=utf-8',
  }));
}

/**
 * The same as cachedJson for any body (CSV, a file in another encoding): `build` gives the bytes,
 * their content type and further headers, kept with the body. The key names the body with
 * everything it depends on besides the topics (query parameters, encoding).
 */
export async function cachedBody(
  c: Context<AppEnv>,
  options: { key: string; topics: CacheTopic[]; build: () => Promise<CachedBody> },
): Promise<Response> {
  return serveCached(c, `body:${options.key}`, options.topics, options.build);
}

async function serveCached(
  c: Context<AppEnv>,
  cacheKey: string,
  topics: CacheTopic[],
  build: () => Promise<CachedBody>,
): Promise<Response> {
  const { db, cache, cacheStamps } = c.get('services');
  const stamp = await cacheStamps.read(topics.join('|'), () => currentStamp(db, topics));
  let entry = cache.get(cacheKey) as Entry | undefined;
  if (!entry || entry.stamp !== stamp) {
    const built = await build();
    const body = typeof built.body === 'string' ? encoder.encode(built.body) : copyOf(built.body);
    const etag = `W/"${createHash('sha1').update(stamp).update(body).digest('base64url').slice(0, 20)}"`;
    entry = { stamp, body, etag, headers: { ...built.headers, 'content-type': built.contentType } };
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, entry);
  }
  const headers = { etag: entry.etag, 'cache-control': 'no-cache', vary: 'Cookie' };
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, 200, { ...entry.headers, ...headers });
}

function copyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}
