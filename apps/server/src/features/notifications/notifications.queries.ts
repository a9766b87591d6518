import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationValues = Pick<NotificationRow, 'kind' | 'titleJa' | 'titleEn' | 'link'>;

/** Writes the same notification for several people (each once). */
export async function insertNotifications(
  db: Executor,
  recipientIds: readonly string[],
  values: NotificationValues,
) {
  const unique = [...new Set(recipientIds)];
  if (unique.length === 0) return;
  await db.insert(notifications).values(unique.map((recipientId) => ({ recipientId, ...values })));
}

/** Writes one notification and returns its id. */
export async function insertNotification(db: Executor, recipientId: string, values: NotificationValues) {
  const rows = await db
    .insert(notifications)
    .values({ recipientId, ...values })
    .returning({ id: notifications.id });
  return rows[0]!.id;
}

/** A page of one person's notifications, newest first, with the unread count. */
export async function listNotificationsFor(
  db: Executor,
  recipientId: string,
  options: { isUnreadOnly: boolean; page: number; pageSize: number },
) {
  const mine = eq(notifications.recipientId, recipientId);
  const where = options.isUnreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [items, totals, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ total: count() }).from(notifications).where(where),
    db
      .select({ total: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items, total: Number(totals[0]?.total ?? 0), unreadCount: Number(unread[0]?.total ?? 0) };
}

/** Marks one person's notifications read (all of them when ids is null); returns how many changed. */
export async function markNotificationsRead(
  db: Executor,
  recipientId: string,
  ids: readonly string[] | null,
) {
  const conditions = [eq(notifications.recipientId, recipientId), isNull(notifications.readAt)];
  if (ids) conditions.push(inArray(notifications.id, [...ids]));
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return rows.length;
}

/** One notification, only when it belongs to the person. */
export async function findNotificationFor(db: Executor, recipientId: string, id: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)))
    .limit(1);
  return rows[0] ?? null;
}
