import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, ifMatchOf } from '@/lib/api-client';
import type { ClusterDetail } from '../types';
import { clustersQueryKey } from './get-clusters';

export type ClusterWithEtag = { cluster: ClusterDetail; etag: string };

/**
 * One cluster with the ETag to send back as If-Match when saving. `fy` names the fiscal year
 * whose analysis-target flag is being edited.
 */
export async function getCluster(
  { id, fiscalYear }: { id: string; fiscalYear: number },
  signal?: AbortSignal,
): Promise<ClusterWithEtag> {
  const response = await apiRequest<ClusterDetail>('GET', `/clusters/${encodeURIComponent(id)}`, {
    query: { fy: fiscalYear },
    signal,
  });
  return { cluster: response.data, etag: response.etag ?? ifMatchOf(response.data.version) };
}

export function getClusterQueryOptions({ id, fiscalYear }: { id: string; fiscalYear: number }) {
  return queryOptions({
    queryKey: [...clustersQueryKey, 'detail', id, { fiscalYear }],
    queryFn: ({ signal }) => getCluster({ id, fiscalYear }, signal),
    // Always read afresh before editing, so the ETag is the newest.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCluster({ id, fiscalYear }: { id: string; fiscalYear: number }) {
  return useQuery(getClusterQueryOptions({ id, fiscalYear }));
}
