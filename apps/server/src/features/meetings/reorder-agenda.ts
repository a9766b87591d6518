import { isPermutationOf } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { bumpAgendaVersion, listAgendaItems, lockMeeting, setAgendaPositions } from './meetings.queries.ts';

/** Puts a meeting's agenda in a new order (If-Match on the agenda); 資料 numbers follow the new order. */
export async function reorderAgenda(
  tx: Transaction,
  options: { meetingId: string; itemIds: string[]; expectedAgendaVersion: number; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  assertVersion(options.expectedAgendaVersion, meeting.agendaVersion);
  const before = (await listAgendaItems(tx, meeting.id)).map((item) => item.id);
  if (!isPermutationOf(options.itemIds, before)) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '並べ替えには、この会議の議題をすべて一度ずつ指定してください。',
        en: "A new order must list every item of this meeting's agenda exactly once.",
      },
    });
  }
  await setAgendaPositions(tx, options.itemIds);
  const agendaVersion = await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  await recordAudit(tx, options.actor, {
    action: 'agenda.reorder',
    entityType: 'meeting',
    entityId: meeting.id,
    before: { order: before },
    after: { order: options.itemIds },
  });
  return { agendaVersion };
}
