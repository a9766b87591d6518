import { type ActionActor, type ActionStatus, canTransitionAction } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  findAction,
  findMeetingForAction,
  insertActionUpdate,
  lockAction,
  updateActionRow,
} from './actions.queries.ts';

/**
 * Adds a progress note to an action and, when asked, moves its status as the state machine
 * allows for the actor; closing records the later meeting that reviewed it.
 */
export async function reportActionProgress(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    body: string;
    toStatus?: ActionStatus;
    reviewedAtMeetingId?: string;
    actorKind: ActionActor;
    actor: Actor;
    /** When the note was written; the demo data set replays 2024 dates. */
    now?: Date;
  },
) {
  const now = options.now ?? new Date();
  const row = await lockAction(tx, options.id);
  if (!row) throw notFound();
  assertVersion(options.expectedVersion, row.version);
  const toStatus = options.toStatus ?? row.status;
  if (toStatus !== row.status && !canTransitionAction(row.status, toStatus, options.actorKind)) {
    throw new AppError('invalid_transition');
  }
  if (options.reviewedAtMeetingId) {
    const given = await findMeetingForAction(tx, row.meetingId);
    const reviewed = await findMeetingForAction(tx, options.reviewedAtMeetingId);
    const isLater =
      !!given &&
      !!reviewed &&
      (reviewed.fiscalYear > given.fiscalYear ||
        (reviewed.fiscalYear === given.fiscalYear && reviewed.sequence > given.sequence));
    if (!isLater) {
      throw new AppError('unprocessable', {
        messages: {
          ja: '確認した会議には、指示のあった会議より後の会議を指定してください。',
          en: 'The reviewing meeting must come after the meeting that gave the instruction.',
        },
      });
    }
  }
  const before = await findAction(tx, options.id);
  const isClosing = toStatus === 'closed' && row.status !== 'closed';
  const isReopening = row.status === 'closed' && toStatus !== 'closed';
  await updateActionRow(tx, options.id, row.version, {
    status: toStatus,
    ...(isClosing ? { closedAt: now, closedAtMeetingId: options.reviewedAtMeetingId ?? null } : {}),
    ...(isReopening ? { closedAt: null, closedAtMeetingId: null } : {}),
  });
  await insertActionUpdate(tx, {
    actionId: options.id,
    body: options.body,
    fromStatus: row.status,
    toStatus,
    reviewedAtMeetingId: options.reviewedAtMeetingId ?? null,
    authorId: options.actor.userId,
    createdAt: now,
  });
  const after = (await findAction(tx, options.id))!;
  await recordAudit(tx, options.actor, {
    action: toStatus === row.status ? 'action.progress' : `action.${toStatus}`,
    entityType: 'action',
    entityId: options.id,
    before,
    after: { ...after, note: options.body },
  });
  return after;
}
