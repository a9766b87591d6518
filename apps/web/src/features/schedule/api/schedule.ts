import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { Schedule, ScheduleEntry, ScheduleEntryInput } from '../types';

const key = ['schedule'] as const;

/** The year's schedule (年間日程). */
export function getScheduleQueryOptions(fiscalYear: number | undefined) {
  return queryOptions({
    queryKey: [...key, fiscalYear ?? null],
    queryFn: ({ signal }) => apiClient.get<Schedule>('/schedule', { query: { fy: fiscalYear }, signal }),
  });
}

export function useSchedule(fiscalYear: number | undefined) {
  return useQuery(getScheduleQueryOptions(fiscalYear));
}

/** Adds, changes or removes a hand-kept entry (reform office); the schedule is read again afterwards. */
export function useSaveScheduleEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      change:
        | { action: 'create'; fiscalYear: number; input: ScheduleEntryInput }
        | { action: 'update'; entry: ScheduleEntry; input: ScheduleEntryInput }
        | { action: 'delete'; entry: ScheduleEntry },
    ) => {
      if (change.action === 'create') {
        return apiClient.post<ScheduleEntry>('/schedule/entries', {
          fiscalYear: change.fiscalYear,
          ...change.input,
        });
      }
      const headers = { 'If-Match': ifMatchOf(change.entry.version ?? 0) };
      if (change.action === 'update') {
        return (
          await apiRequest<ScheduleEntry>('PATCH', `/schedule/entries/${change.entry.id}`, {
            body: change.input,
            headers,
          })
        ).data;
      }
      await apiRequest<void>('DELETE', `/schedule/entries/${change.entry.id}`, { headers });
      return null;
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
