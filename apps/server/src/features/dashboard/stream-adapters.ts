import {
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  FUNNEL_STAGES,
  formatYenAuto,
  funnelStageLabel,
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_HEALTHS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  type LocalizedText,
  NEED_SIDE_LABELS,
  NEED_SIDES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  type NeedSide,
  type NeedStatus,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { listEffectItems, listTargets, loadLedger } from '../effects/index.ts';
import { countInitiatives, defaultAsOf, listInitiativeItems } from '../initiatives/index.ts';
import { listNeedItems } from '../needs/index.ts';

/*
 * The dashboard's window on each stream. Every adapter reads only what its stream exports on
 * purpose (its index.ts); while a stream has no such export, the adapter answers with the
 * stream's categories at zero and `isAvailable: false`, so screens and reports say 「集計準備中」
 * instead of showing a misleading 0.
 */

/** One bar of a breakdown: a category, its label and how many records are in it. */
export type Breakdown = { key: string; label: LocalizedText; count: number };

/** Which records a figure is about: the year and, when filtered, the org units (a bureau and all below it). */
export type FigureScope = { fiscalYear: number; orgUnitIds: string[] | null };

/** Something the dashboard lists behind a number, with what to link to. */
export type RecordRef = {
  id: string;
  label: string;
  detail: string;
  link: { type: RecordLinkType; id: string };
};

export type RecordLinkType =
  | 'cluster'
  | 'analysis'
  | 'meeting'
  | 'bureau_policy'
  | 'initiative'
  | 'effect'
  | 'platinum_issue'
  | 'need';

const zeroes = (keys: readonly string[], labelOf: (key: string) => LocalizedText): Breakdown[] =>
  keys.map((key) => ({ key, label: labelOf(key), count: 0 }));

// ─── X会議 (features/meetings, features/actions) ─────────────────────────────────────────────

/** What an X meeting reported (資料 on its agenda), for the meeting rows of the dashboard and deck. */
export type MeetingReport = { title: string; link: { type: RecordLinkType; id: string } | null };

/** The reports of each meeting of the year, by meeting id. Empty until the meetings feature exports its agendas. */
export async function meetingReports(
  _db: Executor,
  _fiscalYear: number,
): Promise<Map<string, MeetingReport[]>> {
  return new Map();
}

// ─── 局区X方針 (features/bureau-policies) ──────────────────────────────────────────────────────

export type PolicyFigures = { isAvailable: boolean; total: number; byStatus: Breakdown[] };

/** Bureau X policies by the state of their latest version. Zero until bureau-policies exports a year's list. */
export async function bureauPolicyFigures(_db: Executor, _scope: FigureScope): Promise<PolicyFigures> {
  return {
    isAvailable: false,
    total: 0,
    byStatus: zeroes(
      APPROVAL_STATUSES,
      (key) => APPROVAL_STATUS_LABELS[key as keyof typeof APPROVAL_STATUS_LABELS],
    ),
  };
}

/** The policies behind a status. Empty until bureau-policies exports a year's list. */
export async function bureauPolicyRecords(
  _db: Executor,
  _scope: FigureScope,
  _status: string,
): Promise<RecordRef[]> {
  return [];
}

// ─── 取組 (features/initiatives) ───────────────────────────────────────────────────────────────

export type InitiativeFigures = {
  isAvailable: boolean;
  total: number;
  byStatus: Breakdown[];
  byHealth: Breakdown[];
  /** Open initiatives whose owner has not reported for longer than their cadence allows. */
  stale: number;
};

/** Initiatives by status and health, and those owing an update (features/initiatives: countInitiatives). */
export async function initiativeFigures(db: Executor, scope: FigureScope): Promise<InitiativeFigures> {
  const counts = await countInitiatives(db, {
    fiscalYear: scope.fiscalYear,
    ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
  });
  return {
    isAvailable: true,
    total: counts.total,
    byStatus: INITIATIVE_STATUSES.map((key) => ({
      key,
      label: INITIATIVE_STATUS_LABELS[key],
      count: counts.byStatus[key],
    })),
    byHealth: INITIATIVE_HEALTHS.map((key) => ({
      key,
      label: INITIATIVE_HEALTH_LABELS[key],
      count: counts.byHealth[key],
    })),
    stale: counts.updateDue,
  };
}

/** The initiatives behind `status:…`, `health:…`, `stale` (owing an update) or `all` (features/initiatives). */
export async function initiativeRecords(db: Executor, scope: FigureScope, key: string): Promise<RecordRef[]> {
  const [kind, value] = key.split(':') as [string, string | undefined];
  const tree = await loadOrgUnitTree(db);
  const items = await listInitiativeItems(
    db,
    {
      fiscalYear: scope.fiscalYear,
      ownerOrgUnitIds: scope.orgUnitIds ?? undefined,
      status: kind === 'status' ? (value as (typeof INITIATIVE_STATUSES)[number]) : undefined,
      health: kind === 'health' ? (value as (typeof INITIATIVE_HEALTHS)[number]) : undefined,
      isUpdateDue: key === 'stale' ? true : undefined,
    },
    { tree, asOf: defaultAsOf(scope.fiscalYear) },
  );
  return items.map((item) => ({
    id: item.id,
    label: item.title,
    detail: `${item.ownerOrgUnit.name}・${item.statusLabel.ja}・${item.healthLabel.ja}${item.isUpdateDue ? '・報告待ち' : ''}`,
    link: { type: 'initiative', id: item.id },
  }));
}

// ─── 効果額 (features/effects) ─────────────────────────────────────────────────────────────────

export type EffectFigures = {
  isAvailable: boolean;
  target: { name: string; amount: bigint; startFiscalYear: number; endFiscalYear: number } | null;
  /** Over the target's span (or the year when there is no target). */
  planned: bigint;
  actual: bigint;
  total: bigint;
  /** total / target in percent, one decimal; null without a target. */
  percentOfTarget: number | null;
};

/** The year's lines of the effect ledger (features/effects: listEffectItems). */
async function effectLines(db: Executor, scope: FigureScope) {
  const tree = await loadOrgUnitTree(db);
  return listEffectItems(
    db,
    { fiscalYear: scope.fiscalYear, orgUnitIds: scope.orgUnitIds ?? undefined },
    tree,
  );
}

/**
 * The year's effect lines, planned and actual, and — for the whole programme — the ledger against
 * the target whose span holds the year (features/effects: listEffectItems, listTargets, loadLedger).
 */
export async function effectFigures(db: Executor, scope: FigureScope): Promise<EffectFigures> {
  const lines = await effectLines(db, scope);
  const sum = (stage: 'planned' | 'actual') =>
    lines.filter((line) => line.stage === stage).reduce((total, line) => total + BigInt(line.amount), 0n);
  const planned = sum('planned');
  const actual = sum('actual');
  const target = (await listTargets(db)).find(
    (candidate) =>
      candidate.startFiscalYear <= scope.fiscalYear && scope.fiscalYear <= candidate.endFiscalYear,
  );
  // The share of the target is the programme's; a bureau's lines alone say nothing about it.
  const ledger = target && !scope.orgUnitIds ? await loadLedger(db, target, await loadOrgUnitTree(db)) : null;
  return {
    isAvailable: true,
    target: target
      ? {
          name: target.name,
          amount: target.amount,
          startFiscalYear: target.startFiscalYear,
          endFiscalYear: target.endFiscalYear,
        }
      : null,
    planned,
    actual,
    total: planned + actual,
    percentOfTarget: ledger ? ledger.progressPercent.total : null,
  };
}

/** The ledger lines behind `planned`, `actual` or `all`. */
export async function effectRecords(db: Executor, scope: FigureScope, stage: string): Promise<RecordRef[]> {
  const lines = await effectLines(db, scope);
  return lines
    .filter((line) => stage === 'all' || line.stage === stage)
    .map((line) => ({
      id: line.id,
      label: line.title,
      detail: `${line.stageLabel.ja}・${line.categoryLabel.ja}・${formatYenAuto(BigInt(line.amount))}・${line.bureau.name}`,
      link: { type: 'effect', id: line.id },
    }));
}

// ─── プラチナ市役所プロジェクト (features/platinum) ──────────────────────────────────────────────

export type PlatinumFigures = { isAvailable: boolean; campaignTitle: string | null; funnel: Breakdown[] };

/** The year's campaign as a funnel (投稿 → 課題化 → … → 試行・実施). Zero until the Platinum feature lands. */
export async function platinumFigures(_db: Executor, _scope: FigureScope): Promise<PlatinumFigures> {
  return {
    isAvailable: false,
    campaignTitle: null,
    funnel: zeroes(FUNNEL_STAGES, (key) => ({
      ja: funnelStageLabel(key as (typeof FUNNEL_STAGES)[number], 'ja'),
      en: funnelStageLabel(key as (typeof FUNNEL_STAGES)[number], 'en'),
    })),
  };
}

/** The issues behind a funnel stage (never an idea's author). Empty until the Platinum feature lands. */
export async function platinumRecords(
  _db: Executor,
  _scope: FigureScope,
  _stage: string,
): Promise<RecordRef[]> {
  return [];
}

// ─── 受け手・担い手のニーズ・課題 (features/needs) ─────────────────────────────────────────────

export type NeedFigures = { isAvailable: boolean; total: number; bySide: Breakdown[]; byStatus: Breakdown[] };

/** How many needs match a filter (features/needs: listNeedItems; read as nobody, so no personal data). */
async function countNeeds(
  db: Executor,
  scope: FigureScope,
  filter: { side?: NeedSide; status?: NeedStatus },
) {
  const tree = await loadOrgUnitTree(db);
  const { total } = await listNeedItems(
    db,
    { fiscalYear: scope.fiscalYear, orgUnitIds: scope.orgUnitIds ?? undefined, ...filter },
    { page: 1, pageSize: 1 },
    { user: null, tree },
  );
  return total;
}

/** Needs by side and status (features/needs). */
export async function needFigures(db: Executor, scope: FigureScope): Promise<NeedFigures> {
  const total = await countNeeds(db, scope, {});
  const bySide: Breakdown[] = [];
  for (const side of NEED_SIDES)
    bySide.push({ key: side, label: NEED_SIDE_LABELS[side], count: await countNeeds(db, scope, { side }) });
  const byStatus: Breakdown[] = [];
  for (const status of NEED_STATUSES) {
    byStatus.push({
      key: status,
      label: NEED_STATUS_LABELS[status],
      count: await countNeeds(db, scope, { status }),
    });
  }
  return { isAvailable: true, total, bySide, byStatus };
}

/** Most needs a drill-down lists at once. */
const NEED_RECORD_LIMIT = 200;

/**
 * The needs behind `side:…`, `status:…` or `all`, with their text masked as the public would read
 * it (phone numbers and e-mail addresses hidden) and never the reporter's name or contact.
 */
export async function needRecords(db: Executor, scope: FigureScope, key: string): Promise<RecordRef[]> {
  const [kind, value] = key.split(':') as [string, string | undefined];
  const tree = await loadOrgUnitTree(db);
  const { items } = await listNeedItems(
    db,
    {
      fiscalYear: scope.fiscalYear,
      orgUnitIds: scope.orgUnitIds ?? undefined,
      side: kind === 'side' ? (value as NeedSide) : undefined,
      status: kind === 'status' ? (value as NeedStatus) : undefined,
    },
    { page: 1, pageSize: NEED_RECORD_LIMIT },
    { user: null, tree },
  );
  return items.map((item) => ({
    id: item.id,
    label: item.publicPreview.length > 60 ? `${item.publicPreview.slice(0, 60)}…` : item.publicPreview,
    detail: `${item.sideLabel.ja}・${item.channelLabel.ja}・${item.statusLabel.ja}・${item.orgUnit.name}・${item.receivedOn}`,
    link: { type: 'need', id: item.id },
  }));
}
