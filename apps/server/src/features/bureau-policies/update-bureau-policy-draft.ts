import { isApprovalEditable } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { listVersions, lockPolicy, touchPolicy, updateVersion } from './bureau-policies.queries.ts';
import { assertClustersExist, type PolicyContent } from './policy-content.ts';

/** Changes the text of the latest version while it is a draft or has been returned. */
export async function updateBureauPolicyDraft(
  tx: Transaction,
  options: { policyId: string; expectedVersion: number; changes: Partial<PolicyContent>; actor: Actor },
) {
  const policy = await lockPolicy(tx, options.policyId);
  if (!policy) throw notFound();
  assertVersion(options.expectedVersion, policy.version);
  const latest = (await listVersions(tx, policy.id)).at(-1)!;
  if (!isApprovalEditable(latest.status)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '決裁に回っている版、決裁済み・公開済みの版は編集できません。公開後の修正は新しい版として起案してください。',
        en: 'A version on the route, approved or published cannot be edited; revise a published policy as a new version.',
      },
    });
  }
  const { clusterIds, ...fields } = options.changes;
  const changes = {
    ...fields,
    ...(clusterIds ? { clusterIds: await assertClustersExist(tx, clusterIds) } : {}),
  };
  await updateVersion(tx, latest.id, changes);
  const updated = await touchPolicy(tx, policy);
  await recordAudit(tx, options.actor, {
    action: 'bureau_policy.update',
    entityType: 'bureau_policy',
    entityId: policy.id,
    before: { versionNumber: latest.versionNumber, ...pick(latest, Object.keys(changes)) },
    after: { versionNumber: latest.versionNumber, ...changes },
  });
  return updated;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => keys.includes(key)));
}
