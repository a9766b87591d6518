import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest } from '@/lib/api-client';
import type { Agenda, AgendaItemKind, AgendaProposal } from '../types';
import { meetingsQueryKey } from './get-meeting';

export type AgendaItemInput = {
  kind: AgendaItemKind;
  title: string;
  presenterOrgUnitId?: string | null;
  note?: string | null;
  links?: AgendaProposal['links'];
};

/** What is due at the meeting and not yet on its agenda (reform office). */
export function getAgendaProposals(meetingId: string, signal?: AbortSignal) {
  return apiClient.get<{ items: AgendaProposal[] }>(
    `/meetings/${encodeURIComponent(meetingId)}/agenda-proposals`,
    {
      signal,
    },
  );
}

export function useAgendaProposals(meetingId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...meetingsQueryKey, 'proposals', meetingId],
      queryFn: ({ signal }) => getAgendaProposals(meetingId, signal),
    }),
  );
}

/** Adds an item at the end of the agenda. */
export function addAgendaItem({ meetingId, item }: { meetingId: string; item: AgendaItemInput }) {
  return apiClient.post<Agenda>(`/meetings/${encodeURIComponent(meetingId)}/agenda-items`, item);
}

/** Puts the agenda in a new order, guarded by If-Match on the agenda version. */
export function reorderAgenda({
  meetingId,
  itemIds,
  etag,
}: {
  meetingId: string;
  itemIds: string[];
  etag: string;
}) {
  const path = `/meetings/${encodeURIComponent(meetingId)}/agenda-items/order`;
  return apiRequest<Agenda>('PUT', path, { body: { itemIds }, headers: { 'If-Match': etag } }).then(
    (response) => response.data,
  );
}

/** Takes an item off the agenda, guarded by If-Match on the agenda version. */
export function removeAgendaItem({
  meetingId,
  itemId,
  etag,
}: {
  meetingId: string;
  itemId: string;
  etag: string;
}) {
  const path = `/meetings/${encodeURIComponent(meetingId)}/agenda-items/${encodeURIComponent(itemId)}`;
  return apiRequest<Agenda>('DELETE', path, { headers: { 'If-Match': etag } }).then(
    (response) => response.data,
  );
}

/** Mutations that change the agenda refresh the meeting record and the proposals. */
export function useAgendaMutation<TInput>(mutationFn: (input: TInput) => Promise<Agenda>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}
