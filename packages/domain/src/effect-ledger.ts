import type { LocalizedText } from './messages';

/**
 * 効果額の台帳: each effect is an amount of whole yen freed in a fiscal year, by cutting spending
 * (歳出削減) or raising revenue (歳入確保), once (単年度) or recurring (継続). A recurring effect
 * counts in its own year and in every later year of a target's span unless it ends earlier.
 * The roll-up here is the one arithmetic every total of the ledger comes from.
 */

export const EFFECT_CATEGORIES = ['expenditure_cut', 'revenue_gain'] as const;
export type EffectCategory = (typeof EFFECT_CATEGORIES)[number];

export const EFFECT_RECURRENCES = ['one_off', 'recurring'] as const;
export type EffectRecurrence = (typeof EFFECT_RECURRENCES)[number];

export const EFFECT_STAGES = ['planned', 'actual'] as const;
export type EffectStage = (typeof EFFECT_STAGES)[number];

/** Where an effect comes from. */
export const EFFECT_SOURCE_KINDS = ['initiative', 'analysis'] as const;
export type EffectSourceKind = (typeof EFFECT_SOURCE_KINDS)[number];

export const EFFECT_CATEGORY_LABELS: Readonly<Record<EffectCategory, LocalizedText>> = {
  expenditure_cut: { ja: '歳出削減', en: 'Expenditure cut' },
  revenue_gain: { ja: '歳入確保', en: 'Revenue gain' },
};

export const EFFECT_RECURRENCE_LABELS: Readonly<Record<EffectRecurrence, LocalizedText>> = {
  one_off: { ja: '単年度', en: 'One-off' },
  recurring: { ja: '継続', en: 'Recurring' },
};

export const EFFECT_STAGE_LABELS: Readonly<Record<EffectStage, LocalizedText>> = {
  planned: { ja: '見込み', en: 'Planned' },
  actual: { ja: '実績', en: 'Actual' },
};

export const EFFECT_SOURCE_KIND_LABELS: Readonly<Record<EffectSourceKind, LocalizedText>> = {
  initiative: { ja: '取組', en: 'Initiative' },
  analysis: { ja: '経営分析', en: 'Analysis' },
};

/** The fiscal years a target covers, both ends included (FY2024–FY2026). */
export type FiscalYearSpan = { startFiscalYear: number; endFiscalYear: number };

/** One line of the ledger as the roll-up sees it; group and bureau are opaque keys (null: none). */
export type LedgerEntry = {
  fiscalYear: number;
  /** For a recurring effect, the last fiscal year it counts in (null: it does not end). */
  endFiscalYear?: number | null;
  category: EffectCategory;
  recurrence: EffectRecurrence;
  stage: EffectStage;
  amount: bigint;
  group: string | null;
  bureau: string | null;
};

/** Amounts split by stage; total is always planned + actual. */
export type LedgerAmounts = { planned: bigint; actual: bigint; total: bigint };

export type LedgerGroupTotal<K> = { key: K; amounts: LedgerAmounts };

export type LedgerYearTotal = {
  fiscalYear: number;
  amounts: LedgerAmounts;
  /** Everything counted from the first year of the span up to and including this one. */
  cumulative: LedgerAmounts;
  byCategory: LedgerGroupTotal<EffectCategory>[];
};

export type LedgerRollUp = {
  span: FiscalYearSpan;
  total: LedgerAmounts;
  byYear: LedgerYearTotal[];
  byGroup: LedgerGroupTotal<string | null>[];
  byBureau: LedgerGroupTotal<string | null>[];
  byCategory: LedgerGroupTotal<EffectCategory>[];
  byRecurrence: LedgerGroupTotal<EffectRecurrence>[];
};

/** Why an effect cannot be booked against a target. */
export const LEDGER_ENTRY_PROBLEMS = ['outside_target_span', 'end_before_start', 'end_on_one_off'] as const;
export type LedgerEntryProblem = (typeof LEDGER_ENTRY_PROBLEMS)[number];

export const LEDGER_ENTRY_PROBLEM_MESSAGES: Readonly<Record<LedgerEntryProblem, LocalizedText>> = {
  outside_target_span: {
    ja: '効果額の年度が目標の対象期間外です。',
    en: 'The effect’s fiscal year is outside the target’s span.',
  },
  end_before_start: {
    ja: '継続効果の終了年度は、効果の年度以降にしてください。',
    en: 'A recurring effect cannot end before the year it starts.',
  },
  end_on_one_off: {
    ja: '単年度の効果には終了年度を指定できません。',
    en: 'A one-off effect has no end year.',
  },
};

function assertSpan(span: FiscalYearSpan): void {
  if (
    !Number.isInteger(span.startFiscalYear) ||
    !Number.isInteger(span.endFiscalYear) ||
    span.startFiscalYear > span.endFiscalYear
  ) {
    throw new RangeError(`Not a span of fiscal years: ${span.startFiscalYear}–${span.endFiscalYear}`);
  }
}

/** True when a fiscal year lies within the span. */
export function isFiscalYearInSpan(fiscalYear: number, span: FiscalYearSpan): boolean {
  return fiscalYear >= span.startFiscalYear && fiscalYear <= span.endFiscalYear;
}

