import type { z } from '@hono/zod-openapi';
import type { Executor } from '../../db/client.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { bureauPolicyPolicy } from './bureau-policies.policy.ts';
import { type inboxItemSchema, orgUnitRef, statusLabel } from './bureau-policies.presenter.ts';
import { listCurrentConsultations, listLatestVersionsIn } from './bureau-policies.queries.ts';
import type { OrgUnitTree } from './org-scope.ts';

/** 決裁箱: the versions waiting for something this user may do — answer a 合議, approve, publish, or redraft. */
export async function loadApprovalInbox(
  db: Executor,
  user: CurrentUser,
  tree: OrgUnitTree,
  fiscalYear: number | undefined,
): Promise<z.infer<typeof inboxItemSchema>[]> {
  const rows = (
    await listLatestVersionsIn(db, ['draft', 'returned', 'consulting', 'awaiting_approval', 'approved'])
  ).filter((row) => fiscalYear === undefined || row.policy.fiscalYear === fiscalYear);
  const consultations = await listCurrentConsultations(
    db,
    rows.map((row) => row.version),
  );
  const items: z.infer<typeof inboxItemSchema>[] = [];
  for (const { policy, version } of rows) {
    const base = {
      policyId: policy.id,
      fiscalYear: policy.fiscalYear,
      orgUnit: orgUnitRef(tree.byId.get(policy.orgUnitId), policy.orgUnitId),
      title: version.title,
      versionNumber: version.versionNumber,
      status: version.status,
      statusLabel: statusLabel(version.status),
      updatedAt: version.updatedAt.toISOString(),
    };
    switch (version.status) {
      case 'consulting':
        for (const entry of consultations) {
          if (
            entry.versionId === version.id &&
            entry.decision === 'pending' &&
            version.drafterId !== user.id &&
            bureauPolicyPolicy.canConsultFor(user, tree, entry.orgUnitId)
          ) {
            items.push({
              ...base,
              task: 'consult',
              consultAs: orgUnitRef(tree.byId.get(entry.orgUnitId), entry.orgUnitId),
            });
          }
        }
        break;
      case 'awaiting_approval':
        if (version.drafterId !== user.id && bureauPolicyPolicy.canApprove(user, tree, policy.orgUnitId)) {
          items.push({ ...base, task: 'approve', consultAs: null });
        }
        break;
      case 'approved':
        if (bureauPolicyPolicy.canPublish(user, tree, policy.orgUnitId))
          items.push({ ...base, task: 'publish', consultAs: null });
        break;
      case 'draft':
      case 'returned':
        if (bureauPolicyPolicy.canDraft(user, tree, policy.orgUnitId)) {
          items.push({
            ...base,
            task: version.status === 'returned' ? 'redraft' : 'submit',
            consultAs: null,
          });
        }
        break;
      default:
        break;
    }
  }
  return items;
}
