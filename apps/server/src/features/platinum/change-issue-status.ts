import { ISSUE_ACTIONS_NEEDING_REASON, nextIssueStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { notifyUsers } from '../notifications/index.ts';
import { auditSnapshotOfIssue, issueLink } from './issue-snapshots.ts';
import {
  deleteAssignment,
  deleteResponse,
  lockIssue,
  submittersOf,
  updateIssueRow,
} from './issues.queries.ts';

export type TriageAction = 'hold' | 'decline' | 'reopen' | 'recall';

/**
 * The PT holds, declines (with a reason the submitters see, and are told of), reopens, or recalls
 * an issue from the bureau before it decides (the undecided assignment and any draft response go).
 */
export async function changeIssueStatus(
  tx: Transaction,
  options: {
    issueId: string;
    action: TriageAction;
    reason: string | null;
    expectedVersion: number;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  assertVersion(options.expectedVersion, issue.version);
  const next = nextIssueStatus(issue.status, options.action);
  if (next === null) throw new AppError('invalid_transition');
  const reason = options.reason?.trim() || null;
  if (ISSUE_ACTIONS_NEEDING_REASON.includes(options.action) && reason === null) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'reason',
          messages: {
            ja: '保留・見送りには理由が必要です（提案者に表示されます）。',
            en: 'Holding or declining needs a reason (the submitters see it).',
          },
        },
      ],
    });
  }
  if (options.action === 'recall') {
    await deleteAssignment(tx, issue.id);
    await deleteResponse(tx, issue.id);
  }
  const updated = await updateIssueRow(tx, issue, {
    status: next,
    statusReason: options.action === 'hold' || options.action === 'decline' ? reason : null,
    statusChangedAt: new Date(),
    sentOnAt: options.action === 'recall' ? null : issue.sentOnAt,
  });
  await recordAudit(tx, options.actor, {
    action: `platinum_issue.${options.action}`,
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: auditSnapshotOfIssue(issue),
    after: auditSnapshotOfIssue(updated),
  });
  if (options.action === 'decline') {
    await notifyUsers(tx, await submittersOf(tx, issue.id), {
      kind: 'platinum.issue_declined',
      titleJa: `あなたのアイデアを含む課題「${issue.title}」は見送りとなりました。理由をご確認ください。`,
      titleEn: `The issue "${issue.title}" containing your idea was declined. See the reason.`,
      link: issueLink(issue.id),
    });
  }
  return updated;
}
