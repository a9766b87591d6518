import { z } from '@hono/zod-openapi';
import { ACTION_STATUSES, type ActionStatus, actionDueState, actionStatusLabel } from '@totonoe/domain';
import type { ActionRow, listActionUpdates } from './actions.queries.ts';

const statusEnum = z.enum(ACTION_STATUSES);

export const actionSchema = z
  .object({
    id: z.string().uuid(),
    meeting: z.object({
      id: z.string().uuid(),
      title: z.string(),
      sequence: z.number().int(),
      fiscalYear: z.number().int(),
    }),
    agendaItem: z.object({ id: z.string().uuid(), title: z.string() }),
    body: z.string(),
    owner: z.object({ id: z.string().uuid(), name: z.string() }),
    dueDate: z.string(),
    dueState: z.enum(['overdue', 'due_soon', 'not_due', 'done']),
    status: statusEnum,
    statusLabel: z.string(),
    closedAtMeeting: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Action');

export const actionUpdateSchema = z
  .object({
    id: z.string().uuid(),
    body: z.string(),
    fromStatus: statusEnum,
    toStatus: statusEnum,
    reviewedAtMeeting: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ActionUpdate');

export const actionDetailSchema = actionSchema
  .extend({
    updates: z.array(actionUpdateSchema),
    nextStatuses: z.array(statusEnum),
    canReport: z.boolean(),
    canEdit: z.boolean(),
  })
  .openapi('ActionDetail');

/** Shapes an action for lists, with its due state as of `today`. */
export function presentAction(row: ActionRow, today: string): z.infer<typeof actionSchema> {
  return {
    id: row.id,
    meeting: {
      id: row.meetingId,
      title: row.meetingTitle,
      sequence: row.meetingSequence,
      fiscalYear: row.fiscalYear,
    },
    agendaItem: { id: row.agendaItemId, title: row.agendaItemTitle },
    body: row.body,
    owner: { id: row.ownerOrgUnitId, name: row.ownerOrgUnitName },
    dueDate: row.dueDate,
    dueState: actionDueState(row.status, row.dueDate, today),
    status: row.status,
    statusLabel: actionStatusLabel(row.status),
    closedAtMeeting:
      row.closedAtMeetingId && row.closedAtMeetingTitle
        ? { id: row.closedAtMeetingId, title: row.closedAtMeetingTitle }
        : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Shapes one action with its history and what the viewer may do with it. */
export function presentActionDetail(
  row: ActionRow,
  updates: Awaited<ReturnType<typeof listActionUpdates>>,
  today: string,
  viewer: { nextStatuses: ActionStatus[]; canReport: boolean; canEdit: boolean },
): z.infer<typeof actionDetailSchema> {
  return {
    ...presentAction(row, today),
    updates: updates.map((update) => ({
      id: update.id,
      body: update.body,
      fromStatus: update.fromStatus,
      toStatus: update.toStatus,
      reviewedAtMeeting:
        update.reviewedAtMeetingId && update.reviewedAtMeetingTitle
          ? { id: update.reviewedAtMeetingId, title: update.reviewedAtMeetingTitle }
          : null,
      authorName: update.authorName,
      createdAt: update.createdAt.toISOString(),
    })),
    ...viewer,
  };
}
