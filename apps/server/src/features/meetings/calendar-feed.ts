import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { insertFeed, revokeFeeds } from './calendar.queries.ts';

/** The stored form of a feed token: its SHA-256, so a copy of the database cannot read anyone's feed. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new private calendar feed token for the user, revoking the one before; the token is shown once. */
export async function issueCalendarFeed(tx: Transaction, options: { userId: string; actor: Actor }) {
  await revokeFeeds(tx, options.userId);
  const token = randomBytes(32).toString('base64url');
  const feed = await insertFeed(tx, options.userId, feedTokenHash(token));
  await recordAudit(tx, options.actor, {
    action: 'calendar_feed.issue',
    entityType: 'calendar_feed',
    entityId: feed.id,
    after: { userId: options.userId, createdAt: feed.createdAt },
  });
  return { token, feed };
}

/** Revokes the user's private calendar feed; its URL stops working at once. */
export async function revokeCalendarFeed(tx: Transaction, options: { userId: string; actor: Actor }) {
  const revoked = await revokeFeeds(tx, options.userId);
  if (revoked > 0) {
    await recordAudit(tx, options.actor, {
      action: 'calendar_feed.revoke',
      entityType: 'calendar_feed',
      entityId: options.userId,
    });
  }
  return revoked;
}
