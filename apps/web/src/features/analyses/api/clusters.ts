import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClusterEvent } from '@/features/clusters/components/cluster-event-list';
import { apiClient } from '@/lib/api-client';
import type { Stage } from '../types';
import { analysesKey } from './analyses';

export type ClusterHistory = {
  id: string;
  version: number;
  owningOrgUnits: { id: string; name: string }[];
  revisions: {
    validFromFiscalYear: number;
    validToFiscalYear: number | null;
    number: number;
    name: string;
    group: { code: string; name: string };
    kind: { code: string; name: string } | null;
    changeKind: string;
    changeNote: string | null;
  }[];
  events: ClusterEvent[];
  analyses: { id: string; fiscalYear: number; stage: Stage; isClosed: boolean }[];
};

/** A cluster's history (public). */
export function useClusterHistory(clusterId: string) {
  return useQuery({
    queryKey: [...analysesKey, 'cluster-history', clusterId],
    queryFn: ({ signal }) =>
      apiClient.get<ClusterHistory>(`/clusters/${encodeURIComponent(clusterId)}/history`, { signal }),
  });
}

export type OpeningPreview = {
  year: number;
  isOpen: boolean;
  unfinished: {
    analysisId: string;
    cluster: { number: number; name: string };
    stage: Stage;
    canRollOver: boolean;
  }[];
};

/** What opening a fiscal year would carry over (reform office). */
export function useOpeningPreview(year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...analysesKey, 'opening', year ?? null],
    queryFn: ({ signal }) => apiClient.get<OpeningPreview>(`/fiscal-years/${year}/opening`, { signal }),
    enabled: enabled && year !== undefined,
  });
}

/** Opens a fiscal year with a decision for each unfinished analysis. */
export function useOpenFiscalYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      year,
      decisions,
    }: {
      year: number;
      decisions: { analysisId: string; action: 'roll_over' | 'close'; reason?: string }[];
    }) =>
      apiClient.post<{ year: number; isNewlyOpened: boolean; rolledOver: unknown[]; closed: unknown[] }>(
        `/fiscal-years/${year}/opening`,
        { decisions },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['fiscal-years'] });
      return queryClient.invalidateQueries({ queryKey: analysesKey });
    },
  });
}
