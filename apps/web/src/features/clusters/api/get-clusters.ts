import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ClusterRegister } from '../types';

export const clustersQueryKey = ['clusters'] as const;

/** Which register to read: a fiscal year, and optionally one bureau's clusters or one analysis stage. */
export type ClusterListFilter = {
  fiscalYear?: number | undefined;
  orgUnit?: string | undefined;
  stage?: string | undefined;
};

/** The cluster register of a fiscal year (the server's current year when none is given). Public. */
export function getClusters({ fiscalYear, orgUnit, stage }: ClusterListFilter, signal?: AbortSignal) {
  return apiClient.get<ClusterRegister>('/clusters', { query: { fy: fiscalYear, orgUnit, stage }, signal });
}

export function getClustersQueryOptions(filter: ClusterListFilter) {
  return queryOptions({
    queryKey: [
      ...clustersQueryKey,
      'list',
      { fiscalYear: filter.fiscalYear ?? null, orgUnit: filter.orgUnit ?? null, stage: filter.stage ?? null },
    ],
    queryFn: ({ signal }) => getClusters(filter, signal),
  });
}

export function useClusters(filter: ClusterListFilter) {
  return useQuery(getClustersQueryOptions(filter));
}
