import type { Executor } from '../../db/client.ts';
import { insertNotifications, type NotificationValues } from './notifications.queries.ts';

/**
 * Sends an in-app notification to each person once, inside the caller's transaction so it exists
 * exactly when the change it reports does. Titles must never name an anonymous author.
 */
export async function notifyUsers(
  tx: Executor,
  recipientIds: readonly string[],
  notification: NotificationValues,
) {
  if (notification.link !== null && !notification.link.startsWith('/')) {
    throw new RangeError('A notification link must be a path inside the app');
  }
  await insertNotifications(tx, recipientIds, notification);
}
