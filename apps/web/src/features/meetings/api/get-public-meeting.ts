import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicMeeting } from '../types';

/** Exactly the published parts of a public meeting, whoever asks (view=public). */
export function getPublicMeeting(id: string, signal?: AbortSignal) {
  return apiClient.get<PublicMeeting>(`/meetings/${encodeURIComponent(id)}`, {
    query: { view: 'public' },
    signal,
  });
}

export function usePublicMeeting(id: string) {
  return useQuery(
    queryOptions({
      queryKey: ['meetings', 'public', id],
      queryFn: ({ signal }) => getPublicMeeting(id, signal),
    }),
  );
}
