import { z } from '@hono/zod-openapi';
import {
  CLUSTER_GROUPS,
  EFFECT_CATEGORIES,
  EFFECT_CATEGORY_LABELS,
  EFFECT_RECURRENCE_LABELS,
  EFFECT_RECURRENCES,
  EFFECT_SOURCE_KIND_LABELS,
  EFFECT_SOURCE_KINDS,
  EFFECT_STAGE_LABELS,
  EFFECT_STAGES,
  type LedgerAmounts,
  yenToJson,
} from '@totonoe/domain';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import type { EffectRow, TargetRow } from './effects.queries.ts';

const labelSchema = z.object({ ja: z.string(), en: z.string() });
const yenText = z.string().openapi({ description: 'Whole yen as a decimal string', example: '33000000000' });
const unitRefSchema = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });

export const effectClusterSchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  name: z.string(),
  group: z.enum(CLUSTER_GROUPS),
});

export const effectSchema = z
  .object({
    id: z.string().uuid(),
    targetId: z.string().uuid().nullable(),
    title: z.string(),
    fiscalYear: z.number().int(),
    endFiscalYear: z.number().int().nullable(),
    category: z.enum(EFFECT_CATEGORIES),
    categoryLabel: labelSchema,
    recurrence: z.enum(EFFECT_RECURRENCES),
    recurrenceLabel: labelSchema,
    stage: z.enum(EFFECT_STAGES),
    stageLabel: labelSchema,
    amount: yenText,
    basis: z.string(),
    sourceKind: z.enum(EFFECT_SOURCE_KINDS),
    sourceKindLabel: labelSchema,
    sourceId: z.string().uuid(),
    orgUnit: unitRefSchema,
    bureau: unitRefSchema,
    cluster: effectClusterSchema.nullable(),
    version: z.number().int(),
  })
  .openapi('Effect');

export const targetSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    description: z.string(),
    amount: yenText,
    startFiscalYear: z.number().int(),
    endFiscalYear: z.number().int(),
    version: z.number().int(),
  })
  .openapi('EffectTarget');

export const ledgerAmountsSchema = z
  .object({ planned: yenText, actual: yenText, total: yenText })
  .openapi('LedgerAmounts');

/**
 * A 効果額 line of an analysis report as the ledger shows it: read-only (it is changed in the
 * analysis), from the newest accepted or reported version, counted unless the ledger books the
 * analysis's effects itself.
 */
export const analysisLedgerLineSchema = z
  .object({
    analysisId: z.string().uuid(),
    analysisFiscalYear: z.number().int(),
    versionNumber: z.number().int(),
    cluster: effectClusterSchema.nullable(),
    label: z.string(),
    fiscalYear: z.number().int(),
    endFiscalYear: z.number().int().nullable(),
    category: z.enum(EFFECT_CATEGORIES),
    categoryLabel: labelSchema,
    recurrence: z.enum(EFFECT_RECURRENCES),
    recurrenceLabel: labelSchema,
    stage: z.enum(EFFECT_STAGES),
    stageLabel: labelSchema,
    amount: yenText,
    basis: z.string(),
    orgUnit: unitRefSchema.nullable(),
    bureau: unitRefSchema.nullable(),
    isCounted: z.boolean(),
    /** Why a line is not counted: the ledger books this analysis's effects itself (no double counting). */
    notCountedReason: z.enum(['booked_in_ledger']).nullable(),
  })
  .openapi('AnalysisLedgerLine');

export const ledgerSchema = z
  .object({
    target: targetSchema,
    total: ledgerAmountsSchema,
    /** What the total is made of: the ledger's own lines and the analyses' accepted 効果額. */
    sources: z.object({
      booked: z.object({ count: z.number().int(), amounts: ledgerAmountsSchema }),
      analysisReports: z.object({ count: z.number().int(), amounts: ledgerAmountsSchema }),
    }),
    analysisLines: z.array(analysisLedgerLineSchema),
    remaining: yenText,
    progressPercent: z.object({ actual: z.number(), total: z.number() }),
    entryCount: z.number().int(),
    byYear: z.array(
      z.object({
        fiscalYear: z.number().int(),
        label: z.string(),
        amounts: ledgerAmountsSchema,
        cumulative: ledgerAmountsSchema,
        byCategory: z.array(
          z.object({ key: z.enum(EFFECT_CATEGORIES), label: labelSchema, amounts: ledgerAmountsSchema }),
        ),
      }),
    ),
    byGroup: z.array(
      z.object({ key: z.enum(CLUSTER_GROUPS).nullable(), label: labelSchema, amounts: ledgerAmountsSchema }),
    ),
    byBureau: z.array(
      z.object({
        key: z.string().uuid().nullable(),
        code: z.string(),
        name: z.string(),
        amounts: ledgerAmountsSchema,
      }),
    ),
    byCategory: z.array(
      z.object({ key: z.enum(EFFECT_CATEGORIES), label: labelSchema, amounts: ledgerAmountsSchema }),
    ),
    byRecurrence: z.array(
      z.object({ key: z.enum(EFFECT_RECURRENCES), label: labelSchema, amounts: ledgerAmountsSchema }),
    ),
  })
  .openapi('EffectLedger');

/** Amounts for JSON: decimal strings. */
export function presentAmounts(amounts: LedgerAmounts): z.infer<typeof ledgerAmountsSchema> {
  return {
    planned: yenToJson(amounts.planned),
    actual: yenToJson(amounts.actual),
    total: yenToJson(amounts.total),
  };
}

/** A reference to an org unit. */
export function unitRef(tree: OrgUnitTree, id: string) {
  const node = tree.byId.get(id);
  return { id, code: node?.code ?? '', name: node?.name ?? '' };
}

/** Shapes a target. */
export function presentTarget(row: TargetRow): z.infer<typeof targetSchema> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    amount: yenToJson(row.amount),
    startFiscalYear: row.startFiscalYear,
    endFiscalYear: row.endFiscalYear,
    version: row.version,
  };
}

/** Shapes a ledger line with its unit, bureau and cluster as they stood in its year. */
export function presentEffect(
  row: EffectRow,
  context: { tree: OrgUnitTree; bureauId: string; cluster: z.infer<typeof effectClusterSchema> | null },
): z.infer<typeof effectSchema> {
  return {
    id: row.id,
    targetId: row.targetId,
    title: row.title,
    fiscalYear: row.fiscalYear,
    endFiscalYear: row.endFiscalYear,
    category: row.category,
    categoryLabel: EFFECT_CATEGORY_LABELS[row.category],
    recurrence: row.recurrence,
    recurrenceLabel: EFFECT_RECURRENCE_LABELS[row.recurrence],
    stage: row.stage,
    stageLabel: EFFECT_STAGE_LABELS[row.stage],
    amount: yenToJson(row.amount),
    basis: row.basis,
    sourceKind: row.sourceKind,
    sourceKindLabel: EFFECT_SOURCE_KIND_LABELS[row.sourceKind],
    sourceId: row.sourceId,
    orgUnit: unitRef(context.tree, row.orgUnitId),
    bureau: unitRef(context.tree, context.bureauId),
    cluster: context.cluster,
    version: row.version,
  };
}