/** Every fiscal year of a span, in order. */
export function fiscalYearsOfSpan(span: FiscalYearSpan): number[] {
  assertSpan(span);
  const years: number[] = [];
  for (let year = span.startFiscalYear; year <= span.endFiscalYear; year++) years.push(year);
  return years;
}

// Checks an effect before it is booked against a target's span: null when it may be, else the problem.
export function ledgerEntryProblem(
  entry: Pick<LedgerEntry, 'fiscalYear' | 'endFiscalYear' | 'recurrence'>,
  span: FiscalYearSpan | null,
): LedgerEntryProblem | null {
  const endFiscalYear = entry.endFiscalYear ?? null;
  if (entry.recurrence === 'one_off' && endFiscalYear !== null) return 'end_on_one_off';
  if (endFiscalYear !== null && endFiscalYear < entry.fiscalYear) return 'end_before_start';
  if (span && !isFiscalYearInSpan(entry.fiscalYear, span)) return 'outside_target_span';
  return null;
}

// Returns the fiscal years of the span in which an entry counts: its own year, and later years too when recurring.
export function countedFiscalYears(entry: LedgerEntry, span: FiscalYearSpan): number[] {
  assertSpan(span);
  if (entry.recurrence === 'one_off')
    return isFiscalYearInSpan(entry.fiscalYear, span) ? [entry.fiscalYear] : [];
  const first = Math.max(entry.fiscalYear, span.startFiscalYear);
  const last = Math.min(entry.endFiscalYear ?? span.endFiscalYear, span.endFiscalYear);
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  return years;
}

function zero(): LedgerAmounts {
  return { planned: 0n, actual: 0n, total: 0n };
}

function addTo(amounts: LedgerAmounts, stage: EffectStage, amount: bigint): void {
  amounts[stage] += amount;
  amounts.total += amount;
}

function sum(a: LedgerAmounts, b: LedgerAmounts): LedgerAmounts {
  return { planned: a.planned + b.planned, actual: a.actual + b.actual, total: a.total + b.total };
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function totalsOf<K extends string | null>(
  map: Map<K, LedgerAmounts>,
  order?: readonly K[],
): LedgerGroupTotal<K>[] {
  const keys = order ? [...order] : [...map.keys()].sort(compareKeys);
  return keys.map((key) => ({ key, amounts: map.get(key) ?? zero() }));
}

function addToMap<K>(map: Map<K, LedgerAmounts>, key: K, stage: EffectStage, amount: bigint): void {
  const amounts = map.get(key) ?? zero();
  addTo(amounts, stage, amount);
  map.set(key, amounts);
}

// Rolls the ledger up over a span: totals by year (with cumulative), group, bureau, category and recurrence.
export function rollUpLedger(entries: readonly LedgerEntry[], span: FiscalYearSpan): LedgerRollUp {
  const years = fiscalYearsOfSpan(span);
  const total = zero();
  const byYear = new Map<number, LedgerAmounts>(years.map((year) => [year, zero()]));
  const byYearAndCategory = new Map<string, LedgerAmounts>();
  const byGroup = new Map<string | null, LedgerAmounts>();
  const byBureau = new Map<string | null, LedgerAmounts>();
  const byCategory = new Map<EffectCategory, LedgerAmounts>();
  const byRecurrence = new Map<EffectRecurrence, LedgerAmounts>();

  for (const entry of entries) {
    for (const year of countedFiscalYears(entry, span)) {
      addTo(total, entry.stage, entry.amount);
      addTo(byYear.get(year)!, entry.stage, entry.amount);
      addToMap(byYearAndCategory, `${year}:${entry.category}`, entry.stage, entry.amount);
      addToMap(byGroup, entry.group, entry.stage, entry.amount);
      addToMap(byBureau, entry.bureau, entry.stage, entry.amount);
      addToMap(byCategory, entry.category, entry.stage, entry.amount);
      addToMap(byRecurrence, entry.recurrence, entry.stage, entry.amount);
    }
  }

  let running = zero();
  const yearTotals = years.map((fiscalYear) => {
    const amounts = byYear.get(fiscalYear)!;
    running = sum(running, amounts);
    return {
      fiscalYear,
      amounts,
      cumulative: running,
      byCategory: EFFECT_CATEGORIES.map((category) => ({
        key: category,
        amounts: byYearAndCategory.get(`${fiscalYear}:${category}`) ?? zero(),
      })),
    };
  });

  return {
    span,
    total,
    byYear: yearTotals,
    byGroup: totalsOf(byGroup),
    byBureau: totalsOf(byBureau),
    byCategory: totalsOf(byCategory, EFFECT_CATEGORIES),
    byRecurrence: totalsOf(byRecurrence, EFFECT_RECURRENCES),
  };
}

// Returns how far an amount has come towards a target, in percent with one decimal cut toward zero (0 for a target of 0 or less).
export function targetProgressPercent(amount: bigint, target: bigint): number {
  if (target <= 0n) return 0;
  const tenthsOfPercent = (amount * 1000n) / target;
  return Number(tenthsOfPercent) / 10;
}
