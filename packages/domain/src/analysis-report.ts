import { z } from 'zod';
import { analysisDirectionKindSchema } from './analysis-stages';
import { benchmarkDirectionSchema } from './benchmarks';
import { fiscalYearSchema } from './fiscal-year';
import type { Locale, LocalizedText } from './messages';

/**
 * 経営分析の報告書: structured sections, conclusion first. The figures of 効果額 and the
 * indicators of 比較分析 are kept as records of their own and frozen into each submitted version
 * beside the sections, so a version shows everything that was submitted.
 */
export const ANALYSIS_REPORT_SECTIONS = [
  'conclusion',
  'currentState',
  'needs',
  'comparison',
  'issues',
  'directions',
  'roadmap',
  'effects',
  'kpis',
] as const;

export type AnalysisReportSection = (typeof ANALYSIS_REPORT_SECTIONS)[number];

const SECTION_LABELS: Readonly<Record<AnalysisReportSection, LocalizedText>> = {
  conclusion: { ja: '結論', en: 'Conclusion' },
  currentState: { ja: '現状', en: 'Current state' },
  needs: { ja: 'ニーズ・課題', en: 'Needs and issues' },
  comparison: { ja: '比較分析', en: 'Comparison' },
  issues: { ja: '論点', en: 'Points at issue' },
  directions: { ja: '改革の方向性', en: 'Reform directions' },
  roadmap: { ja: '工程表', en: 'Roadmap' },
  effects: { ja: '効果額', en: 'Effects' },
  kpis: { ja: 'KPI', en: 'KPIs' },
};

/** Zod schema for a report section identifier. */
export const analysisReportSectionSchema = z.enum(ANALYSIS_REPORT_SECTIONS);

// Returns the display name of a report section (結論, 現状 …).
export function analysisReportSectionLabel(section: AnalysisReportSection, locale: Locale = 'ja'): string {
  const label = SECTION_LABELS[section];
  if (label === undefined) throw new RangeError(`Unknown report section: ${JSON.stringify(section)}`);
  return label[locale];
}

const LONG_TEXT_MAX = 20_000;
const longText = z.string().max(LONG_TEXT_MAX);
const detailText = z.string().max(5_000);
const title = z.string().trim().min(1).max(200);
const unitText = z.string().trim().max(30);
/** Whole yen as a decimal string, never negative (budget lines, costs, effects). */
const nonNegativeYenText = z.string().regex(/^(?:0|[1-9]\d{0,14})$/, {
  error: 'Amount must be a whole number of yen of at most 15 digits, written as a decimal string',
});
const measuredValue = z.number().finite().min(0).max(1e15);
const yearValue = z.strictObject({
  fiscalYear: fiscalYearSchema,
  value: z.number().finite().min(-1e15).max(1e15),
});

/** Sections as stored and as edited; every section has a default so an empty object is an empty report. */
export const analysisReportSchema = z.strictObject({
  conclusion: z.strictObject({ text: longText }).default({ text: '' }),
  currentState: z
    .strictObject({
      text: longText,
      /** 事業費（年間, 円） */
      annualCost: nonNegativeYenText.nullable(),
      /** 従事職員数（人, 小数は兼務の按分） */
      staffCount: measuredValue.nullable(),
      /** 業務量: counts such as 利用者数 or 施設数 */
      volumes: z.array(z.strictObject({ label: title, value: measuredValue, unit: unitText })).max(50),
      /** 事務事業: budget lines with their amount (円; shown in 千円) and legal basis */
      budgetLines: z
        .array(
          z.strictObject({
            name: title,
            amount: nonNegativeYenText,
            legalBasis: z.string().trim().max(500),
            note: z.string().max(1_000),
          }),
        )
        .max(200),
    })
    .default({ text: '', annualCost: null, staffCount: null, volumes: [], budgetLines: [] }),
  needs: z
    .strictObject({ text: longText, needIds: z.array(z.string().uuid()).max(200) })
    .default({ text: '', needIds: [] }),
  comparison: z.strictObject({ text: longText }).default({ text: '' }),
  issues: z
    .strictObject({ items: z.array(z.strictObject({ title, detail: detailText })).max(50) })
    .default({ items: [] }),
  directions: z
    .strictObject({
      items: z
        .array(z.strictObject({ kind: analysisDirectionKindSchema, title, detail: detailText }))
        .max(50),
    })
    .default({ items: [] }),
  roadmap: z
    .strictObject({
      steps: z
        .array(
          z.strictObject({
            fiscalYear: fiscalYearSchema,
            quarter: z.number().int().min(1).max(4).nullable(),
            title,
            detail: z.string().max(2_000),
          }),
        )
        .max(200),
    })
    .default({ steps: [] }),
  effects: z.strictObject({ text: longText }).default({ text: '' }),
  kpis: z
    .strictObject({
      items: z
        .array(
          z.strictObject({
            name: title,
            unit: unitText,
            direction: benchmarkDirectionSchema,
            baseline: yearValue.nullable(),
            targets: z.array(yearValue).max(30),
            actuals: z.array(yearValue).max(30),
          }),
        )
        .max(50),
    })
    .default({ items: [] }),
});

