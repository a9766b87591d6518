import type { BenchmarkDirection } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { authorize } from '../../lib/authorization.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type AnalysisAccess, analysisPolicy } from './analyses.policy.ts';
import { snapshotIndicator } from './analyses.presenter.ts';
import { updateAnalysisRow } from './analyses.queries.ts';
import {
  findIndicator,
  insertIndicator,
  listIndicators,
  replaceIndicatorValues,
  updateIndicator,
} from './analysis-figures.queries.ts';
import { assertDraftEditable, lockOpenAnalysis } from './analysis-guards.ts';
import { assertBenchmarkValues, type BenchmarkValueInput } from './benchmark-values.ts';

export type IndicatorInput = {
  name: string;
  unit: string;
  direction: BenchmarkDirection;
  source: string;
  note: string;
  values: BenchmarkValueInput[];
};

function duplicateName(name: string): AppError {
  return new AppError('conflict', {
    messages: { ja: `指標「${name}」は既にあります。`, en: `There is already an indicator called ${name}.` },
  });
}

/** Creates a benchmark indicator (indicatorId null) or replaces one, with all its values. */
export async function saveBenchmarkIndicator(
  tx: Transaction,
  options: {
    analysisId: string;
    indicatorId: string | null;
    expectedVersion: number;
    indicator: IndicatorInput;
    access: AnalysisAccess;
    actor: Actor;
  },
) {
  authorize(analysisPolicy.canEditReport(options.access));
  const analysis = await lockOpenAnalysis(tx, options.analysisId, options.expectedVersion);
  assertDraftEditable(analysis);
  assertBenchmarkValues(options.indicator.values);
  const existing = await listIndicators(tx, analysis.id);
  const { values, ...fields } = options.indicator;
  if (existing.some((indicator) => indicator.name === fields.name && indicator.id !== options.indicatorId)) {
    throw duplicateName(fields.name);
  }
  let indicatorId: string;
  let before: ReturnType<typeof snapshotIndicator> | null = null;
  if (options.indicatorId === null) {
    indicatorId = (await insertIndicator(tx, { analysisId: analysis.id, ...fields })).id;
  } else {
    const current = await findIndicator(tx, analysis.id, options.indicatorId);
    if (!current) throw notFound();
    before = snapshotIndicator(existing.find((indicator) => indicator.id === current.id)!);
    indicatorId = current.id;
    await updateIndicator(tx, indicatorId, fields);
  }
  await replaceIndicatorValues(tx, indicatorId, values);
  const saved = (await listIndicators(tx, analysis.id)).find((indicator) => indicator.id === indicatorId)!;
  const updated = await updateAnalysisRow(tx, analysis.id, analysis.version);
  await recordAudit(tx, options.actor, {
    action: options.indicatorId === null ? 'analysis.benchmark.create' : 'analysis.benchmark.update',
    entityType: 'analysis',
    entityId: analysis.id,
    before,
    after: { indicatorId, ...snapshotIndicator(saved) },
  });
  return { analysis: updated, indicator: saved };
}
