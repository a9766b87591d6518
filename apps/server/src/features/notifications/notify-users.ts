import type { Executor } from '../../db/client.ts';
import { insertNotification, insertNotifications, type NotificationValues } from './notifications.queries.ts';

/**
 * Sends an in-app notification to each person once, inside the caller's transaction so it exists
 * exactly when the change it reports does. Titles must never name an anonymous author.
 */
export async function notifyUsers(
  tx: Executor,
  recipientIds: readonly string[],
  notification: NotificationValues,
) {
  assertInternalLink(notification.link);
  await insertNotifications(tx, recipientIds, notification);
}

/** Sends one in-app notification to one person, like notifyUsers, and returns its id. */
export async function notifyUser(
  tx: Executor,
  recipientId: string,
  notification: NotificationValues,
): Promise<string> {
  assertInternalLink(notification.link);
  return insertNotification(tx, recipientId, notification);
}

function assertInternalLink(link: string | null) {
  if (link !== null && (!link.startsWith('/') || link.startsWith('//'))) {
    throw new RangeError('A notification link must be a path inside the app');
  }
}
