import {
  APPROVAL_STATUS_LABELS,
  fiscalYearLabel,
  isoDateOf,
  issueStatusLabel,
  platinumThemeLabel,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { listPolicyStatesOfYear, loadOrgUnitTree } from '../bureau-policies/index.ts';
import { UNPUBLISHED_POLICY_TITLE } from '../dashboard/index.ts';
import { listEffectItems } from '../effects/index.ts';
import { defaultAsOf, listInitiativeItems } from '../initiatives/index.ts';
import { listDecisionsOfYear } from '../meetings/index.ts';
import { listNeedItems } from '../needs/index.ts';
import { listIssuesOfYear } from '../platinum/index.ts';

/*
 * Row lists of the streams for the workbook's sheets and the CSV downloads. Each adapter reads only
 * what its stream exports on purpose (its index.ts); a stream with no records that year gives a
 * sheet with its headers only.
 */

export type Row = Record<string, string | number | bigint | boolean | null>;

/** The day of a moment in Japan (ISO), or null. */
const dayOf = (moment: Date | null) => (moment ? isoDateOf(moment) : null);

/** 決定事項 of the year's X meetings, in meeting and agenda order (features/meetings). */
export async function decisionRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  return (await listDecisionsOfYear(db, fiscalYear)).map((decision) => ({
    meeting: decision.meetingTitle,
    heldOn: decision.heldOn,
    agendaItem: decision.agendaItemTitle,
    body: decision.body,
  }));
}

/** 局区X方針 of the year with the approval state of their latest version (features/bureau-policies). */
export async function policyRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  return (await listPolicyStatesOfYear(db, { fiscalYear })).map((policy) => ({
    orgUnit: policy.orgUnitName,
    // The printed lists go round the city hall: a title shows once the policy is published.
    title:
      policy.status === 'published' || policy.status === 'superseded'
        ? policy.title
        : UNPUBLISHED_POLICY_TITLE,
    version: policy.versionNumber,
    status: APPROVAL_STATUS_LABELS[policy.status].ja,
    approvedOn: dayOf(policy.approvedAt),
    publishedOn: dayOf(policy.publishedAt),
  }));
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

/**
 * Platinum issues of the year's campaigns with the bureau they went to and the response once
 * published; never an idea's author (features/platinum: listIssuesOfYear).
 */
export async function platinumIssueRows(db: Executor, fiscalYear: number): Promise<Row[]> {
  return (await listIssuesOfYear(db, fiscalYear)).map((issue) => ({
    number: issue.number,
    title: issue.title,
    theme: platinumThemeLabel(issue.theme),
    status: issueStatusLabel(issue.status),
    orgUnit: issue.assignedOrgUnitName,
    dueOn: issue.dueOn,
    response: issue.response?.body ?? null,
  }));
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
