import { z } from '@hono/zod-openapi';
import type { NotificationRow } from './notifications.queries.ts';

export const notificationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    title: z.object({ ja: z.string(), en: z.string() }),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

/** Shapes a notification for its recipient. */
export function presentNotification(row: NotificationRow): z.infer<typeof notificationSchema> {
  return {
    id: row.id,
    kind: row.kind,
    title: { ja: row.titleJa, en: row.titleEn },
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
