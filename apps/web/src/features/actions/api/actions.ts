import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest } from '@/lib/api-client';
import type { Page } from '@/types/api';
import type { Action, ActionDetail, ActionStatus, ActionsSearch } from '../types';

const actionsKey = ['actions'] as const;

/** The actions of the user's units (or all), open ones first, soonest due first. */
export function useActions(search: ActionsSearch) {
  return useQuery(
    queryOptions({
      queryKey: [...actionsKey, 'list', search],
      queryFn: ({ signal }) =>
        apiClient.get<Page<Action> & { today: string }>('/actions', {
          signal,
          query: {
            owner: search.owner === 'all' ? undefined : 'mine',
            status: search.status === 'open' ? 'open,in_progress,reported' : search.status,
            overdue: search.overdue ? 'true' : undefined,
            pageSize: 200,
          },
        }),
    }),
  );
}

/** One action with its history and what the user may do with it, and its ETag. */
export function useAction(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...actionsKey, 'detail', id],
      queryFn: async ({ signal }) => {
        const response = await apiRequest<ActionDetail>('GET', `/actions/${encodeURIComponent(id)}`, {
          signal,
        });
        return { action: response.data, etag: response.etag ?? `"${response.data.version}"` };
      },
      staleTime: 0,
    }),
  );
}

/** The meetings of a fiscal year, to name the one that reviewed an action when it is closed. */
export function useMeetingsOfYear(fiscalYear: number) {
  return useQuery(
    queryOptions({
      queryKey: [...actionsKey, 'meetings', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: { id: string; sequence: number; title: string }[] }>('/meetings', {
          query: { fy: fiscalYear },
          signal,
        }),
    }),
  );
}

export type ProgressInput = {
  id: string;
  etag: string;
  body: string;
  status?: ActionStatus;
  reviewedAtMeetingId?: string;
};

/** Reports progress on an action (and moves its status), guarded by If-Match. */
export function useReportProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, body, status, reviewedAtMeetingId }: ProgressInput) =>
      apiClient.post<Action>(
        `/actions/${encodeURIComponent(id)}/updates`,
        { body, ...(status ? { status } : {}), ...(reviewedAtMeetingId ? { reviewedAtMeetingId } : {}) },
        { headers: { 'If-Match': etag } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionsKey }),
  });
}
