/** A notification as `GET /api/v1/notifications` sends it. */
export type Notification = {
  id: string;
  kind: string;
  title: { ja: string; en: string };
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationPage = {
  items: Notification[];
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
};
