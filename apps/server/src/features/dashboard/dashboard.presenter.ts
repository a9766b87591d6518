import { z } from '@hono/zod-openapi';
import {
  ANALYSIS_STAGES,
  APPROVAL_STATUSES,
  CLUSTER_GROUPS,
  DATE_PRECISIONS,
  PLATINUM_THEMES,
} from '@totonoe/domain';
import type { Dashboard } from './load-dashboard.ts';
import { DASHBOARD_METRICS } from './load-dashboard-records.ts';
import type { Overview } from './load-overview.ts';
import type { RecordRef } from './stream-adapters.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const breakdownSchema = z
  .object({ key: z.string(), label: localized, count: z.number().int() })
  .openapi('DashboardBreakdown');

const recordLinkType = z.enum([
  'cluster',
  'analysis',
  'meeting',
  'bureau_policy',
  'initiative',
  'effect',
  'platinum_issue',
  'platinum_idea',
  'need',
]);

export const recordRefSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    detail: z.string(),
    link: z.object({ type: recordLinkType, id: z.string() }),
  })
  .openapi('DashboardRecord');

const meetingFigureSchema = z.object({
  id: z.string().uuid(),
  sequence: z.number().int(),
  title: z.string(),
  span: z.object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() }),
  spanLabel: localized,
  plannedLabel: localized,
  heldOn: z.string().nullable(),
  isHeld: z.boolean(),
  reports: z.array(
    z.object({ title: z.string(), link: z.object({ type: recordLinkType, id: z.string() }).nullable() }),
  ),
  analysesDue: z.array(
    z.object({
      analysisId: z.string().uuid(),
      label: z.string(),
      stage: z.enum(ANALYSIS_STAGES),
      stageLabel: localized,
      isReported: z.boolean(),
    }),
  ),
  decisionCount: z.number().int(),
  openActionCount: z.number().int(),
});

export const dashboardSchema = z
  .object({
    fiscalYear: z.number().int(),
    today: z.string(),
    orgUnit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    analyses: z.object({
      clusterCount: z.number().int(),
      targetCount: z.number().int(),
      byStage: z.array(breakdownSchema),
      effects: z.object({ planned: z.string(), actual: z.string(), analysesWithEffects: z.number().int() }),
      byGroup: z.array(
        z.object({
          key: z.enum(CLUSTER_GROUPS),
          label: localized,
          subtitle: z.string().nullable(),
          clusterCount: z.number().int(),
          targetCount: z.number().int(),
          byStage: z.array(breakdownSchema),
        }),
      ),
    }),
    meetings: z.object({
      held: z.number().int(),
      planned: z.number().int(),
      next: meetingFigureSchema.nullable(),
      items: z.array(meetingFigureSchema),
      decisions: z.number().int(),
      actions: z.object({
        total: z.number().int(),
        open: z.number().int(),
        overdue: z.number().int(),
        byStatus: z.array(breakdownSchema),
      }),
    }),
    policies: z.object({
      isAvailable: z.boolean(),
      total: z.number().int(),
      byStatus: z.array(breakdownSchema),
      byBureau: z.array(
        z.object({
          policyId: z.string().uuid(),
          orgUnit: z.object({ id: z.string().uuid(), name: z.string() }),
          title: z.string(),
          versionNumber: z.number().int(),
          status: z.enum(APPROVAL_STATUSES),
          statusLabel: localized,
          isPublished: z.boolean(),
          isTitleShown: z.boolean(),
        }),
      ),
    }),
    initiatives: z.object({
      isAvailable: z.boolean(),
      total: z.number().int(),
      byStatus: z.array(breakdownSchema),
      byHealth: z.array(breakdownSchema),
      stale: z.number().int(),
    }),
    effects: z.object({
      isAvailable: z.boolean(),
      target: z
        .object({
          name: z.string(),
          amount: z.string(),
          startFiscalYear: z.number().int(),
          endFiscalYear: z.number().int(),
        })
        .nullable(),
      planned: z.string(),
      actual: z.string(),
      total: z.string(),
      percentOfTarget: z.number().nullable(),
    }),
    platinum: z.object({
      isAvailable: z.boolean(),
      campaignTitle: z.string().nullable(),
      campaignId: z.string().uuid().nullable(),
      funnel: z.array(breakdownSchema),
      byTheme: z.array(
        z.object({ key: z.enum(PLATINUM_THEMES), label: localized, funnel: z.array(breakdownSchema) }),
      ),
      byBureau: z.array(
        z.object({
          orgUnit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
          funnel: z.array(breakdownSchema),
        }),
      ),
      stepDurations: z.array(
        z.object({
          step: z.string(),
          label: localized,
          averageDays: z.number().nullable(),
          passed: z.number().int(),
        }),
      ),
      overdue: z.number().int(),
    }),
    needs: z.object({
      isAvailable: z.boolean(),
      total: z.number().int(),
      bySide: z.array(breakdownSchema),
      byStatus: z.array(breakdownSchema),
    }),
  })
  .openapi('Dashboard');

export const dashboardRecordsSchema = z
  .object({
    metric: z.enum(DASHBOARD_METRICS),
    key: z.string(),
    title: localized,
    isAvailable: z.boolean(),
    items: z.array(recordRefSchema),
    /** How many records the figure counts; more than `items` when the list stops at its limit. */
    total: z.number().int(),
  })
  .openapi('DashboardRecords');

export const overviewSchema = z
  .object({
    fiscalYear: z.number().int(),
    boxes: z.array(
      z.object({
        id: z.string(),
        role: z.enum(['bearer', 'driver', 'input', 'stream']),
        title: localized,
        description: localized,
        parts: z.array(localized),
        figures: z.array(
          z.object({
            label: localized,
            value: z.number().int(),
            isAvailable: z.boolean(),
            drill: z.object({ metric: z.enum(DASHBOARD_METRICS), key: z.string() }).nullable(),
          }),
        ),
        screen: z.enum(['meetings', 'policies', 'clusters', 'initiatives', 'platinum', 'needs', 'dashboard']),
      }),
    ),
    relations: z.array(z.object({ from: z.string(), to: z.string(), label: localized })),
  })
  .openapi('Overview');

/** Shapes the dashboard; yen leave as decimal strings. */
export function presentDashboard(dashboard: Dashboard): z.infer<typeof dashboardSchema> {
  const { effects, analyses } = dashboard;
  return {
    ...dashboard,
    analyses: {
      ...analyses,
      effects: {
        planned: analyses.effects.planned.toString(),
        actual: analyses.effects.actual.toString(),
        analysesWithEffects: analyses.effects.analysesWithEffects,
      },
    },
    effects: {
      ...effects,
      target: effects.target ? { ...effects.target, amount: effects.target.amount.toString() } : null,
      planned: effects.planned.toString(),
      actual: effects.actual.toString(),
      total: effects.total.toString(),
    },
  };
}

/** Shapes the records behind a number. */
export function presentDashboardRecords(
  metric: (typeof DASHBOARD_METRICS)[number],
  key: string,
  drill: { title: { ja: string; en: string }; isAvailable: boolean; items: RecordRef[]; total: number },
): z.infer<typeof dashboardRecordsSchema> {
  return { metric, key, ...drill };
}

/** Shapes the whole picture. */
export function presentOverview(overview: Overview): z.infer<typeof overviewSchema> {
  return overview;
}
