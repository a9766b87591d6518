import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Cluster, ClusterChanges } from '../types';
import { clustersQueryKey } from './get-clusters';

export type UpdateClusterInput = { id: string; fiscalYear: number; etag: string; changes: ClusterChanges };

/**
 * Saves changes to a cluster (reform office only). The server answers 412 when someone saved
 * in between (the ETag is stale) and 428 when If-Match is missing.
 */
export function updateCluster({ id, fiscalYear, etag, changes }: UpdateClusterInput): Promise<Cluster> {
  return apiClient.patch<Cluster>(`/clusters/${encodeURIComponent(id)}`, changes, {
    query: { fy: fiscalYear },
    headers: { 'If-Match': etag },
  });
}

export function useUpdateCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCluster,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clustersQueryKey }),
  });
}
