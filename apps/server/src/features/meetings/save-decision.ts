import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  deleteDecision,
  insertDecision,
  lockAgendaItem,
  lockDecision,
  lockMeeting,
  updateDecisionRow,
} from './meetings.queries.ts';

/** Records a decision (決定事項) on an agenda item of the meeting. */
export async function recordDecision(
  tx: Transaction,
  options: { meetingId: string; agendaItemId: string; body: string; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  if (!(await lockAgendaItem(tx, meeting.id, options.agendaItemId))) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '指定された議題はこの会議にありません。',
        en: 'The agenda item is not on this meeting.',
      },
    });
  }
  const created = await insertDecision(tx, {
    meetingId: meeting.id,
    agendaItemId: options.agendaItemId,
    body: options.body,
    createdBy: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'decision.create',
    entityType: 'decision',
    entityId: created.id,
    after: created,
  });
  return created;
}

/** Corrects the text of a decision (If-Match). */
export async function updateDecision(
  tx: Transaction,
  options: { meetingId: string; decisionId: string; expectedVersion: number; body: string; actor: Actor },
) {
  const before = await lockDecision(tx, options.meetingId, options.decisionId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const after = await updateDecisionRow(tx, before.id, before.version, options.body);
  await recordAudit(tx, options.actor, {
    action: 'decision.update',
    entityType: 'decision',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/** Removes a decision recorded by mistake (If-Match). */
export async function removeDecision(
  tx: Transaction,
  options: { meetingId: string; decisionId: string; expectedVersion: number; actor: Actor },
) {
  const before = await lockDecision(tx, options.meetingId, options.decisionId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  await deleteDecision(tx, before.id);
  await recordAudit(tx, options.actor, {
    action: 'decision.delete',
    entityType: 'decision',
    entityId: before.id,
    before,
  });
}
