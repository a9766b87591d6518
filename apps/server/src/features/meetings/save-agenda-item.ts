import type { AgendaItemKind } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  bumpAgendaVersion,
  countItemRecords,
  deleteAgendaItem,
  findActionsWithMeeting,
  findAnalyses,
  findClusters,
  findPlatinumIssues,
  insertAgendaItem,
  listAgendaItems,
  listAgendaLinks,
  lockAgendaItem,
  lockMeeting,
  type MeetingRow,
  nextAgendaPosition,
  orgUnitExists,
  replaceAgendaLinks,
  setAgendaPositions,
  updateAgendaItemRow,
} from './meetings.queries.ts';

type AnalysisStage =
  | 'planned'
  | 'started'
  | 'progress_reported'
  | 'direction_reported'
  | 'final_reported'
  | 'follow_up';

export type AgendaLinkInput = {
  type: 'analysis' | 'action' | 'cluster' | 'platinum_issue';
  id: string;
  analysisStage?: AnalysisStage | null;
};

export type AgendaItemFields = {
  kind: AgendaItemKind;
  title: string;
  presenterOrgUnitId?: string | null;
  note?: string | null;
  links?: AgendaLinkInput[];
};

function unprocessable(ja: string, en: string): AppError {
  return new AppError('unprocessable', { messages: { ja, en } });
}

/** Checks what an item links to: existing analyses and clusters, instructions from earlier meetings. */
/** An analysis is reported once per stage on an agenda; anything else is linked once. */
function linkKey(type: string, id: string, analysisStage: string | null | undefined): string {
  return type === 'analysis' ? `${type}:${id}:${analysisStage ?? ''}` : `${type}:${id}`;
}

async function assertLinks(
  tx: Transaction,
  meeting: MeetingRow,
  links: AgendaLinkInput[],
  exceptItemId?: string,
) {
  // What other items of this meeting already report: the same thing twice on one agenda is a slip.
  const items = (await listAgendaItems(tx, meeting.id)).filter((item) => item.id !== exceptItemId);
  const onAgenda = new Set(
    (
      await listAgendaLinks(
        tx,
        items.map((item) => item.id),
        meeting.fiscalYear,
      )
    ).map((link) => linkKey(link.targetType, link.targetId, link.analysisStage)),
  );
  if (links.some((link) => onAgenda.has(linkKey(link.type, link.id, link.analysisStage)))) {
    throw new AppError('conflict', {
      messages: {
        ja: '同じ報告対象が、既にこの会議の次第にあります。',
        en: 'What this item reports is already on this meeting’s agenda.',
      },
    });
  }
  const seen = new Set<string>();
  for (const link of links) {
    const key = `${link.type}:${link.id}`;
    if (seen.has(key)) throw unprocessable('同じ対象が重複しています。', 'A link is listed twice.');
    seen.add(key);
    if (link.type !== 'analysis' && link.analysisStage) {
      throw unprocessable('段階は経営分析にのみ指定できます。', 'Only analysis links take a stage.');
    }
  }
  const idsOf = (type: AgendaLinkInput['type']) =>
    links.filter((link) => link.type === type).map((link) => link.id);
  const analysisRows = await findAnalyses(tx, idsOf('analysis'));
  const actionRows = await findActionsWithMeeting(tx, idsOf('action'));
  const clusterRows = await findClusters(tx, idsOf('cluster'));
  const issueRows = await findPlatinumIssues(tx, idsOf('platinum_issue'));
  if (issueRows.length !== idsOf('platinum_issue').length) {
    throw unprocessable(
      '指定されたプラチナ市役所プロジェクトの課題が見つかりません。',
      'A linked Platinum issue does not exist.',
    );
  }
  if (analysisRows.length !== idsOf('analysis').length) {
    throw unprocessable('指定された経営分析が見つかりません。', 'A linked analysis does not exist.');
  }
  if (clusterRows.length !== idsOf('cluster').length) {
    throw unprocessable('指定された事業クラスターが見つかりません。', 'A linked cluster does not exist.');
  }
  if (actionRows.length !== idsOf('action').length) {
    throw unprocessable('指定された指示事項が見つかりません。', 'A linked instruction does not exist.');
  }
  const isEarlier = (row: { fiscalYear: number; sequence: number }) =>
    row.fiscalYear < meeting.fiscalYear ||
    (row.fiscalYear === meeting.fiscalYear && row.sequence < meeting.sequence);
  if (!actionRows.every(isEarlier)) {
    throw unprocessable(
      '対応状況を確認できるのは、この会議より前の会議の指示事項です。',
      'Only instructions from earlier meetings can be reviewed.',
    );
  }
}

