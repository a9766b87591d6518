import { z } from '@hono/zod-openapi';
import {
  INITIATIVE_HEALTH_LABELS,
  INITIATIVE_HEALTHS,
  INITIATIVE_SOURCE_KIND_LABELS,
  INITIATIVE_SOURCE_KINDS,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
  initiativeReportState,
  isoDateOf,
  isUpdateDue,
  kpiAchievement,
  quarterLabel,
  UPDATE_CADENCES,
} from '@totonoe/domain';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import type { InitiativeRow, KpiRow, KpiYearRow, MilestoneRow, UpdateRow } from './initiatives.queries.ts';

const labelSchema = z.object({ ja: z.string(), en: z.string() });
const orgUnitRefSchema = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });
const quarterSchema = z.object({ fiscalYear: z.number().int(), quarter: z.number().int().min(1).max(4) });

export const initiativeListItemSchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    title: z.string(),
    sourceKind: z.enum(INITIATIVE_SOURCE_KINDS),
    sourceKindLabel: labelSchema,
    sourceId: z.string().uuid().nullable(),
    sourceLabel: z.string().nullable(),
    ownerOrgUnit: orgUnitRefSchema,
    status: z.enum(INITIATIVE_STATUSES),
    statusLabel: labelSchema,
    health: z.enum(INITIATIVE_HEALTHS),
    healthLabel: labelSchema,
    updateCadence: z.enum(UPDATE_CADENCES),
    lastUpdateOn: z.string().nullable(),
    isUpdateDue: z.boolean(),
    /** The last day of the period whose progress report is owed next (null: nothing more this year). */
    reportDueOn: z.string().nullable(),
    /** 報告滞留: a reporting period of the year ended without a report. */
    isReportOverdue: z.boolean(),
    clusters: z.array(z.object({ id: z.string().uuid(), number: z.number().int(), name: z.string() })),
    version: z.number().int(),
  })
  .openapi('InitiativeListItem');

export const milestoneSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    from: quarterSchema,
    to: quarterSchema,
    label: z.string(),
    isDone: z.boolean(),
  })
  .openapi('InitiativeMilestone');

export const progressUpdateSchema = z
  .object({
    id: z.string().uuid(),
    reportedOn: z.string(),
    body: z.string(),
    status: z.enum(INITIATIVE_STATUSES),
    health: z.enum(INITIATIVE_HEALTHS),
    author: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('InitiativeProgressUpdate');

export const kpiSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    unit: z.string(),
    baseline: z.string().nullable(),
    baselineFiscalYear: z.number().int().nullable(),
    years: z.array(
      z.object({
        fiscalYear: z.number().int(),
        target: z.string().nullable(),
        actual: z.string().nullable(),
        actualNote: z.string().nullable(),
        achievementRatePercent: z.number().nullable(),
        achievementProblem: z.enum(['target_missing', 'actual_missing']).nullable(),
      }),
    ),
  })
  .openapi('InitiativeKpi');

export const initiativeSchema = initiativeListItemSchema
  .extend({
    summary: z.string(),
    asOf: z.string(),
    milestones: z.array(milestoneSchema),
    updates: z.array(progressUpdateSchema),
    kpis: z.array(kpiSchema),
    permissions: z.object({ canManage: z.boolean(), canReport: z.boolean() }),
  })
  .openapi('Initiative');

/** Decimal text as a person writes it: 41.5 rather than 41.5000. */
export function decimalText(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** Shapes an initiative for lists. */
export function presentListItem(
  row: InitiativeRow,
  context: {
    tree: OrgUnitTree;
    clusterIds: string[];
    clusters: Map<string, { id: string; number: number; name: string }>;
    sourceLabels: Map<string, string>;
    asOf: string;
    /** The latest report on or before asOf (a later one does not count for a day already past). */
    lastUpdateAsOf: string | null;
  },
): z.infer<typeof initiativeListItemSchema> {
  const owner = context.tree.byId.get(row.ownerOrgUnitId);
  const reportState = initiativeReportState({
    status: row.status,
    cadence: row.updateCadence,
    fiscalYear: row.fiscalYear,
    lastUpdateOn: context.lastUpdateAsOf,
    createdOn: isoDateOf(row.createdAt),
    asOf: context.asOf,
  });
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    title: row.title,
    sourceKind: row.sourceKind,
    sourceKindLabel: INITIATIVE_SOURCE_KIND_LABELS[row.sourceKind],
    sourceId: row.sourceId,
    sourceLabel: row.sourceId ? (context.sourceLabels.get(row.sourceId) ?? null) : null,
    ownerOrgUnit: { id: row.ownerOrgUnitId, code: owner?.code ?? '', name: owner?.name ?? '' },
    status: row.status,
    statusLabel: INITIATIVE_STATUS_LABELS[row.status],
    health: row.health,
    healthLabel: INITIATIVE_HEALTH_LABELS[row.health],
    updateCadence: row.updateCadence,
    lastUpdateOn: row.lastUpdateOn,
    isUpdateDue: isUpdateDue({
      status: row.status,
      lastUpdateOn: context.lastUpdateAsOf,
      cadence: row.updateCadence,
      asOf: context.asOf,
    }),
    reportDueOn: reportState.reportDueOn,
    isReportOverdue: reportState.isOverdue,
    clusters: context.clusterIds
      .map((id) => context.clusters.get(id))
      .filter((cluster) => cluster !== undefined)
      .sort((a, b) => a.number - b.number),
    version: row.version,
  };
}

/** Shapes a milestone of the 工程表. */
export function presentMilestone(row: MilestoneRow): z.infer<typeof milestoneSchema> {
  const from = { fiscalYear: row.fromFiscalYear, quarter: row.fromQuarter };
  const to = { fiscalYear: row.toFiscalYear, quarter: row.toQuarter };
  const isSingle = from.fiscalYear === to.fiscalYear && from.quarter === to.quarter;
  return {
    id: row.id,
    title: row.title,
    from,
    to,
    label: isSingle ? quarterLabel(from) : `${quarterLabel(from)}〜${quarterLabel(to)}`,
    isDone: row.isDone,
  };
}

/** Shapes a progress update. */
export function presentUpdate(
  row: UpdateRow,
  authorName: string | null,
): z.infer<typeof progressUpdateSchema> {
  return {
    id: row.id,
    reportedOn: row.reportedOn,
    body: row.body,
    status: row.status,
    health: row.health,
    author: row.authorId ? { id: row.authorId, name: authorName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Shapes a KPI with its figures by year and the achievement rate where there is a target and an actual. */
export function presentKpi(kpi: KpiRow, years: KpiYearRow[]): z.infer<typeof kpiSchema> {
  const baseline = decimalText(kpi.baseline);
  return {
    id: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    baseline,
    baselineFiscalYear: kpi.baselineFiscalYear,
    years: years.map((year) => {
      const target = decimalText(year.target);
      const actual = decimalText(year.actual);
      const achievement = kpiAchievement({
        baseline: baseline === null ? null : Number(baseline),
        target: target === null ? null : Number(target),
        actual: actual === null ? null : Number(actual),
      });
      return {
        fiscalYear: year.fiscalYear,
        target,
        actual,
        actualNote: year.actualNote,
        achievementRatePercent: achievement.ok ? achievement.ratePercent : null,
        achievementProblem: achievement.ok ? null : achievement.reason,
      };
    }),
  };
}
