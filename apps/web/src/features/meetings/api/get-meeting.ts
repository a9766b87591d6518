import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, ifMatchOf } from '@/lib/api-client';
import type { MeetingDetail } from '../types';

export const meetingsQueryKey = ['meetings'] as const;

export type MeetingWithEtag = { meeting: MeetingDetail; etag: string };

/** One meeting's whole record, with the ETag to send back as If-Match. */
export async function getMeeting(id: string, signal?: AbortSignal): Promise<MeetingWithEtag> {
  const response = await apiRequest<MeetingDetail>('GET', `/meetings/${encodeURIComponent(id)}`, { signal });
  return { meeting: response.data, etag: response.etag ?? ifMatchOf(response.data.version) };
}

export function getMeetingQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...meetingsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getMeeting(id, signal),
  });
}

export function useMeeting(id: string) {
  return useQuery(getMeetingQueryOptions(id));
}
