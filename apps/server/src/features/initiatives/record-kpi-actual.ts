import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { listKpis, lockInitiative, setKpiActual, updateInitiativeRow } from './initiatives.queries.ts';

/**
 * Records a KPI's actual for a fiscal year. The achievement rate is measured against the year's
 * target, so a year without a target is refused: set the target first.
 */
export async function recordKpiActual(
  tx: Transaction,
  options: {
    id: string;
    expectedVersion: number;
    kpiId: string;
    fiscalYear: number;
    actual: string;
    note: string | null;
    actor: Actor;
  },
) {
  const before = await lockInitiative(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const kpi = (await listKpis(tx, before.id)).find((entry) => entry.kpi.id === options.kpiId);
  if (!kpi) throw notFound();
  const year = kpi.years.find((entry) => entry.fiscalYear === options.fiscalYear);
  if (!year || year.target === null) throw new AppError('kpi_target_missing');
  await setKpiActual(tx, options.kpiId, options.fiscalYear, options.actual, options.note);
  const after = await updateInitiativeRow(tx, before, {});
  await recordAudit(tx, options.actor, {
    action: 'initiative.kpi_actual',
    entityType: 'initiative',
    entityId: before.id,
    before: { kpiId: options.kpiId, fiscalYear: options.fiscalYear, actual: year.actual },
    after: {
      kpiId: options.kpiId,
      fiscalYear: options.fiscalYear,
      actual: options.actual,
      note: options.note,
    },
  });
  return after;
}
