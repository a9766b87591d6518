import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OrgUnit } from '../types';

export const orgUnitsQueryKey = ['org-units'] as const;

/** Every org unit, past and present (the tree is built on the client). */
export function getOrgUnits(signal?: AbortSignal) {
  return apiClient.get<{ items: OrgUnit[] }>('/org-units', { signal });
}

export function getOrgUnitsQueryOptions() {
  return queryOptions({
    queryKey: [...orgUnitsQueryKey, 'list'],
    queryFn: ({ signal }) => getOrgUnits(signal),
    staleTime: 5 * 60_000,
  });
}

export function useOrgUnits() {
  return useQuery(getOrgUnitsQueryOptions());
}
