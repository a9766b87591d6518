import { fiscalYearLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { listEffectItems } from '../effects/index.ts';
import { defaultAsOf, listInitiativeItems } from '../initiatives/index.ts';
import { listNeedItems } from '../needs/index.ts';

/*
 * Row lists of the streams for the workbook's sheets and the CSV downloads. Each adapter reads only
 * what its stream exports on purpose (its index.ts) and returns no rows while the stream has no
 * such export, so the sheet is still there, with its headers, and fills in when the stream lands.
 */

export type Row = Record<string, string | number | bigint | boolean | null>;

/** 決定事項 of the year's X meetings (features/meetings). None until the meetings feature exports them. */
export async function decisionRows(_db: Executor, _fiscalYear: number): Promise<Row[]> {
  return [];
}

/** 局区X方針 of the year with their approval state (features/bureau-policies). None until exported. */
export async function policyRows(_db: Executor, _fiscalYear: number): Promise<Row[]> {
  return [];
}

/** 取組 of the year with status and health (features/initiatives: listInitiativeItems). */
export async function initiativeRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  const items = await listInitiativeItems(
    db,
    { fiscalYear },
    { tree: await loadOrgUnitTree(db), asOf: defaultAsOf(fiscalYear) },
  );
  return items.map((item) => ({
    title: item.title,
    orgUnit: item.ownerOrgUnit.name,
    source: item.sourceLabel ? `${item.sourceKindLabel.ja}：${item.sourceLabel}` : item.sourceKindLabel.ja,
    status: item.statusLabel.ja,
    health: item.healthLabel.ja,
    lastUpdateOn: item.lastUpdateOn,
  }));
}

/** Lines of the effect ledger of the year (features/effects: listEffectItems). */
export async function effectRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  const lines = await listEffectItems(db, { fiscalYear }, await loadOrgUnitTree(db));
  return lines.map((line) => ({
    title: line.title,
    fiscalYear: fiscalYearLabel(line.fiscalYear),
    category: line.categoryLabel.ja,
    recurrence: line.recurrenceLabel.ja,
    stage: line.stageLabel.ja,
    amount: BigInt(line.amount),
    orgUnit: line.orgUnit.name,
  }));
}

/** Platinum issues of the year's campaign, never an idea's author (features/platinum). None until exported. */
export async function platinumIssueRows(_db: Executor, _fiscalYear: number): Promise<Row[]> {
  return [];
}

/** Most needs one export lists (the needs feature pages its lists). */
const NEED_EXPORT_LIMIT = 10_000;

/**
 * Needs of the year as the public would read their text (phone numbers and e-mail addresses
 * masked), never the reporter's name or contact (features/needs: listNeedItems, read as nobody).
 */
export async function needRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  const { items } = await listNeedItems(
    db,
    { fiscalYear },
    { page: 1, pageSize: NEED_EXPORT_LIMIT },
    { user: null, tree: await loadOrgUnitTree(db) },
  );
  return items.map((item) => ({
    side: item.sideLabel.ja,
    channel: item.channelLabel.ja,
    receivedOn: item.receivedOn,
    orgUnit: item.orgUnit.name,
    status: item.statusLabel.ja,
    body: item.publicPreview,
  }));
}
