import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CacheStampMemo } from './cache-invalidation.ts';
import type { AppEnv } from './context.ts';
import { cachedJson } from './response-cache.ts';

/**
 * An app with one cached route whose builds the test releases by hand. The stamps are set in the
 * embedded memo beforehand, as a read of cache_versions would leave them, so no database is needed.
 */
function appWithGatedBuild() {
  const memo = new CacheStampMemo('embedded');
  const cache = new Map<string, unknown>();
  const gates: (() => void)[] = [];
  let builds = 0;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', { cache, cacheStamps: memo } as never);
    await next();
  });
  app.get('/figures', (c) =>
    cachedJson(c, {
      key: 'figures',
      topics: ['figures'],
      build: async () => {
        const build = ++builds;
        await new Promise<void>((resolve) => gates.push(resolve));
        return { build };
      },
    }),
  );
  const setStamp = async (version: number) => {
    memo.clear();
    await memo.read('figures', async () => `figures:${version}`);
  };
  return {
    setStamp,
    get: async () => (await app.request('/figures')).json() as Promise<{ build: number }>,
    releaseAll: () => {
      for (const open of gates.splice(0)) open();
    },
    release: (index: number) => gates.splice(index, 1)[0]!(),
    get builds() {
      return builds;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cached answers right after a change', () => {
  it('are built once for every request that arrives while the build runs', async () => {
    const t = appWithGatedBuild();
    await t.setStamp(1);
    const answers = Array.from({ length: 20 }, () => t.get());
    await tick();
    expect(t.builds).toBe(1);
    t.releaseAll();
    expect(new Set((await Promise.all(answers)).map((answer) => answer.build))).toEqual(new Set([1]));

    // A change: the next readers share the next build, and later ones read it from the cache.
    await t.setStamp(2);
    const next = Array.from({ length: 5 }, () => t.get());
    await tick();
    t.releaseAll();
    expect((await Promise.all(next)).map((answer) => answer.build)).toEqual([2, 2, 2, 2, 2]);
    expect(await t.get()).toEqual({ build: 2 });
    expect(t.builds).toBe(2);
  });

  it('never let an older build that finishes last replace a newer answer', async () => {
    const t = appWithGatedBuild();
    await t.setStamp(1);
    const older = t.get();
    await tick();
    await t.setStamp(2);
    const newer = t.get();
    await tick();
    expect(t.builds).toBe(2);
    t.release(1); // the build for stamp 2 ends first
    expect(await newer).toEqual({ build: 2 });
    t.release(0);
    expect(await older).toEqual({ build: 1 });
    expect(await t.get()).toEqual({ build: 2 });
    expect(t.builds).toBe(2);
  });
});
