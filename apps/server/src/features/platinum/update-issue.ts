import type { PlatinumTheme } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { auditSnapshotOfIssue } from './issue-snapshots.ts';
import { lockIssue, updateIssueRow } from './issues.queries.ts';

/** Changes an issue's title, summary or theme (PT) until its response is announced. */
export async function updateIssue(
  tx: Transaction,
  options: {
    issueId: string;
    expectedVersion: number;
    changes: { title?: string; summary?: string; theme?: PlatinumTheme };
    actor: Actor;
  },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  assertVersion(options.expectedVersion, issue.version);
  if (issue.status === 'announced' || issue.status === 'implemented') {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '対応方針を公表した課題は変更できません。',
        en: 'An issue whose response is announced cannot be changed.',
      },
    });
  }
  const updated = await updateIssueRow(tx, issue, options.changes);
  await recordAudit(tx, options.actor, {
    action: 'platinum_issue.update',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: auditSnapshotOfIssue(issue),
    after: auditSnapshotOfIssue(updated),
  });
  return updated;
}
