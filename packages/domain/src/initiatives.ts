import { parseIsoDate } from './calendar-date';
import { fiscalYearOf, quarterOfFiscalYear } from './fiscal-year';
import type { LocalizedText } from './messages';

/**
 * 取組: what a bureau does — from its X policy, its own voluntary reform (各局区の自主的な改革),
 * an analysis direction, a Platinum response or an X-meeting instruction — with a 工程表 of
 * milestones by fiscal quarter, progress updates, KPIs and effect amounts.
 */

export const INITIATIVE_SOURCE_KINDS = [
  'bureau_policy',
  'voluntary_reform',
  'analysis_direction',
  'platinum_response',
  'meeting_instruction',
] as const;
export type InitiativeSourceKind = (typeof INITIATIVE_SOURCE_KINDS)[number];

export const INITIATIVE_STATUSES = ['not_started', 'in_progress', 'done', 'stopped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const INITIATIVE_HEALTHS = ['on_track', 'at_risk', 'delayed'] as const;
export type InitiativeHealth = (typeof INITIATIVE_HEALTHS)[number];

/** How often the owner is expected to report progress. */
export const UPDATE_CADENCES = ['monthly', 'quarterly', 'half_yearly'] as const;
export type UpdateCadence = (typeof UPDATE_CADENCES)[number];
export const DEFAULT_UPDATE_CADENCE: UpdateCadence = 'quarterly';

export const INITIATIVE_SOURCE_KIND_LABELS: Readonly<Record<InitiativeSourceKind, LocalizedText>> = {
  bureau_policy: { ja: '局区X方針', en: 'Bureau X policy' },
  voluntary_reform: { ja: '自主的な改革', en: 'Voluntary reform' },
  analysis_direction: { ja: '経営分析の改革の方向性', en: 'Analysis direction' },
  platinum_response: { ja: 'プラチナ市役所プロジェクトの対応方針', en: 'Platinum response' },
  meeting_instruction: { ja: 'X会議の指示事項', en: 'X-meeting instruction' },
};

export const INITIATIVE_STATUS_LABELS: Readonly<Record<InitiativeStatus, LocalizedText>> = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_progress: { ja: '取組中', en: 'In progress' },
  done: { ja: '完了', en: 'Done' },
  stopped: { ja: '中止', en: 'Stopped' },
};

export const INITIATIVE_HEALTH_LABELS: Readonly<Record<InitiativeHealth, LocalizedText>> = {
  on_track: { ja: '順調', en: 'On track' },
  at_risk: { ja: '要注意', en: 'At risk' },
  delayed: { ja: '遅延', en: 'Delayed' },
};

export const UPDATE_CADENCE_LABELS: Readonly<Record<UpdateCadence, LocalizedText>> = {
  monthly: { ja: '毎月', en: 'Monthly' },
  quarterly: { ja: '四半期ごと', en: 'Quarterly' },
  half_yearly: { ja: '半期ごと', en: 'Half-yearly' },
};

/** True for the statuses in which an initiative is still expected to report progress. */
export function isInitiativeOpen(status: InitiativeStatus): boolean {
  return status === 'not_started' || status === 'in_progress';
}

/** A fiscal quarter of a fiscal year: the unit of the 工程表. */
export type FiscalQuarterRef = { fiscalYear: number; quarter: number };

/** A running number for a quarter so spans can be compared and laid out (FY×4 + quarter−1). */
export function quarterOrdinal(ref: FiscalQuarterRef): number {
  return ref.fiscalYear * 4 + (ref.quarter - 1);
}

/** The quarter of a running number made by quarterOrdinal. */
export function quarterFromOrdinal(ordinal: number): FiscalQuarterRef {
  return { fiscalYear: Math.floor(ordinal / 4), quarter: (ordinal % 4) + 1 };
}

/** True when a milestone span runs forwards (a single quarter is a span too). */
export function isQuarterSpanValid(from: FiscalQuarterRef, to: FiscalQuarterRef): boolean {
  const isQuarter = (ref: FiscalQuarterRef) =>
    Number.isInteger(ref.quarter) && ref.quarter >= 1 && ref.quarter <= 4;
  return isQuarter(from) && isQuarter(to) && quarterOrdinal(from) <= quarterOrdinal(to);
}

// Labels a quarter of a fiscal year: 2024年度 第1四半期 / FY2024 Q1.
export function quarterLabel(ref: FiscalQuarterRef, locale: 'ja' | 'en' = 'ja'): string {
  return locale === 'en'
    ? `FY${ref.fiscalYear} Q${ref.quarter}`
    : `${ref.fiscalYear}年度 第${ref.quarter}四半期`;
}

/** The reporting period an ISO date falls in under a cadence, as a comparable key. */
export function reportingPeriodOf(isoDate: string, cadence: UpdateCadence): string {
  const fiscalYear = fiscalYearOf(isoDate);
  switch (cadence) {
    case 'monthly': {
      const { year, month } = parseIsoDate(isoDate);
      return `${year}-${String(month).padStart(2, '0')}`;
    }
    case 'quarterly':
      return `${fiscalYear}-Q${quarterOfFiscalYear(isoDate)}`;
    case 'half_yearly':
      return `${fiscalYear}-H${quarterOfFiscalYear(isoDate) <= 2 ? 1 : 2}`;
  }
}

// Tells whether an open initiative owes a progress update: no update in the reporting period of asOf.
export function isUpdateDue(options: {
  status: InitiativeStatus;
  lastUpdateOn: string | null;
  cadence: UpdateCadence;
  asOf: string;
}): boolean {
  if (!isInitiativeOpen(options.status)) return false;
  if (options.lastUpdateOn === null) return true;
  return (
    reportingPeriodOf(options.lastUpdateOn, options.cadence) !==
    reportingPeriodOf(options.asOf, options.cadence)
  );
}

/** A KPI's figures for one fiscal year as the achievement rate needs them. */
export type KpiFigures = { baseline: number | null; target: number | null; actual: number | null };

export type KpiAchievement =
  | { ok: true; ratePercent: number | null }
  | { ok: false; reason: 'target_missing' | 'actual_missing' };

/**
 * 達成率: with a baseline, the share of the way from baseline to target that the actual has
 * come ((actual − baseline) ÷ (target − baseline)), which also reads right for targets that go
 * down (待機児童数 50 → 0); without one, actual ÷ target. Percent with one decimal; null when
 * the target leaves nothing to divide by. A KPI without a target has no achievement rate.
 */
export function kpiAchievement(figures: KpiFigures): KpiAchievement {
  if (figures.target === null) return { ok: false, reason: 'target_missing' };
  if (figures.actual === null) return { ok: false, reason: 'actual_missing' };
  const { baseline, target, actual } = figures;
  let ratio: number | null;
  if (baseline !== null && target !== baseline) ratio = (actual - baseline) / (target - baseline);
  else if (baseline === null && target !== 0) ratio = actual / target;
  else ratio = null;
  if (ratio === null || !Number.isFinite(ratio)) return { ok: true, ratePercent: null };
  return { ok: true, ratePercent: Math.round(ratio * 1000) / 10 };
}
