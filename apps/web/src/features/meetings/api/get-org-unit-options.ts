import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OrgUnitOption } from '../types';

/** The org units, for choosing a presenter or an owner. */
export function useOrgUnitOptions() {
  return useQuery(
    queryOptions({
      queryKey: ['meetings', 'org-unit-options'],
      queryFn: ({ signal }) => apiClient.get<{ items: OrgUnitOption[] }>('/org-units', { signal }),
      staleTime: 10 * 60_000,
    }),
  );
}
