import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { PublicResponses } from '../types';

/** The responses announced in a fiscal year (public; the current year when none is given). */
export function usePublicResponses(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: ['platinum', 'public-responses', fiscalYear ?? 'current'],
      queryFn: ({ signal }) =>
        apiClient.get<PublicResponses>('/public/platinum-responses', { query: { fy: fiscalYear }, signal }),
    }),
  );
}
