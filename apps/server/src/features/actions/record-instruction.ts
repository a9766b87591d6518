import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import {
  findAction,
  findAgendaItemOfMeeting,
  findMeetingForAction,
  insertAction,
  orgUnitExists,
} from './actions.queries.ts';

/** Records an instruction (指示事項) given at a meeting on one of its agenda items; it becomes an open action. */
export async function recordInstruction(
  tx: Transaction,
  options: {
    meetingId: string;
    agendaItemId: string;
    body: string;
    ownerOrgUnitId: string;
    dueDate: string;
    actor: Actor;
  },
) {
  if (!(await findMeetingForAction(tx, options.meetingId))) throw notFound();
  const item = await findAgendaItemOfMeeting(tx, options.meetingId, options.agendaItemId);
  if (!item) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '指定された議題はこの会議にありません。',
        en: 'The agenda item is not on this meeting.',
      },
    });
  }
  if (!(await orgUnitExists(tx, options.ownerOrgUnitId))) {
    throw new AppError('unprocessable', {
      messages: { ja: '担当組織が見つかりません。', en: 'The owner org unit does not exist.' },
    });
  }
  const id = await insertAction(tx, {
    meetingId: options.meetingId,
    agendaItemId: options.agendaItemId,
    body: options.body,
    ownerOrgUnitId: options.ownerOrgUnitId,
    dueDate: options.dueDate,
    status: 'open',
    createdBy: options.actor.userId,
  });
  const created = (await findAction(tx, id))!;
  await recordAudit(tx, options.actor, {
    action: 'action.create',
    entityType: 'action',
    entityId: id,
    after: created,
  });
  return created;
}
