import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type CalendarFeedStatus = { isActive: boolean; createdAt: string | null; lastUsedAt: string | null };

const key = ['meetings', 'calendar-feed'] as const;

/** Whether the signed-in user has a private calendar feed. */
export function useCalendarFeedStatus() {
  return useQuery(
    queryOptions({
      queryKey: key,
      queryFn: ({ signal }) => apiClient.get<CalendarFeedStatus>('/calendar-feed', { signal }),
    }),
  );
}

/** Issues a new private feed URL (shown once) or revokes it. */
export function useCalendarFeedMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  return {
    issue: useMutation({
      mutationFn: () => apiClient.post<{ url: string; createdAt: string }>('/calendar-feed', undefined),
      onSuccess: refresh,
    }),
    revoke: useMutation({ mutationFn: () => apiClient.delete('/calendar-feed'), onSuccess: refresh }),
  };
}
