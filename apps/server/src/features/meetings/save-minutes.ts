import { canTransitionMinutes, isMinutesEditable, type MinutesStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { insertMinutes, lockMeeting, lockMinutes, updateMinutesRow } from './meetings.queries.ts';
import { assertMeetingPublishable } from './publication-rules.ts';

/** Starts the minutes (議事要旨) of a meeting as a draft; 409 when they exist already. */
export async function createMinutes(
  tx: Transaction,
  options: { meetingId: string; body: string; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const created = await insertMinutes(tx, {
    meetingId: meeting.id,
    body: options.body,
    status: 'draft',
    updatedBy: options.actor.userId,
  });
  if (!created) {
    throw new AppError('conflict', {
      messages: { ja: 'この会議の議事要旨は既にあります。', en: 'This meeting already has minutes.' },
    });
  }
  await recordAudit(tx, options.actor, {
    action: 'minutes.create',
    entityType: 'minutes',
    entityId: meeting.id,
    after: created,
  });
  return created;
}

/** Edits the text of the minutes while they are a draft (If-Match). */
export async function updateMinutes(
  tx: Transaction,
  options: { meetingId: string; expectedVersion: number; body: string; actor: Actor },
) {
  const before = await lockMinutes(tx, options.meetingId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  if (!isMinutesEditable(before.status)) {
    throw new AppError('conflict', {
      messages: {
        ja: '承認済み・公開中の議事要旨は編集できません。作成中に戻してから編集してください。',
        en: 'Approved or published minutes cannot be edited. Return them to draft first.',
      },
    });
  }
  const after = await updateMinutesRow(tx, before.meetingId, before.version, {
    body: options.body,
    updatedBy: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: 'minutes.update',
    entityType: 'minutes',
    entityId: before.meetingId,
    before,
    after,
  });
  return after;
}

const MINUTES_AUDIT_VERBS: Record<MinutesStatus, string> = {
  draft: 'return_to_draft',
  approved: 'approve',
  published: 'publish',
};

/** Moves the minutes: approve (reform office), publish, withdraw or return to draft (If-Match). */
export async function transitionMinutes(
  tx: Transaction,
  options: { meetingId: string; expectedVersion: number; to: MinutesStatus; actor: Actor; now?: Date },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const before = await lockMinutes(tx, meeting.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  if (!canTransitionMinutes(before.status, options.to)) throw new AppError('invalid_transition');
  if (options.to === 'published') assertMeetingPublishable(meeting);
  const now = options.now ?? new Date();
  const after = await updateMinutesRow(tx, meeting.id, before.version, {
    status: options.to,
    updatedBy: options.actor.userId,
    ...(options.to === 'approved' && before.status === 'draft'
      ? { approvedBy: options.actor.userId, approvedAt: now }
      : {}),
    ...(options.to === 'draft' ? { approvedBy: null, approvedAt: null } : {}),
    ...(options.to === 'published' ? { publishedAt: now } : {}),
    ...(before.status === 'published' ? { publishedAt: null } : {}),
  });
  await recordAudit(tx, options.actor, {
    action: `minutes.${before.status === 'published' ? 'withdraw' : MINUTES_AUDIT_VERBS[options.to]}`,
    entityType: 'minutes',
    entityId: meeting.id,
    before,
    after,
  });
  return after;
}
