import type { z } from '@hono/zod-openapi';
import {
  fiscalYearRange,
  INITIATIVE_HEALTHS,
  INITIATIVE_SOURCE_KINDS,
  INITIATIVE_STATUSES,
  type InitiativeHealth,
  type InitiativeSourceKind,
  type InitiativeStatus,
  initiativeReportState,
  isoDateOf,
  isUpdateDue,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { OrgUnitTree } from '../bureau-policies/index.ts';
import { initiativePolicy } from './initiatives.policy.ts';
import {
  type initiativeListItemSchema,
  type initiativeSchema,
  presentKpi,
  presentListItem,
  presentMilestone,
  presentUpdate,
} from './initiatives.presenter.ts';
import {
  clusterLabels,
  clustersOf,
  findInitiative,
  type InitiativeFilter,
  lastUpdatesAsOf,
  listInitiatives,
  listKpis,
  listMilestones,
  listUpdates,
  sourceLabels,
} from './initiatives.queries.ts';

/** The day progress is judged on: today, kept inside the fiscal year being looked at. */
export function defaultAsOf(fiscalYear: number, today: string = isoDateOf(new Date())): string {
  const range = fiscalYearRange(fiscalYear);
  if (today < range.start) return range.start;
  if (today > range.end) return range.end;
  return today;
}

/** Initiatives matching a filter, shaped for lists; optionally only those owing an update on asOf. */
export async function listInitiativeItems(
  db: Executor,
  filter: InitiativeFilter & { isUpdateDue?: boolean; isReportOverdue?: boolean },
  context: { tree: OrgUnitTree; asOf: string },
): Promise<z.infer<typeof initiativeListItemSchema>[]> {
  const rows = await listInitiatives(db, filter);
  const clusterIdsByInitiative = await clustersOf(
    db,
    rows.map((row) => row.id),
  );
  const clusters = await clusterLabels(db, [...clusterIdsByInitiative.values()].flat(), filter.fiscalYear);
  const labels = await sourceLabels(db, rows);
  const lastUpdates = await lastUpdatesAsOf(
    db,
    rows.map((row) => row.id),
    context.asOf,
  );
  const items = rows.map((row) =>
    presentListItem(row, {
      tree: context.tree,
      clusterIds: clusterIdsByInitiative.get(row.id) ?? [],
      clusters,
      sourceLabels: labels,
      asOf: context.asOf,
      lastUpdateAsOf: lastUpdates.get(row.id) ?? null,
    }),
  );
  // Org-unit order as the organisation chart lists it, then title.
  const order = new Map([...context.tree.byId.keys()].map((unitId, index) => [unitId, index]));
  const sorted = items.sort(
    (a, b) =>
      (order.get(a.ownerOrgUnit.id) ?? 0) - (order.get(b.ownerOrgUnit.id) ?? 0) ||
      a.title.localeCompare(b.title, 'ja'),
  );
  return sorted.filter(
    (item) =>
      (filter.isUpdateDue === undefined || item.isUpdateDue === filter.isUpdateDue) &&
      (filter.isReportOverdue === undefined || item.isReportOverdue === filter.isReportOverdue),
  );
}

/** One initiative with its 工程表, updates and KPIs, or null. */
export async function loadInitiative(
  db: Executor,
  id: string,
  context: { user: CurrentUser | null; tree: OrgUnitTree; asOf?: string },
): Promise<z.infer<typeof initiativeSchema> | null> {
  const row = await findInitiative(db, id);
  if (!row) return null;
  const asOf = context.asOf ?? defaultAsOf(row.fiscalYear);
  const clusterIds = (await clustersOf(db, [row.id])).get(row.id) ?? [];
  const [clusters, labels, milestones, updates, kpis, lastUpdates] = await Promise.all([
    clusterLabels(db, clusterIds, row.fiscalYear),
    sourceLabels(db, [row]),
    listMilestones(db, [row.id]),
    listUpdates(db, row.id),
    listKpis(db, row.id),
    lastUpdatesAsOf(db, [row.id], asOf),
  ]);
  return {
    ...presentListItem(row, {
      tree: context.tree,
      clusterIds,
      clusters,
      sourceLabels: labels,
      asOf,
      lastUpdateAsOf: lastUpdates.get(row.id) ?? null,
    }),
    summary: row.summary,
    asOf,
    milestones: milestones.map(presentMilestone),
    updates: updates.map((entry) => presentUpdate(entry.update, entry.authorName)),
    kpis: kpis.map((entry) => presentKpi(entry.kpi, entry.years)),
    permissions: {
      canManage: initiativePolicy.canManage(context.user, context.tree, row.ownerOrgUnitId),
      canReport: initiativePolicy.canReport(context.user, context.tree, row.ownerOrgUnitId),
    },
  };
}

export type InitiativeCounts = {
  fiscalYear: number;
  asOf: string;
  total: number;
  updateDue: number;
  /** Open initiatives with a reporting period of the year ended without a report. */
  reportOverdue: number;
  byStatus: Record<InitiativeStatus, number>;
  byHealth: Record<InitiativeHealth, number>;
  bySourceKind: Record<InitiativeSourceKind, number>;
};

/** Counts for dashboards: by status, health and source, and how many owe an update on asOf. */
export async function countInitiatives(
  db: Executor,
  options: { fiscalYear: number; asOf?: string; ownerOrgUnitIds?: string[] },
): Promise<InitiativeCounts> {
  const asOf = options.asOf ?? defaultAsOf(options.fiscalYear);
  const rows = await listInitiatives(db, {
    fiscalYear: options.fiscalYear,
    ownerOrgUnitIds: options.ownerOrgUnitIds,
  });
  const lastUpdates = await lastUpdatesAsOf(
    db,
    rows.map((row) => row.id),
    asOf,
  );
  const zeros = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  const counts: InitiativeCounts = {
    fiscalYear: options.fiscalYear,
    asOf,
    total: rows.length,
    updateDue: 0,
    reportOverdue: 0,
    byStatus: zeros(INITIATIVE_STATUSES),
    byHealth: zeros(INITIATIVE_HEALTHS),
    bySourceKind: zeros(INITIATIVE_SOURCE_KINDS),
  };
  for (const row of rows) {
    counts.byStatus[row.status]++;
    counts.byHealth[row.health]++;
    counts.bySourceKind[row.sourceKind]++;
    const lastUpdateOn = lastUpdates.get(row.id) ?? null;
    if (isUpdateDue({ status: row.status, lastUpdateOn, cadence: row.updateCadence, asOf })) {
      counts.updateDue++;
    }
    const reportState = initiativeReportState({
      status: row.status,
      cadence: row.updateCadence,
      fiscalYear: row.fiscalYear,
      lastUpdateOn,
      createdOn: isoDateOf(row.createdAt),
      asOf,
    });
    if (reportState.isOverdue) counts.reportOverdue++;
  }
  return counts;
}
