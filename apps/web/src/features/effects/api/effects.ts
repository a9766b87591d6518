import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Amounts, Effect, Ledger, Target } from '../types';

export const effectsQueryKey = ['effects'] as const;

/** The programme targets. */
export function useTargets() {
  return useQuery(
    queryOptions({
      queryKey: [...effectsQueryKey, 'targets'],
      queryFn: ({ signal }) => apiClient.get<{ items: Target[] }>('/targets', { signal }),
    }),
  );
}

/** The ledger against a target. */
export function useLedger(targetId: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...effectsQueryKey, 'ledger', targetId],
      queryFn: ({ signal }) =>
        apiClient.get<Ledger>(`/targets/${encodeURIComponent(targetId ?? '')}/ledger`, { signal }),
      enabled: targetId !== undefined,
    }),
  );
}

/** The lines booked against a target. */
export function useEffectLines(targetId: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...effectsQueryKey, 'lines', targetId],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: Effect[]; sum: Amounts }>('/effects', { query: { targetId }, signal }),
      enabled: targetId !== undefined,
    }),
  );
}

/** Books a line. */
export function useBookEffect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiClient.post<Effect>('/effects', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: effectsQueryKey }),
  });
}

/** Initiatives and analyses of a year, to name a line's source. */
export function useSources(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...effectsQueryKey, 'sources', fiscalYear],
      queryFn: async ({ signal }) => {
        const [initiatives, analyses] = await Promise.all([
          apiClient.get<{ items: { id: string; title: string; ownerOrgUnit: { name: string } }[] }>(
            '/initiatives',
            {
              query: { fy: fiscalYear },
              signal,
            },
          ),
          apiClient.get<{ items: { id: string; cluster: { number: number; name: string } }[] }>('/analyses', {
            query: { fy: fiscalYear },
            signal,
          }),
        ]);
        return { initiatives: initiatives.items, analyses: analyses.items };
      },
      enabled: fiscalYear !== undefined,
    }),
  );
}