export type AnalysisReport = z.infer<typeof analysisReportSchema>;

const sectionShape = analysisReportSchema.shape;

/** Zod schema for a change of some sections: each section given is replaced whole, the others are kept. */
export const analysisReportPatchSchema = z.strictObject({
  conclusion: sectionShape.conclusion.unwrap().optional(),
  currentState: sectionShape.currentState.unwrap().optional(),
  needs: sectionShape.needs.unwrap().optional(),
  comparison: sectionShape.comparison.unwrap().optional(),
  issues: sectionShape.issues.unwrap().optional(),
  directions: sectionShape.directions.unwrap().optional(),
  roadmap: sectionShape.roadmap.unwrap().optional(),
  effects: sectionShape.effects.unwrap().optional(),
  kpis: sectionShape.kpis.unwrap().optional(),
});

export type AnalysisReportPatch = z.infer<typeof analysisReportPatchSchema>;

// Reads a stored report, filling sections a report written before they existed lacks; null when it does not parse.
export function readStoredAnalysisReport(value: unknown): AnalysisReport | null {
  const parsed = analysisReportSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : null;
}

/** A report with nothing written in it. */
export function emptyAnalysisReport(): AnalysisReport {
  return analysisReportSchema.parse({});
}

/** One change of a leaf value between two versions; long texts also carry a sentence-level diff. */
export type ReportFieldChange = {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: ReportLeaf;
  after: ReportLeaf;
  textDiff?: TextDiffPart[];
};

export type ReportLeaf = string | number | boolean | null;

/** What changed in one section. */
export type ReportSectionComparison = {
  section: AnalysisReportSection;
  isChanged: boolean;
  changes: ReportFieldChange[];
};

export type TextDiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

// Splits Japanese text into sentences (after 。！？ and line breaks) so a diff shows whole sentences.
function sentences(text: string): string[] {
  return text.split(/(?<=[。！？!?\n])/u).filter((part) => part.length > 0);
}

