import { z } from '@hono/zod-openapi';
import {
  type ClusterGroup,
  EFFECT_CATEGORIES,
  EFFECT_CATEGORY_LABELS,
  EFFECT_RECURRENCE_LABELS,
  EFFECT_RECURRENCES,
  EFFECT_STAGE_LABELS,
  EFFECT_STAGES,
  fiscalYearLabel,
  type LedgerEntry,
  rollUpLedger,
  targetProgressPercent,
  yenToJson,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { type OrgUnitTree, topUnitOf } from '../bureau-policies/index.ts';
import {
  type analysisLedgerLineSchema,
  type effectClusterSchema,
  type effectSchema,
  type ledgerSchema,
  presentAmounts,
  presentEffect,
  presentTarget,
  unitRef,
} from './effects.presenter.ts';
import {
  analysesBookedInLedger,
  clusterFacts,
  type EffectFilter,
  type EffectRow,
  firstClusterOwners,
  listAcceptedAnalysisVersions,
  listClusterGroups,
  listEffects,
  listTargets,
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

/** The 効果額 lines an analysis version froze, read defensively (a version's content is stored JSON). */
const frozenEffectsSchema = z.object({
  effects: z
    .array(
      z.object({
        label: z.string(),
        fiscalYear: z.number().int(),
        endFiscalYear: z.number().int().nullable(),
        category: z.enum(EFFECT_CATEGORIES),
        recurrence: z.enum(EFFECT_RECURRENCES),
        stage: z.enum(EFFECT_STAGES),
        amount: z.string().regex(/^-?\d+$/),
        basis: z.string(),
      }),
    )
    .catch([]),
});

type AnalysisLine = z.infer<typeof analysisLedgerLineSchema> & { entry: LedgerEntry };

/**
 * The analyses' accepted 効果額 lines that fall to a target: each analysis belongs to the first
 * target (earliest start, then name) whose span holds the analysis's fiscal year. A line counts
 * unless the ledger books that analysis's effects itself (against the analysis or an initiative
 * carrying out its direction): then the booked lines replace the report's, never both.
 */
async function analysisLinesOf(db: Executor, target: TargetRow, tree: OrgUnitTree): Promise<AnalysisLine[]> {
  const [versions, targets, booked] = await Promise.all([
    listAcceptedAnalysisVersions(db),
    listTargets(db),
    analysesBookedInLedger(db),
  ]);
  const mine = versions.filter(
    (version) =>
      targets.find(
        (candidate) =>
          candidate.startFiscalYear <= version.fiscalYear && version.fiscalYear <= candidate.endFiscalYear,
      )?.id === target.id,
  );
  const [facts, owners] = await Promise.all([
    clusterFacts(
      db,
      mine.map((version) => version.clusterId),
    ),
    firstClusterOwners(
      db,
      mine.filter((version) => !version.leadOrgUnitId).map((version) => version.clusterId),
    ),
  ]);
  const lines: AnalysisLine[] = [];
  for (const version of mine) {
    const fact =
      facts.find(
        (entry) =>
          entry.clusterId === version.clusterId &&
          entry.from <= version.fiscalYear &&
          (entry.to === null || entry.to >= version.fiscalYear),
      ) ?? facts.find((entry) => entry.clusterId === version.clusterId);
    const cluster = fact
      ? { id: fact.clusterId, number: fact.number, name: fact.name, group: fact.group }
      : null;
    const orgUnitId = version.leadOrgUnitId ?? owners.get(version.clusterId) ?? null;
    const bureauId = orgUnitId ? topUnitOf(tree, orgUnitId) : null;
    const isBooked = booked.has(version.analysisId);
    const parsed = frozenEffectsSchema.safeParse(version.content);
    for (const line of parsed.success ? parsed.data.effects : []) {
      lines.push({
        analysisId: version.analysisId,
        analysisFiscalYear: version.fiscalYear,
        versionNumber: version.versionNumber,
        cluster,
        label: line.label,
        fiscalYear: line.fiscalYear,
        endFiscalYear: line.endFiscalYear,
        category: line.category,
        categoryLabel: EFFECT_CATEGORY_LABELS[line.category],
        recurrence: line.recurrence,
        recurrenceLabel: EFFECT_RECURRENCE_LABELS[line.recurrence],
        stage: line.stage,
        stageLabel: EFFECT_STAGE_LABELS[line.stage],
        amount: line.amount,
        basis: line.basis,
        orgUnit: orgUnitId ? unitRef(tree, orgUnitId) : null,
        bureau: bureauId ? unitRef(tree, bureauId) : null,
        isCounted: !isBooked,
        notCountedReason: isBooked ? 'booked_in_ledger' : null,
        entry: {
          fiscalYear: line.fiscalYear,
          endFiscalYear: line.endFiscalYear,
          category: line.category,
          recurrence: line.recurrence,
          stage: line.stage,
          amount: BigInt(line.amount),
          group: cluster?.group ?? null,
          bureau: bureauId,
        },
      });
    }
  }
  const order = new Map([...tree.byId.keys()].map((id, index) => [id, index]));
  return lines.sort(
    (a, b) =>
      (a.cluster?.number ?? 0) - (b.cluster?.number ?? 0) ||
      (order.get(a.bureau?.id ?? '') ?? 0) - (order.get(b.bureau?.id ?? '') ?? 0) ||
      a.fiscalYear - b.fiscalYear,
  );
}

/**
 * The ledger against a target: totals by year (with cumulative), cluster group, bureau, category and
 * recurrence, over the ledger's own lines and the analyses' accepted 効果額 (see analysisLinesOf).
 */
export async function loadLedger(
  db: Executor,
  target: TargetRow,
  tree: OrgUnitTree,
): Promise<z.infer<typeof ledgerSchema>> {
  const rows = await listEffects(db, { targetId: target.id });
  const clusters = await clustersByEffect(db, rows);
  const analysisLines = await analysisLinesOf(db, target, tree);
  const countedAnalysisEntries = analysisLines.filter((line) => line.isCounted).map((line) => line.entry);
  const bookedEntries: LedgerEntry[] = rows.map((row) => ({
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
  const ledger = rollUpLedger([...bookedEntries, ...countedAnalysisEntries], span);
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
    entryCount: rows.length + countedAnalysisEntries.length,
    sources: {
      booked: { count: rows.length, amounts: presentAmounts(rollUpLedger(bookedEntries, span).total) },
      analysisReports: {
        count: countedAnalysisEntries.length,
        amounts: presentAmounts(rollUpLedger(countedAnalysisEntries, span).total),
      },
    },
    analysisLines: analysisLines.map(({ entry: _entry, ...line }) => line),
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
