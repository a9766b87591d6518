import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Notification, NotificationPage } from '../types';

export const notificationsQueryKey = ['notifications'] as const;

/** A page of the signed-in person's notifications with the unread count. */
export function useNotifications({ page, pageSize = 20 }: { page: number; pageSize?: number }) {
  return useQuery(
    queryOptions({
      queryKey: [...notificationsQueryKey, { page, pageSize }],
      queryFn: ({ signal }) =>
        apiClient.get<NotificationPage>('/notifications', { query: { page, pageSize }, signal }),
      placeholderData: keepPreviousData,
    }),
  );
}

/** How many of the signed-in person's notifications are unread (for the header); refreshed every minute and on focus. */
export function useUnreadNotificationCount({ isEnabled }: { isEnabled: boolean }) {
  return useQuery(
    queryOptions({
      queryKey: [...notificationsQueryKey, 'unread-count'],
      queryFn: async ({ signal }) =>
        (
          await apiClient.get<NotificationPage>('/notifications', {
            query: { unread: 'true', pageSize: 1 },
            signal,
          })
        ).unreadCount,
      enabled: isEnabled,
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
      // A failed count leaves the link without a number; the inbox itself reports errors.
      retry: false,
    }),
  );
}

/** Marks one notification read, or all of them (id null). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null): Promise<void> => {
      if (id) await apiClient.post<Notification>(`/notifications/${encodeURIComponent(id)}/read`, undefined);
      else await apiClient.post<{ updated: number }>('/notifications/read-all', undefined);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
