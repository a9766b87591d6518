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
  if (!entry || entry.stamp !== stamp) entry = await buildOnce(cache, cacheKey, stamp, build);
  const headers = { etag: entry.etag, 'cache-control': 'no-cache', vary: 'Cookie' };
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, 200, { ...entry.headers, ...headers });
}

/** Builds under way, by cache and key: requests that find the same stale entry share one build. */
const buildsUnderWay = new WeakMap<
  Map<string, unknown>,
  Map<string, { stamp: string; entry: Promise<Entry> }>
>();

/**
 * Builds the entry of a key at a stamp and stores it; concurrent requests for the same key and
 * stamp (fifty readers right after a change) wait for that one build instead of each building it.
 */
function buildOnce(
  cache: Map<string, unknown>,
  cacheKey: string,
  stamp: string,
  build: () => Promise<CachedBody>,
): Promise<Entry> {
  let builds = buildsUnderWay.get(cache);
  if (!builds) {
    builds = new Map();
    buildsUnderWay.set(cache, builds);
  }
  const underWay = builds.get(cacheKey);
  if (underWay?.stamp === stamp) return underWay.entry;
  const entry = (async (): Promise<Entry> => {
    const built = await build();
    const body = typeof built.body === 'string' ? encoder.encode(built.body) : copyOf(built.body);
    const etag = `W/"${createHash('sha1').update(stamp).update(body).digest('base64url').slice(0, 20)}"`;
    const made: Entry = {
      stamp,
      body,
      etag,
      headers: { ...built.headers, 'content-type': built.contentType },
    };
    const current = cache.get(cacheKey) as Entry | undefined;
    // A build for a newer stamp may have finished first: never put an older answer over it.
    if (!current || current.stamp === made.stamp || !isNewer(current.stamp, made.stamp)) {
      if (!current && cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(cacheKey, made);
    }
    return made;
  })();
  const slot = { stamp, entry };
  builds.set(cacheKey, slot);
  const forget = () => {
    if (builds.get(cacheKey) === slot) builds.delete(cacheKey);
  };
  entry.then(forget, forget);
  return entry;
}

/** Whether stamp `a` names later versions than `b` of the same topics (versions only grow). */
function isNewer(a: string, b: string): boolean {
  const versionsOf = (stamp: string) =>
    stamp.split('|').map((part) => Number(part.slice(part.lastIndexOf(':') + 1)));
  const left = versionsOf(a);
  const right = versionsOf(b);
  return (
    left.length === right.length &&
    left.some((version, index) => version > right[index]!) &&
    left.every((version, index) => version >= right[index]!)
  );
}

function copyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}
