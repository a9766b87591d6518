import { fiscalYearLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { listEffectItems } from '../effects/index.ts';

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

/** 取組 of the year with status and health (features/initiatives). None until the feature lands. */
export async function initiativeRows(_db: Executor, _fiscalYear: number): Promise<Row[]> {
  return [];
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

/** Needs of the year without the reporter's name or contact (features/needs). None until the feature lands. */
export async function needRows(_db: Executor, _fiscalYear: number): Promise<Row[]> {
  return [];
}
