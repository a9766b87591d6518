import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { effectYearsOfTarget, insertTarget, lockTarget, updateTargetRow } from './effects.queries.ts';

export type TargetFields = {
  name: string;
  description: string;
  amount: bigint;
  startFiscalYear: number;
  endFiscalYear: number;
};

function assertSpan(fields: Pick<TargetFields, 'startFiscalYear' | 'endFiscalYear'>) {
  if (fields.startFiscalYear > fields.endFiscalYear) {
    throw new AppError('validation_failed', {
      messages: {
        ja: '対象期間の終了年度は開始年度以降にしてください。',
        en: 'The span must not end before it starts.',
      },
    });
  }
}

/** Sets a programme target (e.g. 次世代投資枠) and its span of fiscal years. */
export async function createTarget(tx: Transaction, options: { fields: TargetFields; actor: Actor }) {
  assertSpan(options.fields);
  const row = await insertTarget(tx, options.fields);
  await recordAudit(tx, options.actor, {
    action: 'effect_target.create',
    entityType: 'effect_target',
    entityId: row.id,
    after: row,
  });
  return row;
}

/** Changes a target; its span may not shrink past a year that has lines booked against it. */
export async function updateTarget(
  tx: Transaction,
  options: { id: string; expectedVersion: number; changes: Partial<TargetFields>; actor: Actor },
) {
  const before = await lockTarget(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const merged = { ...before, ...options.changes };
  assertSpan(merged);
  const outside = (await effectYearsOfTarget(tx, before.id)).filter(
    (year) => year < merged.startFiscalYear || year > merged.endFiscalYear,
  );
  if (outside.length > 0) {
    throw new AppError('outside_target_span', {
      messages: {
        ja: `${outside.sort().join('・')}年度の効果額が新しい対象期間の外になるため、変更できません。`,
        en: `Effects booked in FY${outside.join(', FY')} would fall outside the new span.`,
      },
    });
  }
  const after = await updateTargetRow(tx, before, options.changes);
  await recordAudit(tx, options.actor, {
    action: 'effect_target.update',
    entityType: 'effect_target',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
