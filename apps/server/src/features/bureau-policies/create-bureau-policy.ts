import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { findPolicyOf, insertPolicy, insertStep, insertVersion } from './bureau-policies.queries.ts';
import { type OrgUnitTree, TOP_LEVELS } from './org-scope.ts';
import { assertClustersExist, type PolicyContent } from './policy-content.ts';

/** Drafts (起案) a unit's X policy for a fiscal year as its first version. */
export async function createBureauPolicy(
  tx: Transaction,
  options: {
    orgUnitId: string;
    fiscalYear: number;
    content: PolicyContent;
    tree: OrgUnitTree;
    actor: Actor;
    /** When it is drafted; the demo data set replays a year on its dates. */
    now?: Date;
  },
) {
  const unit = options.tree.byId.get(options.orgUnitId);
  if (!unit) {
    throw new AppError('unprocessable', {
      messages: { ja: '指定された組織が見つかりません。', en: 'The org unit does not exist.' },
    });
  }
  if (!TOP_LEVELS.includes(unit.level)) {
    throw new AppError('unprocessable', {
      messages: {
        ja: '局区X方針は局・区・室ごとに作成します。',
        en: 'A bureau policy belongs to a bureau, ward or office.',
      },
    });
  }
  if (await findPolicyOf(tx, options.orgUnitId, options.fiscalYear)) {
    throw new AppError('conflict', {
      messages: {
        ja: 'この組織のこの年度の局区X方針は既にあります。',
        en: 'This unit already has an X policy for the fiscal year.',
      },
    });
  }
  const clusterIds = await assertClustersExist(tx, options.content.clusterIds);
  const now = options.now ?? new Date();
  const policy = await insertPolicy(tx, {
    orgUnitId: options.orgUnitId,
    fiscalYear: options.fiscalYear,
    createdAt: now,
    updatedAt: now,
  });
  const version = await insertVersion(tx, {
    policyId: policy.id,
    versionNumber: 1,
    title: options.content.title,
    vision: options.content.vision,
    priorityThemes: options.content.priorityThemes,
    clusterIds,
    kpis: options.content.kpis,
    revisionNote: options.content.revisionNote ?? null,
    createdBy: options.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertStep(tx, {
    versionId: version.id,
    action: 'create',
    actorId: options.actor.userId,
    toStatus: 'draft',
    occurredAt: now,
  });
  await recordAudit(tx, options.actor, {
    action: 'bureau_policy.create',
    entityType: 'bureau_policy',
    entityId: policy.id,
    after: { policy, version },
  });
  return policy;
}