async function assertPresenter(tx: Transaction, presenterOrgUnitId: string | null | undefined) {
  if (presenterOrgUnitId && !(await orgUnitExists(tx, presenterOrgUnitId))) {
    throw unprocessable('説明する組織が見つかりません。', 'The presenting org unit does not exist.');
  }
}

function toLinkRows(links: AgendaLinkInput[]) {
  return links.map((link) => ({
    targetType: link.type,
    targetId: link.id,
    analysisStage: link.type === 'analysis' ? (link.analysisStage ?? null) : null,
  }));
}

async function agendaSnapshot(tx: Transaction, meeting: MeetingRow) {
  const items = await listAgendaItems(tx, meeting.id);
  const links = await listAgendaLinks(
    tx,
    items.map((item) => item.id),
    meeting.fiscalYear,
  );
  return items.map((item) => ({
    ...item,
    links: links
      .filter((link) => link.agendaItemId === item.id)
      .map(({ targetType, targetId }) => ({ targetType, targetId })),
  }));
}

/** Adds an item to a meeting's agenda (at the end) and returns the new agenda version and item id. */
export async function addAgendaItem(
  tx: Transaction,
  options: { meetingId: string; fields: AgendaItemFields; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const { fields } = options;
  await assertPresenter(tx, fields.presenterOrgUnitId);
  await assertLinks(tx, meeting, fields.links ?? []);
  const id = await insertAgendaItem(tx, {
    meetingId: meeting.id,
    position: await nextAgendaPosition(tx, meeting.id),
    kind: fields.kind,
    title: fields.title,
    presenterOrgUnitId: fields.presenterOrgUnitId ?? null,
    note: fields.note ?? null,
  });
  await replaceAgendaLinks(tx, id, toLinkRows(fields.links ?? []));
  const agendaVersion = await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  const after = (await agendaSnapshot(tx, meeting)).find((item) => item.id === id);
  await recordAudit(tx, options.actor, {
    action: 'agenda_item.create',
    entityType: 'agenda_item',
    entityId: id,
    after,
  });
  return { id, agendaVersion };
}

/** Changes an agenda item (If-Match on the item) and returns the new agenda version. */
export async function updateAgendaItem(
  tx: Transaction,
  options: {
    meetingId: string;
    itemId: string;
    expectedVersion: number;
    changes: Partial<AgendaItemFields>;
    actor: Actor;
  },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const item = await lockAgendaItem(tx, meeting.id, options.itemId);
  if (!item) throw notFound();
  assertVersion(options.expectedVersion, item.version);
  const { links, ...changes } = options.changes;
  await assertPresenter(tx, changes.presenterOrgUnitId);
  if (links) await assertLinks(tx, meeting, links, item.id);
  const before = (await agendaSnapshot(tx, meeting)).find((row) => row.id === item.id);
  await updateAgendaItemRow(tx, item.id, item.version, {
    ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.presenterOrgUnitId !== undefined ? { presenterOrgUnitId: changes.presenterOrgUnitId } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
  });
  if (links) await replaceAgendaLinks(tx, item.id, toLinkRows(links));
  const agendaVersion = await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  const after = (await agendaSnapshot(tx, meeting)).find((row) => row.id === item.id);
  await recordAudit(tx, options.actor, {
    action: 'agenda_item.update',
    entityType: 'agenda_item',
    entityId: item.id,
    before,
    after,
  });
  return { agendaVersion, itemVersion: item.version + 1 };
}

/** Takes an item off the agenda (If-Match on the agenda); refused once anything is recorded on it. */
export async function removeAgendaItem(
  tx: Transaction,
  options: { meetingId: string; itemId: string; expectedAgendaVersion: number; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  assertVersion(options.expectedAgendaVersion, meeting.agendaVersion);
  const item = await lockAgendaItem(tx, meeting.id, options.itemId);
  if (!item) throw notFound();
  if ((await countItemRecords(tx, item.id)) > 0) {
    throw new AppError('conflict', {
      messages: {
        ja: '資料・決定事項・指示事項がある議題は削除できません。',
        en: 'An agenda item with materials, decisions or instructions cannot be removed.',
      },
    });
  }
  const before = (await agendaSnapshot(tx, meeting)).find((row) => row.id === item.id);
  await deleteAgendaItem(tx, item.id);
  const remaining = await listAgendaItems(tx, meeting.id);
  await setAgendaPositions(
    tx,
    remaining.map((row) => row.id),
  );
  const agendaVersion = await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  await recordAudit(tx, options.actor, {
    action: 'agenda_item.delete',
    entityType: 'agenda_item',
    entityId: item.id,
    before,
  });
  return { agendaVersion };
}
