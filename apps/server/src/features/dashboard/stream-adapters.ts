import {
  APPROVAL_STATUS_LABELS,
  APPROVAL_STATUSES,
  FUNNEL_STAGES,
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
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';

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

/** Initiatives by status and health, and the stale ones. Zero until the initiatives feature lands. */
export async function initiativeFigures(_db: Executor, _scope: FigureScope): Promise<InitiativeFigures> {
  return {
    isAvailable: false,
    total: 0,
    byStatus: zeroes(
      INITIATIVE_STATUSES,
      (key) => INITIATIVE_STATUS_LABELS[key as keyof typeof INITIATIVE_STATUS_LABELS],
    ),
    byHealth: zeroes(
      INITIATIVE_HEALTHS,
      (key) => INITIATIVE_HEALTH_LABELS[key as keyof typeof INITIATIVE_HEALTH_LABELS],
    ),
    stale: 0,
  };
}

/** The initiatives behind `status:…`, `health:…` or `stale`. Empty until the initiatives feature lands. */
export async function initiativeRecords(
  _db: Executor,
  _scope: FigureScope,
  _key: string,
): Promise<RecordRef[]> {
  return [];
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

/** The effect ledger against its programme target. Zero until the effects feature lands. */
export async function effectFigures(_db: Executor, _scope: FigureScope): Promise<EffectFigures> {
  return { isAvailable: false, target: null, planned: 0n, actual: 0n, total: 0n, percentOfTarget: null };
}

/** The ledger lines behind `planned` or `actual`. Empty until the effects feature lands. */
export async function effectRecords(
  _db: Executor,
  _scope: FigureScope,
  _stage: string,
): Promise<RecordRef[]> {
  return [];
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

/** Needs by side and status. Zero until the needs feature lands. */
export async function needFigures(_db: Executor, _scope: FigureScope): Promise<NeedFigures> {
  return {
    isAvailable: false,
    total: 0,
    bySide: zeroes(NEED_SIDES, (key) => NEED_SIDE_LABELS[key as keyof typeof NEED_SIDE_LABELS]),
    byStatus: zeroes(NEED_STATUSES, (key) => NEED_STATUS_LABELS[key as keyof typeof NEED_STATUS_LABELS]),
  };
}

/** The needs behind `side:…` or `status:…` (never the reporter's name or contact). Empty until the needs feature lands. */
export async function needRecords(_db: Executor, _scope: FigureScope, _key: string): Promise<RecordRef[]> {
  return [];
}
