import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Meeting, PlannedDate } from '../types';
import { meetingsQueryKey } from './get-meeting';

export type MeetingInput = {
  fiscalYear: number;
  sequence: number;
  title?: string;
  planned: PlannedDate;
  isPublic?: boolean;
};

export type MeetingChanges = {
  title?: string;
  planned?: PlannedDate;
  actualDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  isPublic?: boolean;
  videoUrl?: string | null;
  isAgendaPublished?: boolean;
  isVideoPublished?: boolean;
};

/** Adds a meeting to a year's series (reform office). */
export function createMeeting(input: MeetingInput) {
  return apiClient.post<Meeting>('/meetings', input);
}

/** Changes a meeting, guarded by If-Match. */
export function updateMeeting({ id, etag, changes }: { id: string; etag: string; changes: MeetingChanges }) {
  return apiClient.patch<Meeting>(`/meetings/${encodeURIComponent(id)}`, changes, {
    headers: { 'If-Match': etag },
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}

export function useUpdateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMeeting,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}
