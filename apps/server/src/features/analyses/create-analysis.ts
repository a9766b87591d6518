import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { insertAnalysis, isClusterInEffect, replaceDueMeetings } from './analyses.queries.ts';
import { checkDueMeetings, checkPlanPeople, type DueMeetingPlan } from './plan-fields.ts';

/** Puts a cluster on a fiscal year's analysis plan with its lead org unit, contact and due meetings. */
export async function createAnalysis(
  tx: Transaction,
  options: {
    clusterId: string;
    fiscalYear: number;
    leadOrgUnitId: string | null;
    contactUserId: string | null;
    dueMeetings: DueMeetingPlan;
    actor: Actor;
  },
) {
  if (!(await isClusterInEffect(tx, options.clusterId, options.fiscalYear))) {
    throw new AppError('unprocessable', {
      messages: {
        ja: 'その事業クラスターはこの年度の一覧にありません。',
        en: 'The cluster is not in the register of that fiscal year.',
      },
      fieldErrors: [
        {
          path: 'clusterId',
          messages: { ja: '事業クラスターを選び直してください。', en: 'Choose another cluster.' },
        },
      ],
    });
  }
  await checkPlanPeople(tx, options);
  const dueMeetings = await checkDueMeetings(tx, options.dueMeetings, options.fiscalYear);
  const created = await insertAnalysis(tx, {
    clusterId: options.clusterId,
    fiscalYear: options.fiscalYear,
    leadOrgUnitId: options.leadOrgUnitId,
    contactUserId: options.contactUserId,
  });
  if (!created) {
    throw new AppError('conflict', {
      messages: {
        ja: 'この事業クラスターはこの年度の経営分析に既に入っています。',
        en: 'This cluster is already on that year’s analysis plan.',
      },
    });
  }
  await replaceDueMeetings(tx, created.id, dueMeetings);
  await recordAudit(tx, options.actor, {
    action: 'analysis.plan.create',
    entityType: 'analysis',
    entityId: created.id,
    after: { ...created, dueMeetings },
  });
  return created;
}
