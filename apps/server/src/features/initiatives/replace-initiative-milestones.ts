import { isQuarterSpanValid } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  listMilestones,
  lockInitiative,
  replaceMilestones,
  updateInitiativeRow,
} from './initiatives.queries.ts';

export type MilestoneInput = {
  title: string;
  from: { fiscalYear: number; quarter: number };
  to: { fiscalYear: number; quarter: number };
  isDone: boolean;
};

/** Replaces the 工程表 of an initiative; every milestone must run forwards from quarter to quarter. */
export async function replaceInitiativeMilestones(
  tx: Transaction,
  options: { id: string; expectedVersion: number; milestones: MilestoneInput[]; actor: Actor },
) {
  const before = await lockInitiative(tx, options.id);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const backwards = options.milestones.findIndex(
    (milestone) => !isQuarterSpanValid(milestone.from, milestone.to),
  );
  if (backwards >= 0) {
    throw new AppError('validation_failed', {
      messages: {
        ja: `工程の${backwards + 1}行目: 終了の四半期が開始より前です。`,
        en: `Milestone ${backwards + 1} ends before it starts.`,
      },
      fieldErrors: [
        {
          path: `milestones.${backwards}.to`,
          messages: {
            ja: '終了の四半期が開始より前です。',
            en: 'The end quarter is before the start quarter.',
          },
        },
      ],
    });
  }
  const previous = await listMilestones(tx, [before.id]);
  await replaceMilestones(
    tx,
    before.id,
    options.milestones.map((milestone) => ({
      title: milestone.title,
      fromFiscalYear: milestone.from.fiscalYear,
      fromQuarter: milestone.from.quarter,
      toFiscalYear: milestone.to.fiscalYear,
      toQuarter: milestone.to.quarter,
      isDone: milestone.isDone,
    })),
  );
  const after = await updateInitiativeRow(tx, before, {});
  await recordAudit(tx, options.actor, {
    action: 'initiative.milestones',
    entityType: 'initiative',
    entityId: before.id,
    before: previous,
    after: options.milestones,
  });
  return after;
}
