import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { FiscalYear } from '@/types/api';

/** The fiscal years the programme has data for, with the current one marked. */
export function getFiscalYears(signal?: AbortSignal): Promise<{ items: FiscalYear[] }> {
  return apiClient.get<{ items: FiscalYear[] }>('/fiscal-years', { signal });
}

export function getFiscalYearsQueryOptions() {
  return queryOptions({
    queryKey: ['fiscal-years'],
    queryFn: ({ signal }) => getFiscalYears(signal),
    staleTime: 60 * 60_000,
  });
}

export function useFiscalYears() {
  return useQuery(getFiscalYearsQueryOptions());
}

/** The current fiscal year, or the latest one when none is marked current. */
export function currentFiscalYear(items: readonly FiscalYear[]): FiscalYear | undefined {
  return items.find((item) => item.isCurrent) ?? [...items].sort((a, b) => b.year - a.year)[0];
}
