import { canStartRevision } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  insertStep,
  insertVersion,
  listVersions,
  lockPolicy,
  touchPolicy,
} from './bureau-policies.queries.ts';

/** Starts a new version from the published one; it goes through the whole route again while the old one stays public. */
export async function startBureauPolicyRevision(
  tx: Transaction,
  options: {
    policyId: string;
    expectedVersion: number;
    revisionNote: string | null;
    actor: Actor;
    now?: Date;
  },
) {
  const policy = await lockPolicy(tx, options.policyId);
  if (!policy) throw notFound();
  assertVersion(options.expectedVersion, policy.version);
  const latest = (await listVersions(tx, policy.id)).at(-1)!;
  if (!canStartRevision(latest.status)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '改訂は公開中の版からのみ始められます。未公開の版はそのまま編集してください。',
        en: 'A revision starts from the published version; edit an unpublished version directly.',
      },
    });
  }
  const now = options.now ?? new Date();
  const version = await insertVersion(tx, {
    policyId: policy.id,
    versionNumber: latest.versionNumber + 1,
    title: latest.title,
    vision: latest.vision,
    priorityThemes: latest.priorityThemes,
    clusterIds: latest.clusterIds,
    kpis: latest.kpis,
    revisionNote: options.revisionNote,
    createdBy: options.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertStep(tx, {
    versionId: version.id,
    action: 'revise',
    actorId: options.actor.userId,
    toStatus: 'draft',
    comment: options.revisionNote,
    occurredAt: now,
  });
  const updated = await touchPolicy(tx, policy, { latestVersionNumber: version.versionNumber }, now);
  await recordAudit(tx, options.actor, {
    action: 'bureau_policy.revise',
    entityType: 'bureau_policy',
    entityId: policy.id,
    after: { versionNumber: version.versionNumber, revisionNote: options.revisionNote },
  });
  return updated;
}
