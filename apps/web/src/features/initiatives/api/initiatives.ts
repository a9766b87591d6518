import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type {
  EffectLine,
  Initiative,
  InitiativeCounts,
  InitiativeFilter,
  InitiativeItem,
  Roadmap,
} from '../types';

export const initiativesQueryKey = ['initiatives'] as const;

function queryOf(filter: InitiativeFilter) {
  return {
    fy: filter.fy,
    status: filter.status,
    health: filter.health,
    sourceKind: filter.sourceKind,
    ownerOrgUnitId: filter.ownerOrgUnitId,
    updateDue: filter.updateDue ? 'true' : undefined,
    overdue: filter.overdue ? 'true' : undefined,
    mine: filter.mine ? 'true' : undefined,
  };
}

/** Initiatives matching a filter. */
export function useInitiatives(filter: InitiativeFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...initiativesQueryKey, 'list', filter],
      queryFn: ({ signal }) =>
        apiClient.get<{ fiscalYear: number; asOf: string; items: InitiativeItem[] }>('/initiatives', {
          query: queryOf(filter),
          signal,
        }),
    }),
  );
}

/** Counts by status, health and source, and how many owe an update. */
export function useInitiativeCounts(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...initiativesQueryKey, 'summary', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<InitiativeCounts>('/initiatives/summary', { query: { fy: fiscalYear }, signal }),
    }),
  );
}

/** The 工程表 of the initiatives matching a filter. */
export function useRoadmap(filter: InitiativeFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...initiativesQueryKey, 'roadmap', filter],
      queryFn: ({ signal }) =>
        apiClient.get<Roadmap>('/initiatives/roadmap', { query: queryOf(filter), signal }),
    }),
  );
}

/** One initiative. */
export function useInitiative(initiativeId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...initiativesQueryKey, 'detail', initiativeId],
      queryFn: ({ signal }) =>
        apiClient.get<Initiative>(`/initiatives/${encodeURIComponent(initiativeId)}`, { signal }),
    }),
  );
}

/** Registers an initiative. */
export function useCreateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiClient.post<Initiative>('/initiatives', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: initiativesQueryKey }),
  });
}

type InitiativeCall = { method: 'PATCH' | 'PUT' | 'POST'; path: string; body: unknown };

/** Every write on one initiative, under If-Match with the version read; all answer with the initiative. */
export function useInitiativeAction(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ call, version }: { call: InitiativeCall; version: number }) =>
      (
        await apiRequest<Initiative>(
          call.method,
          `/initiatives/${encodeURIComponent(initiativeId)}${call.path}`,
          {
            body: call.body,
            headers: { 'If-Match': ifMatchOf(version) },
          },
        )
      ).data,
    onSuccess: (initiative) => {
      queryClient.setQueryData([...initiativesQueryKey, 'detail', initiativeId], initiative);
      void queryClient.invalidateQueries({ queryKey: initiativesQueryKey });
    },
  });
}

/** The ledger lines booked for an initiative (only those who may read the ledger get them). */
export function useInitiativeEffects(initiativeId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['effects', 'by-initiative', initiativeId],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: EffectLine[] }>('/effects', {
          query: { sourceKind: 'initiative', sourceId: initiativeId },
          signal,
        }),
      retry: false,
    }),
  );
}

/** Org units, clusters, bureau policies and analyses, for the registration form. */
export function useReference<T>(
  key: string,
  path: string,
  query?: Record<string, string | number | undefined>,
) {
  return useQuery(
    queryOptions({
      queryKey: ['initiatives-reference', key, query],
      queryFn: ({ signal }) => apiClient.get<{ items: T[] }>(path, { query, signal }),
      staleTime: 5 * 60_000,
    }),
  );
}
