import type { z } from '@hono/zod-openapi';
import {
  type ApprovalStatus,
  applyApprovalAction,
  canStartRevision,
  isApprovalEditable,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { bureauPolicyPolicy } from './bureau-policies.policy.ts';
import {
  type bureauPolicySchema,
  type bureauPolicySummarySchema,
  orgUnitRef,
  presentVersion,
  statusLabel,
} from './bureau-policies.presenter.ts';
import {
  type BureauPolicyRow,
  type BureauPolicyVersionRow,
  type ConsultationRow,
  clusterLabels,
  findPolicy,
  listCurrentConsultations,
  listPolicies,
  listSteps,
  listVersions,
  listVersionsOf,
  userNames,
} from './bureau-policies.queries.ts';
import type { OrgUnitTree } from './org-scope.ts';

const ONCE_PUBLISHED: readonly ApprovalStatus[] = ['published', 'superseded'];

/** What the user may do with the latest version, for the screens to offer (the server checks again on each request). */
export function permissionsFor(
  user: CurrentUser | null,
  tree: OrgUnitTree,
  policy: BureauPolicyRow,
  latest: BureauPolicyVersionRow,
  consultations: ConsultationRow[],
) {
  const route = {
    status: latest.status,
    drafterId: latest.drafterId,
    consultations: consultations.map((entry) => ({ orgUnitId: entry.orgUnitId, decision: entry.decision })),
  };
  const actorId = user?.id ?? '';
  const isAllowed = (action: Parameters<typeof applyApprovalAction>[1]) =>
    applyApprovalAction(route, action).ok;
  const canDraft = bureauPolicyPolicy.canDraft(user, tree, policy.orgUnitId);
  const canApprove = bureauPolicyPolicy.canApprove(user, tree, policy.orgUnitId);
  return {
    canEdit: canDraft && isApprovalEditable(latest.status),
    canSubmit: canDraft && isAllowed({ type: 'submit', actorId, consultOrgUnitIds: [] }),
    canWithdraw: canDraft && isAllowed({ type: 'withdraw', actorId }),
    canApprove: canApprove && isAllowed({ type: 'approve', actorId }),
    canReturnAsApprover: canApprove && isAllowed({ type: 'return', actorId, comment: '-' }),
    canPublish:
      bureauPolicyPolicy.canPublish(user, tree, policy.orgUnitId) && isAllowed({ type: 'publish', actorId }),
    canRevise: canDraft && canStartRevision(latest.status),
    consultAs: consultations
      .filter(
        (entry) =>
          entry.decision === 'pending' &&
          latest.status === 'consulting' &&
          bureauPolicyPolicy.canConsultFor(user, tree, entry.orgUnitId),
      )
      .map((entry) => entry.orgUnitId),
  };
}

/** One policy as this user may see it, or null when they may see none of it. */
export async function loadBureauPolicy(
  db: Executor,
  policyId: string,
  user: CurrentUser | null,
  tree: OrgUnitTree,
): Promise<z.infer<typeof bureauPolicySchema> | null> {
  const policy = await findPolicy(db, policyId);
  if (!policy) return null;
  const versions = await listVersions(db, policy.id);
  const latest = versions.at(-1);
  if (!latest) return null;
  const consultations = await listCurrentConsultations(db, [latest]);
  const canReadDrafts = bureauPolicyPolicy.canReadDrafts(
    user,
    tree,
    policy.orgUnitId,
    consultations.map((entry) => entry.orgUnitId),
  );
  const visible = canReadDrafts
    ? versions
    : versions.filter((version) => ONCE_PUBLISHED.includes(version.status));
  const published =
    versions.find((version) => version.versionNumber === policy.publishedVersionNumber) ?? null;
  const current = canReadDrafts ? latest : published;
  if (!current) return null;
  const steps = canReadDrafts ? await listSteps(db, current.id) : [];
  const shownConsultations = canReadDrafts && current.id === latest.id ? consultations : [];
  const names = await userNames(db, [
    ...visible.flatMap((version) => [version.drafterId, version.approvedBy]),
    ...shownConsultations.map((entry) => entry.decidedBy),
    ...steps.map((step) => step.actorId),
  ]);
  const clusters = await clusterLabels(
    db,
    [...current.clusterIds, ...(published?.clusterIds ?? [])],
    policy.fiscalYear,
  );
  const unit = (id: string) => orgUnitRef(tree.byId.get(id), id);
  return {
    id: policy.id,
    fiscalYear: policy.fiscalYear,
    orgUnit: unit(policy.orgUnitId),
    version: policy.version,
    latestVersionNumber: canReadDrafts ? policy.latestVersionNumber : current.versionNumber,
    publishedVersionNumber: policy.publishedVersionNumber,
    canReadDrafts,
    current: presentVersion(current, names, clusters),
    published: published ? presentVersion(published, names, clusters) : null,
    versions: visible.map((version) => ({
      versionNumber: version.versionNumber,
      status: version.status,
      title: version.title,
      publishedAt: version.publishedAt?.toISOString() ?? null,
    })),
    consultations: shownConsultations.map((entry) => ({
      orgUnit: unit(entry.orgUnitId),
      decision: entry.decision,
      decidedBy: entry.decidedBy ? { id: entry.decidedBy, name: names.get(entry.decidedBy) ?? '' } : null,
      decidedAt: entry.decidedAt?.toISOString() ?? null,
      comment: entry.comment,
    })),
    steps: steps.map((step) => ({
      action: step.action,
      actor: step.actorId ? { id: step.actorId, name: names.get(step.actorId) ?? '' } : null,
      orgUnit: step.orgUnitId ? unit(step.orgUnitId) : null,
      fromStatus: step.fromStatus,
      toStatus: step.toStatus,
      comment: step.comment,
      occurredAt: step.occurredAt.toISOString(),
    })),
    permissions: permissionsFor(user, tree, policy, latest, consultations),
  };
}

/** The policies of a year as this user may see them: drafts where they may read drafts, else the published version. */
export async function listBureauPolicySummaries(
  db: Executor,
  filter: { fiscalYear: number; orgUnitId?: string; status?: ApprovalStatus },
  user: CurrentUser | null,
  tree: OrgUnitTree,
): Promise<z.infer<typeof bureauPolicySummarySchema>[]> {
  const policies = await listPolicies(db, {
    fiscalYear: filter.fiscalYear,
    orgUnitIds: filter.orgUnitId ? [filter.orgUnitId] : undefined,
  });
  const versions = await listVersionsOf(
    db,
    policies.map((policy) => policy.id),
  );
  const latestByPolicy = new Map<string, BureauPolicyVersionRow>();
  for (const version of versions) latestByPolicy.set(version.policyId, version);
  const consultations = await listCurrentConsultations(db, [...latestByPolicy.values()]);
  const summaries: z.infer<typeof bureauPolicySummarySchema>[] = [];
  for (const policy of policies) {
    const latest = latestByPolicy.get(policy.id);
    if (!latest) continue;
    const own = consultations.filter((entry) => entry.versionId === latest.id);
    const canReadDrafts = bureauPolicyPolicy.canReadDrafts(
      user,
      tree,
      policy.orgUnitId,
      own.map((entry) => entry.orgUnitId),
    );
    const shown = canReadDrafts
      ? latest
      : versions.find(
          (version) =>
            version.policyId === policy.id && version.versionNumber === policy.publishedVersionNumber,
        );
    if (!shown) continue;
    if (filter.status && shown.status !== filter.status) continue;
    summaries.push({
      id: policy.id,
      fiscalYear: policy.fiscalYear,
      orgUnit: orgUnitRef(tree.byId.get(policy.orgUnitId), policy.orgUnitId),
      title: shown.title,
      status: shown.status,
      statusLabel: statusLabel(shown.status),
      latestVersionNumber: shown.versionNumber,
      publishedVersionNumber: policy.publishedVersionNumber,
      pendingConsultations: canReadDrafts ? own.filter((entry) => entry.decision === 'pending').length : 0,
      updatedAt: (canReadDrafts ? policy.updatedAt : (shown.publishedAt ?? shown.updatedAt)).toISOString(),
    });
  }
  return summaries;
}