/** Longest-common-subsequence pairs of two sequences, by an equality test. */
function commonSubsequence<T>(
  a: readonly T[],
  b: readonly T[],
  isEqual: (x: T, y: T) => boolean,
): [number, number][] {
  const rows = a.length;
  const columns = b.length;
  const lengths: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i]![j] = isEqual(a[i]!, b[j]!)
        ? lengths[i + 1]![j + 1]! + 1
        : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < columns) {
    if (isEqual(a[i]!, b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/** Texts longer than this (in sentences) are compared by whole text, not sentence by sentence. */
const MAX_DIFF_SENTENCES = 2_000;

// Diffs two texts sentence by sentence: the parts in order, each same, removed or added.
export function diffTextSentences(before: string, after: string): TextDiffPart[] {
  const a = sentences(before);
  const b = sentences(after);
  if (a.length > MAX_DIFF_SENTENCES || b.length > MAX_DIFF_SENTENCES) {
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  }
  const parts: TextDiffPart[] = [];
  const push = (kind: TextDiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  const matches: [number, number][] = [...commonSubsequence(a, b, (x, y) => x === y), [a.length, b.length]];
  for (const [matchA, matchB] of matches) {
    while (i < matchA) push('removed', a[i++]!);
    while (j < matchB) push('added', b[j++]!);
    if (matchA < a.length) push('same', a[matchA]!);
    i = matchA + 1;
    j = matchB + 1;
  }
  return parts;
}

function isLeaf(value: unknown): value is ReportLeaf {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

// Texts of more than one sentence, or long ones, get a sentence diff; a short label is shown whole.
function isLongText(value: ReportLeaf): value is string {
  return typeof value === 'string' && (value.length > 40 || sentences(value).length > 1);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function leavesOf(value: unknown, path: string, out: [string, ReportLeaf][]): void {
  if (isLeaf(value)) {
    out.push([path, value]);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) leavesOf(item, `${path}[${index}]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (inner !== undefined) leavesOf(inner, path ? `${path}.${key}` : key, out);
    }
  }
}

function leafChange(path: string, before: ReportLeaf, after: ReportLeaf): ReportFieldChange {
  const change: ReportFieldChange = { path, kind: 'changed', before, after };
  if (isLongText(before) || isLongText(after)) {
    change.textDiff = diffTextSentences(
      typeof before === 'string' ? before : '',
      typeof after === 'string' ? after : '',
    );
  }
  return change;
}

function compareValues(before: unknown, after: unknown, path: string, out: ReportFieldChange[]): void {
  if (stableJson(before) === stableJson(after)) return;
  if (isLeaf(before) && isLeaf(after)) {
    out.push(leafChange(path, before, after));
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    compareArrays(before, after, path, out);
    return;
  }
  const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
    for (const key of keys) {
      compareValues(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
        out,
      );
    }
    return;
  }
  // The shape itself changed (a value appeared, disappeared or turned into a list): report leaf by leaf.
  const removed: [string, ReportLeaf][] = [];
  const added: [string, ReportLeaf][] = [];
  if (before !== undefined) leavesOf(before, path, removed);
  if (after !== undefined) leavesOf(after, path, added);
  for (const [leafPath, value] of removed)
    out.push({ path: leafPath, kind: 'removed', before: value, after: null });
  for (const [leafPath, value] of added)
    out.push({ path: leafPath, kind: 'added', before: null, after: value });
}

// Lists are matched item by item on equal items; between matches, items are paired in order as changes.
function compareArrays(before: unknown[], after: unknown[], path: string, out: ReportFieldChange[]): void {
  const a = before.map(stableJson);
  const b = after.map(stableJson);
  let i = 0;
  let j = 0;
  const matches: [number, number][] = [...commonSubsequence(a, b, (x, y) => x === y), [a.length, b.length]];
  for (const [matchA, matchB] of matches) {
    while (i < matchA && j < matchB) {
      compareValues(before[i], after[j], `${path}[${j}]`, out);
      i++;
      j++;
    }
    while (i < matchA) {
      const leaves: [string, ReportLeaf][] = [];
      leavesOf(before[i], `${path}[${i}]`, leaves);
      for (const [leafPath, value] of leaves)
        out.push({ path: leafPath, kind: 'removed', before: value, after: null });
      i++;
    }
    while (j < matchB) {
      const leaves: [string, ReportLeaf][] = [];
      leavesOf(after[j], `${path}[${j}]`, leaves);
      for (const [leafPath, value] of leaves)
        out.push({ path: leafPath, kind: 'added', before: null, after: value });
      j++;
    }
    i = matchA + 1;
    j = matchB + 1;
  }
}

// Compares two versions' sections (any JSON per section), section by section, in report order.
export function compareAnalysisReports(
  before: Partial<Record<AnalysisReportSection, unknown>>,
  after: Partial<Record<AnalysisReportSection, unknown>>,
): ReportSectionComparison[] {
  return ANALYSIS_REPORT_SECTIONS.map((section) => {
    const changes: ReportFieldChange[] = [];
    compareValues(before[section], after[section], '', changes);
    return { section, isChanged: changes.length > 0, changes };
  });
}
