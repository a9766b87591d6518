import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ClusterRegister } from '../types';

export const clustersQueryKey = ['clusters'] as const;

/** The cluster register of a fiscal year (the server's current year when none is given). Public. */
export function getClusters({ fiscalYear }: { fiscalYear?: number | undefined }, signal?: AbortSignal) {
  return apiClient.get<ClusterRegister>('/clusters', { query: { fy: fiscalYear }, signal });
}

export function getClustersQueryOptions({ fiscalYear }: { fiscalYear?: number | undefined }) {
  return queryOptions({
    queryKey: [...clustersQueryKey, 'list', { fiscalYear: fiscalYear ?? null }],
    queryFn: ({ signal }) => getClusters({ fiscalYear }, signal),
  });
}

export function useClusters({ fiscalYear }: { fiscalYear?: number | undefined }) {
  return useQuery(getClustersQueryOptions({ fiscalYear }));
}
