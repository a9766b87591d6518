import { eq } from 'drizzle-orm';
import { cacheVersions } from '../../db/schema/index.ts';
import type { Services } from '../../lib/context.ts';

/** Bumped (drizzle 0026) when an idea is added or removed or its campaign, theme, status, issue or author changes, or an issue's status does. */
export const IDEA_TOTALS_TOPIC = 'platinum_idea_totals';
const MAX_ENTRIES = 500;

// The count is kept as a promise: requests arriving while it runs share it rather than each counting.
type Entry = { stamp: string; total: Promise<number> };

/**
 * Where a list's total comes from: how many ideas a filter matches, kept per process while the totals topic stands. A total
 * does not move with supports (the topic is never bumped by one), so under a thousand supports a
 * second the cached total stays valid while every page is still read live. `key` is null when the
 * total depends on who asks (their own withdrawn ideas, "mine", search words): then it is counted.
 * The stamp is read before counting, so a total counted across a write is kept under the older
 * stamp and never served after it.
 */
export async function ideaTotalSource(
  services: Pick<Services, 'db' | 'cache' | 'cacheStamps'>,
  key: string | null,
  count: () => Promise<number>,
): Promise<() => Promise<number>> {
  if (key === null) return count;
  const { db, cache, cacheStamps } = services;
  const stamp = await cacheStamps.read(IDEA_TOTALS_TOPIC, async () => {
    const rows = await db
      .select({ version: cacheVersions.version })
      .from(cacheVersions)
      .where(eq(cacheVersions.key, IDEA_TOTALS_TOPIC));
    return `${IDEA_TOTALS_TOPIC}:${rows[0]?.version ?? 0}`;
  });
  const cacheKey = `platinum-idea-total:${key}`;
  const entry = cache.get(cacheKey) as Entry | undefined;
  if (entry && entry.stamp === stamp) return () => entry.total;
  return () => {
    const total = count();
    if (cache.size >= MAX_ENTRIES && !cache.has(cacheKey)) cache.delete(cache.keys().next().value!);
    const fresh: Entry = { stamp, total };
    cache.set(cacheKey, fresh);
    // A failed count is not kept.
    total.catch(() => {
      if (cache.get(cacheKey) === fresh) cache.delete(cacheKey);
    });
    return total;
  };
}
