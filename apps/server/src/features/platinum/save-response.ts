import { canWriteResponse, nextResponseStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { notifyUsers } from '../notifications/index.ts';
import { findOrgUnitName, orgUnitAncestry } from './campaigns.queries.ts';
import { listSignatures, resetSignatures } from './co-announce.ts';
import { auditSnapshotOfResponse, issueLink } from './issue-snapshots.ts';
import {
  bureauMembersFor,
  findAssignment,
  insertResponse,
  lockIssue,
  lockResponse,
  reformOfficeMembers,
  updateResponseRow,
} from './issues.queries.ts';

/**
 * The related bureau head writes the response (対応方針) and, once the bureau has decided, sends it
 * to the reform office for approval (who are told). Editing a response awaiting approval takes it
 * back to a draft; a published one never changes.
 */
export async function saveResponse(
  tx: Transaction,
  options: {
    issueId: string;
    body: string;
    isSubmitted: boolean;
    /** The related bureaus that announce it together; left out: those named before. */
    relatedOrgUnitIds?: readonly string[] | undefined;
    expectedVersion: number | null;
    draftedById: string;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  const assignment = await findAssignment(tx, issue.id);
  if (!assignment) throw notFound();
  const current = await lockResponse(tx, issue.id);
  if (current) {
    // A response already exists: the writer must have read it (If-Match), so no one overwrites another's words.
    if (options.expectedVersion === null) throw new AppError('precondition_required');
    assertVersion(options.expectedVersion, current.version);
  } else if (options.expectedVersion !== null) {
    throw new AppError('precondition_failed');
  }
  if (nextResponseStatus(current?.status ?? null, 'save') === null) {
    throw new AppError('invalid_transition', {
      messages: { ja: '公表済みの対応方針は変更できません。', en: 'A published response cannot be changed.' },
    });
  }
  if (!canWriteResponse(issue.status, 'save')) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '対応方針は所管局で検討中・決定済みの課題にだけ書けます。',
        en: 'A response can be written only while the issue is with the bureau.',
      },
    });
  }
  if (options.isSubmitted && !canWriteResponse(issue.status, 'submit')) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '所管局の決定を記録してから承認を依頼してください。',
        en: 'Record the bureau decision before asking for approval.',
      },
    });
  }
  let relatedOrgUnitIds = options.relatedOrgUnitIds;
  if (relatedOrgUnitIds === undefined) {
    relatedOrgUnitIds = current
      ? (await listSignatures(tx, current.issueId))
          .map((row) => row.orgUnitId)
          .filter((id) => id !== assignment.orgUnitId)
      : [];
  } else {
    for (const [index, orgUnitId] of relatedOrgUnitIds.entries()) {
      if (!(await findOrgUnitName(tx, orgUnitId))) {
        throw new AppError('validation_failed', {
          fieldErrors: [
            {
              path: `relatedOrgUnitIds.${index}`,
              messages: { ja: '組織が見つかりません。', en: 'Unknown org unit.' },
            },
          ],
        });
      }
    }
  }
  const status = options.isSubmitted ? 'pending_approval' : 'draft';
  const values = {
    body: options.body,
    status,
    draftedById: options.draftedById,
    announcedByOrgUnitId: assignment.orgUnitId,
    submittedAt: options.isSubmitted ? new Date() : null,
    returnReason: null,
    approvedById: null,
  } as const;
  const saved = current
    ? await updateResponseRow(tx, current, values)
    : await insertResponse(tx, { issueId: issue.id, ...values });
  await resetSignatures(tx, {
    responseId: saved.issueId,
    assignedOrgUnitId: assignment.orgUnitId,
    relatedOrgUnitIds,
    submittedById: options.isSubmitted ? options.draftedById : null,
  });
  await recordAudit(tx, options.actor, {
    action: options.isSubmitted ? 'platinum_response.submit' : 'platinum_response.save',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: auditSnapshotOfResponse(current),
    after: { ...auditSnapshotOfResponse(saved), relatedOrgUnitIds },
  });
  if (options.isSubmitted) {
    await notifyUsers(tx, await reformOfficeMembers(tx), {
      kind: 'platinum.response_pending',
      titleJa: `課題「${issue.title}」の対応方針が承認待ちです。`,
      titleEn: `The response to "${issue.title}" awaits approval.`,
      link: issueLink(issue.id),
    });
    // 連名公表: the heads of the related bureaus are asked to agree.
    const heads = new Set<string>();
    for (const orgUnitId of relatedOrgUnitIds) {
      if (orgUnitId === assignment.orgUnitId) continue;
      const ancestry = await orgUnitAncestry(tx, orgUnitId);
      for (const userId of await bureauMembersFor(tx, ancestry, ['bureau_head'])) heads.add(userId);
    }
    heads.delete(options.draftedById);
    if (heads.size > 0) {
      await notifyUsers(tx, [...heads], {
        kind: 'platinum.response_signature_requested',
        titleJa: `課題「${issue.title}」の対応方針について、連名での公表への同意をお願いします。`,
        titleEn: `Please agree to announce the response to "${issue.title}" together.`,
        link: issueLink(issue.id),
      });
    }
  }
  return saved;
}
