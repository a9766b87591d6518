import { nextIssueStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { notifyUsers } from '../notifications/index.ts';
import { findOrgUnitName, orgUnitAncestry } from './campaigns.queries.ts';
import { listIdeasOfIssue } from './ideas.queries.ts';
import { auditSnapshotOfAssignment, auditSnapshotOfIssue, issueLink } from './issue-snapshots.ts';
import {
  bureauMembersFor,
  findAssignment,
  lockIssue,
  putAssignment,
  updateIssueRow,
} from './issues.queries.ts';

/** Sends an issue on to the bureau that owns the rule, with a due date (PT); the bureau is told. */
export async function assignIssue(
  tx: Transaction,
  options: {
    issueId: string;
    orgUnitId: string;
    dueOn: string | null;
    expectedVersion: number;
    assignedById: string;
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  assertVersion(options.expectedVersion, issue.version);
  const next = nextIssueStatus(issue.status, 'send_on');
  if (next === null) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '送付できるのはPTで検討中・保留中の課題だけです。',
        en: 'Only issues in triage can be sent on.',
      },
    });
  }
  const orgUnit = await findOrgUnitName(tx, options.orgUnitId);
  if (!orgUnit) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        { path: 'orgUnitId', messages: { ja: '組織が見つかりません。', en: 'Unknown org unit.' } },
      ],
    });
  }
  if ((await listIdeasOfIssue(tx, issue.id)).length === 0) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: 'アイデアが1件もない課題は送付できません。',
        en: 'An issue without ideas cannot be sent on.',
      },
    });
  }
  const before = await findAssignment(tx, issue.id);
  const assignment = await putAssignment(tx, {
    issueId: issue.id,
    orgUnitId: orgUnit.id,
    dueOn: options.dueOn,
    assignedById: options.assignedById,
  });
  const now = new Date();
  const updated = await updateIssueRow(tx, issue, {
    status: next,
    statusReason: null,
    statusChangedAt: now,
    sentOnAt: now,
  });
  await recordAudit(tx, options.actor, {
    action: 'platinum_issue.send_on',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: { ...auditSnapshotOfIssue(issue), assignment: auditSnapshotOfAssignment(before) },
    after: { ...auditSnapshotOfIssue(updated), assignment: auditSnapshotOfAssignment(assignment) },
  });
  const bureau = await bureauMembersFor(tx, await orgUnitAncestry(tx, orgUnit.id), [
    'department_staff',
    'bureau_head',
  ]);
  await notifyUsers(tx, bureau, {
    kind: 'platinum.issue_assigned',
    titleJa: `プラチナ市役所プロジェクトの課題「${issue.title}」が${orgUnit.name}に送付されました。解決案の検討・決定をお願いします。`,
    titleEn: `The Platinum issue "${issue.title}" was sent to ${orgUnit.name} for a decision.`,
    link: issueLink(issue.id),
  });
  return { issue: updated, assignment };
}
