import { apiClient } from '@/lib/api-client';
import type { Action, Decision, Minutes, MinutesStatus } from '../types';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`;

/** Records a decision (決定事項) on an agenda item. */
export function recordDecision(input: { meetingId: string; agendaItemId: string; body: string }) {
  return apiClient.post<Decision>(`${base(input.meetingId)}/decisions`, {
    agendaItemId: input.agendaItemId,
    body: input.body,
  });
}

/** Records an instruction (指示事項); it becomes a tracked action of its owner. */
export function recordInstruction(input: {
  meetingId: string;
  agendaItemId: string;
  body: string;
  ownerOrgUnitId: string;
  dueDate: string;
}) {
  const { meetingId, ...body } = input;
  return apiClient.post<Action>(`${base(meetingId)}/instructions`, body);
}

/** Starts the minutes (議事要旨) as a draft. */
export function createMinutes(input: { meetingId: string; body: string }) {
  return apiClient.post<Minutes>(`${base(input.meetingId)}/minutes`, { body: input.body });
}

/** Edits the draft minutes, guarded by If-Match. */
export function updateMinutes(input: { meetingId: string; body: string; version: number }) {
  return apiClient.patch<Minutes>(
    `${base(input.meetingId)}/minutes`,
    { body: input.body },
    { headers: { 'If-Match': `"${input.version}"` } },
  );
}

/** Approves, publishes, withdraws or returns the minutes to draft, guarded by If-Match. */
export function moveMinutes(input: { meetingId: string; status: MinutesStatus; version: number }) {
  return apiClient.post<Minutes>(
    `${base(input.meetingId)}/minutes/status`,
    { status: input.status },
    { headers: { 'If-Match': `"${input.version}"` } },
  );
}
