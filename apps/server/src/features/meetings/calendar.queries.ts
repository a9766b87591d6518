import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendarFeedTokens, users } from '../../db/schema/index.ts';

/** The user's feed that is in use, or null. */
export async function findActiveFeed(db: Executor, userId: string) {
  const rows = await db
    .select()
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** The feed with this token hash and its user, when neither the feed is revoked nor the user deactivated. */
export async function findFeedByTokenHash(db: Executor, tokenHash: string) {
  const rows = await db
    .select({
      id: calendarFeedTokens.id,
      userId: calendarFeedTokens.userId,
      lastUsedAt: calendarFeedTokens.lastUsedAt,
    })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(
      and(
        eq(calendarFeedTokens.tokenHash, tokenHash),
        isNull(calendarFeedTokens.revokedAt),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/** Revokes every feed of the user; returns how many were in use. */
export async function revokeFeeds(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(calendarFeedTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
    .returning({ id: calendarFeedTokens.id });
  return rows.length;
}

/** Stores a new feed token hash. */
export async function insertFeed(db: Executor, userId: string, tokenHash: string) {
  const rows = await db.insert(calendarFeedTokens).values({ userId, tokenHash }).returning();
  return rows[0]!;
}

/** Notes when a feed was last fetched. */
export async function touchFeed(db: Executor, id: string, at: Date) {
  await db.update(calendarFeedTokens).set({ lastUsedAt: at }).where(eq(calendarFeedTokens.id, id));
}
