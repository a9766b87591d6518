import { canWriteResponse, nextIssueStatus, nextResponseStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { notifyUsers } from '../notifications/index.ts';
import { isFullySigned } from './co-announce.ts';
import { auditSnapshotOfIssue, auditSnapshotOfResponse, issueLink } from './issue-snapshots.ts';
import {
  type IssueRow,
  lockIssue,
  lockResponse,
  outcomeRecipients,
  type ResponseRow,
  updateIssueRow,
  updateResponseRow,
} from './issues.queries.ts';

/**
 * The reform office approves a response awaiting approval: it is published to all staff, the
 * issue is announced, and every submitter and supporter of its ideas is notified. Or it returns
 * the response to the bureau with a reason.
 */
export async function reviewResponse(
  tx: Transaction,
  options: {
    issueId: string;
    decision: 'approve' | 'return';
    reason: string | null;
    expectedVersion: number;
    approvedById: string;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  const response = await lockResponse(tx, issue.id);
  if (!response) throw notFound();
  assertVersion(options.expectedVersion, response.version);
  const next = nextResponseStatus(response.status, options.decision);
  if (next === null) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: 'この対応方針は承認待ちではありません。',
        en: 'This response is not awaiting approval.',
      },
    });
  }
  if (options.decision === 'return') {
    const reason = options.reason?.trim() || null;
    if (!reason) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            path: 'reason',
            messages: { ja: '差戻しの理由を入力してください。', en: 'Give a reason for returning it.' },
          },
        ],
      });
    }
    const returned = await updateResponseRow(tx, response, { status: next, returnReason: reason });
    await recordAudit(tx, options.actor, {
      action: 'platinum_response.return',
      entityType: 'platinum_issue',
      entityId: issue.id,
      before: auditSnapshotOfResponse(response),
      after: auditSnapshotOfResponse(returned),
    });
    if (response.draftedById) {
      await notifyUsers(tx, [response.draftedById], {
        kind: 'platinum.response_returned',
        titleJa: `課題「${issue.title}」の対応方針が差し戻されました。`,
        titleEn: `The response to "${issue.title}" was returned.`,
        link: issueLink(issue.id),
      });
    }
    return { issue, response: returned };
  }
  const issueNext = nextIssueStatus(issue.status, 'announce');
  if (issueNext === null || !canWriteResponse(issue.status, 'approve')) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '所管局の決定がない課題の対応方針は公表できません。',
        en: 'A response cannot be announced before the decision.',
      },
    });
  }
  if (!(await isFullySigned(tx, response.issueId))) {
    // Announced together: approved now, published when the last related bureau head signs.
    const approved = await updateResponseRow(tx, response, {
      approvedById: options.approvedById,
      returnReason: null,
    });
    await recordAudit(tx, options.actor, {
      action: 'platinum_response.approve',
      entityType: 'platinum_issue',
      entityId: issue.id,
      before: { response: auditSnapshotOfResponse(response) },
      after: { response: auditSnapshotOfResponse(approved), awaitingSignatures: true },
    });
    return { issue, response: approved };
  }
  return publishResponse(tx, {
    issue,
    response,
    approvedById: options.approvedById,
    actor: options.actor,
    action: 'platinum_response.approve',
  });
}

/**
 * Publishes an approved response that every bureau announcing it has signed: the issue is
 * announced and every submitter and supporter of its ideas is notified.
 */
export async function publishResponse(
  tx: Transaction,
  options: {
    issue: IssueRow;
    response: ResponseRow;
    approvedById: string;
    actor: Actor;
    action: 'platinum_response.approve' | 'platinum_response.publish';
  },
) {
  const { issue, response } = options;
  const issueNext = nextIssueStatus(issue.status, 'announce');
  const next = nextResponseStatus(response.status, 'approve');
  if (issueNext === null || next === null) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '所管局の決定がない課題の対応方針は公表できません。',
        en: 'A response cannot be announced before the decision.',
      },
    });
  }
  const now = new Date();
  const published = await updateResponseRow(tx, response, {
    status: next,
    approvedById: options.approvedById,
    publishedAt: now,
    returnReason: null,
  });
  const announced = await updateIssueRow(tx, issue, {
    status: issueNext,
    statusChangedAt: now,
    announcedAt: now,
  });
  await recordAudit(tx, options.actor, {
    action: options.action,
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: { ...auditSnapshotOfIssue(issue), response: auditSnapshotOfResponse(response) },
    after: { ...auditSnapshotOfIssue(announced), response: auditSnapshotOfResponse(published) },
  });
  await notifyUsers(tx, await outcomeRecipients(tx, issue.id), {
    kind: 'platinum.response_published',
    titleJa: `あなたが投稿・賛同したアイデアの課題「${issue.title}」について、対応方針が公表されました。`,
    titleEn: `A response was announced for "${issue.title}", an issue with an idea you submitted or supported.`,
    link: issueLink(issue.id),
  });
  return { issue: announced, response: published };
}
