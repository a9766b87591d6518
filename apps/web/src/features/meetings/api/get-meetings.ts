import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Meeting } from '../types';

/** The X meetings of one fiscal year. */
export function getMeetings({ fiscalYear }: { fiscalYear: number }, signal?: AbortSignal) {
  return apiClient.get<{ items: Meeting[] }>('/meetings', { query: { fy: fiscalYear }, signal });
}

export function getMeetingsQueryOptions({ fiscalYear }: { fiscalYear: number }) {
  return queryOptions({
    queryKey: ['meetings', 'list', { fiscalYear }],
    queryFn: ({ signal }) => getMeetings({ fiscalYear }, signal),
  });
}

export function useMeetings({ fiscalYear }: { fiscalYear: number | undefined }) {
  return useQuery({
    ...getMeetingsQueryOptions({ fiscalYear: fiscalYear ?? 0 }),
    enabled: fiscalYear !== undefined,
  });
}
