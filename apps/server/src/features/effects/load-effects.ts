import type { z } from '@hono/zod-openapi';
import {
  type ClusterGroup,
  EFFECT_CATEGORY_LABELS,
  EFFECT_RECURRENCE_LABELS,
  fiscalYearLabel,
  type LedgerEntry,
  rollUpLedger,
  targetProgressPercent,
  yenToJson,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { type OrgUnitTree, topUnitOf } from '../bureau-policies/index.ts';
import {
  type effectClusterSchema,
  type effectSchema,
  type ledgerSchema,
  presentAmounts,
  presentEffect,
  presentTarget,
} from './effects.presenter.ts';
import {
  clusterFacts,
  type EffectFilter,
  type EffectRow,
  listClusterGroups,
  listEffects,
  type TargetRow,
} from './effects.queries.ts';

type ClusterFact = z.infer<typeof effectClusterSchema>;

/** The cluster of each line as it stood in the line's fiscal year. */
async function clustersByEffect(db: Executor, rows: EffectRow[]): Promise<Map<string, ClusterFact | null>> {
  const facts = await clusterFacts(
    db,
    rows.map((row) => row.clusterId).filter((id): id is string => id !== null),
  );
  const result = new Map<string, ClusterFact | null>();
  for (const row of rows) {
    const fact = row.clusterId
      ? (facts.find(
          (entry) =>
            entry.clusterId === row.clusterId &&
            entry.from <= row.fiscalYear &&
            (entry.to === null || entry.to >= row.fiscalYear),
        ) ??
        // A line dated before the register begins takes the cluster as first recorded.
        facts.filter((entry) => entry.clusterId === row.clusterId).sort((a, b) => a.from - b.from)[0])
      : undefined;
    result.set(
      row.id,
      fact ? { id: fact.clusterId, number: fact.number, name: fact.name, group: fact.group } : null,
    );
  }
  return result;
}

/** Ledger lines matching a filter, shaped with their units and clusters. */
export async function listEffectItems(
  db: Executor,
  filter: EffectFilter,
  tree: OrgUnitTree,
): Promise<z.infer<typeof effectSchema>[]> {
  const rows = await listEffects(db, filter);
  const clusters = await clustersByEffect(db, rows);
  return rows.map((row) =>
    presentEffect(row, {
      tree,
      bureauId: topUnitOf(tree, row.orgUnitId),
      cluster: clusters.get(row.id) ?? null,
    }),
  );
}

/** One ledger line shaped for the API. */
export async function presentEffectRow(db: Executor, row: EffectRow, tree: OrgUnitTree) {
  const clusters = await clustersByEffect(db, [row]);
  return presentEffect(row, {
    tree,
    bureauId: topUnitOf(tree, row.orgUnitId),
    cluster: clusters.get(row.id) ?? null,
  });
}

/** The ledger against a target: totals by year (with cumulative), cluster group, bureau, category and recurrence. */
export async function loadLedger(
  db: Executor,
  target: TargetRow,
  tree: OrgUnitTree,
): Promise<z.infer<typeof ledgerSchema>> {
  const rows = await listEffects(db, { targetId: target.id });
  const clusters = await clustersByEffect(db, rows);
  const entries: LedgerEntry[] = rows.map((row) => ({
    fiscalYear: row.fiscalYear,
    endFiscalYear: row.endFiscalYear,
    category: row.category,
    recurrence: row.recurrence,
    stage: row.stage,
    amount: row.amount,
    group: clusters.get(row.id)?.group ?? null,
    bureau: topUnitOf(tree, row.orgUnitId),
  }));
  const span = { startFiscalYear: target.startFiscalYear, endFiscalYear: target.endFiscalYear };
  const ledger = rollUpLedger(entries, span);
  const groups = await listClusterGroups(db);
  const order = new Map([...tree.byId.keys()].map((id, index) => [id, index]));
  // Groups in the programme's order; lines outside every cluster come last.
  const groupRank = (key: string | null) =>
    key === null ? groups.length : groups.findIndex((group) => group.code === key);
  return {
    target: presentTarget(target),
    total: presentAmounts(ledger.total),
    remaining: yenToJson(target.amount - ledger.total.total),
    progressPercent: {
      actual: targetProgressPercent(ledger.total.actual, target.amount),
      total: targetProgressPercent(ledger.total.total, target.amount),
    },
    entryCount: rows.length,
    byYear: ledger.byYear.map((year) => ({
      fiscalYear: year.fiscalYear,
      label: fiscalYearLabel(year.fiscalYear),
      amounts: presentAmounts(year.amounts),
      cumulative: presentAmounts(year.cumulative),
      byCategory: year.byCategory.map((entry) => ({
        key: entry.key,
        label: EFFECT_CATEGORY_LABELS[entry.key],
        amounts: presentAmounts(entry.amounts),
      })),
    })),
    byGroup: ledger.byGroup
      .map((entry) => {
        const group = groups.find((candidate) => candidate.code === entry.key);
        return {
          key: entry.key as ClusterGroup | null,
          label: group
            ? { ja: group.name, en: group.nameEn }
            : { ja: '事業クラスター外', en: 'Outside the clusters' },
          amounts: presentAmounts(entry.amounts),
        };
      })
      .sort((a, b) => groupRank(a.key) - groupRank(b.key)),
    byBureau: ledger.byBureau
      .map((entry) => {
        const node = entry.key ? tree.byId.get(entry.key) : undefined;
        return {
          key: entry.key,
          code: node?.code ?? '',
          name: node?.name ?? '',
          amounts: presentAmounts(entry.amounts),
        };
      })
      .sort(
        (a, b) =>
          (order.get(a.key ?? '') ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.key ?? '') ?? Number.MAX_SAFE_INTEGER),
      ),
    byCategory: ledger.byCategory.map((entry) => ({
      key: entry.key,
      label: EFFECT_CATEGORY_LABELS[entry.key],
      amounts: presentAmounts(entry.amounts),
    })),
    byRecurrence: ledger.byRecurrence.map((entry) => ({
      key: entry.key,
      label: EFFECT_RECURRENCE_LABELS[entry.key],
      amounts: presentAmounts(entry.amounts),
    })),
  };
}
