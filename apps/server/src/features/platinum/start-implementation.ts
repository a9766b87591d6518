import { canStartImplementation, nextIssueStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { notifyUsers } from '../notifications/index.ts';
import { auditSnapshotOfIssue, issueLink } from './issue-snapshots.ts';
import {
  lockAssignment,
  lockIssue,
  outcomeRecipients,
  updateAssignmentRow,
  updateIssueRow,
} from './issues.queries.ts';

/** The bureau records that the trial or implementation has started; the submitters and supporters are told. */
export async function startImplementation(
  tx: Transaction,
  options: { issueId: string; startedOn: string; expectedVersion: number; actor: Actor },
) {
  const issue = await lockIssue(tx, options.issueId);
  const assignment = issue ? await lockAssignment(tx, issue.id) : null;
  if (!issue || !assignment) throw notFound();
  assertVersion(options.expectedVersion, assignment.version);
  if (!canStartImplementation(issue.status, assignment.decision)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '試行・実施の開始を記録できるのは、採用・一部採用の対応方針を公表した課題だけです。',
        en: 'Only announced issues with an adopted or partly adopted decision can start a trial.',
      },
    });
  }
  const now = new Date();
  const updatedAssignment = await updateAssignmentRow(tx, assignment, {
    implementationStartedOn: options.startedOn,
  });
  const updated = await updateIssueRow(tx, issue, {
    status: nextIssueStatus(issue.status, 'implement')!,
    statusChangedAt: now,
    implementedAt: now,
  });
  await recordAudit(tx, options.actor, {
    action: 'platinum_issue.implement',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: auditSnapshotOfIssue(issue),
    after: { ...auditSnapshotOfIssue(updated), startedOn: options.startedOn },
  });
  await notifyUsers(tx, await outcomeRecipients(tx, issue.id), {
    kind: 'platinum.implementation_started',
    titleJa: `課題「${issue.title}」の試行・実施が始まりました。`,
    titleEn: `The trial or implementation of "${issue.title}" has started.`,
    link: issueLink(issue.id),
  });
  return { issue: updated, assignment: updatedAssignment };
}
