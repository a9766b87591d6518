import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  deleteKpis,
  listKpis,
  lockInitiative,
  pruneEmptyKpiYears,
  saveKpi,
  updateInitiativeRow,
  upsertKpiTarget,
} from './initiatives.queries.ts';

export type KpiInput = {
  id?: string;
  name: string;
  unit: string;
  baseline: string | null;
  baselineFiscalYear: number | null;
  targets: { fiscalYear: number; value: string }[];
};

/**
 * Replaces an initiative's KPI definitions and yearly targets. Actuals already recorded stay; a
 * target cannot be taken away from a year that has an actual, since its achievement rate would
 * be left without a target.
 */
export async function replaceInitiativeKpis(
  tx: Transaction,
  options: { id: string; expectedVersion: number; kpis: KpiInput[]; actor: Actor },
) {
  const before = await lockInitiative(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const existing = await listKpis(tx, before.id);
  const existingIds = new Set(existing.map((entry) => entry.kpi.id));
  for (const kpi of options.kpis) {
    if (kpi.id && !existingIds.has(kpi.id)) {
      throw new AppError('unprocessable', {
        messages: {
          ja: 'この取組にない KPI が指定されました。',
          en: 'A KPI of another initiative was given.',
        },
      });
    }
    const years = kpi.targets.map((target) => target.fiscalYear);
    if (new Set(years).size !== years.length) {
      throw new AppError('validation_failed', {
        messages: {
          ja: `KPI「${kpi.name}」の目標年度が重複しています。`,
          en: `KPI "${kpi.name}" has a year twice.`,
        },
      });
    }
    const kept = existing.find((entry) => entry.kpi.id === kpi.id);
    const orphaned = kept?.years.find((year) => year.actual !== null && !years.includes(year.fiscalYear));
    if (orphaned) {
      throw new AppError('kpi_target_missing', {
        messages: {
          ja: `KPI「${kpi.name}」は${orphaned.fiscalYear}年度の実績があるため、その年度の目標値は削除できません。`,
          en: `KPI "${kpi.name}" has an actual for FY${orphaned.fiscalYear}, so that year's target cannot be removed.`,
        },
      });
    }
  }
  const keptIds = new Set(options.kpis.map((kpi) => kpi.id).filter((id): id is string => id !== undefined));
  await deleteKpis(
    tx,
    [...existingIds].filter((id) => !keptIds.has(id)),
  );
  for (const [position, kpi] of options.kpis.entries()) {
    const kpiId = await saveKpi(tx, {
      id: kpi.id,
      initiativeId: before.id,
      position,
      name: kpi.name,
      unit: kpi.unit,
      baseline: kpi.baseline,
      baselineFiscalYear: kpi.baselineFiscalYear,
    });
    const kept = existing.find((entry) => entry.kpi.id === kpiId);
    for (const year of kept?.years ?? []) {
      if (!kpi.targets.some((target) => target.fiscalYear === year.fiscalYear))
        await upsertKpiTarget(tx, kpiId, year.fiscalYear, null);
    }
    for (const target of kpi.targets) await upsertKpiTarget(tx, kpiId, target.fiscalYear, target.value);
    await pruneEmptyKpiYears(tx, kpiId);
  }
  const after = await updateInitiativeRow(tx, before, {});
  await recordAudit(tx, options.actor, {
    action: 'initiative.kpis',
    entityType: 'initiative',
    entityId: before.id,
    before: existing,
    after: options.kpis,
  });
  return after;
}
