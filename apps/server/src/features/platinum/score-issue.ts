import { isIssueInTriage } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { findIssue, upsertScore } from './issues.queries.ts';

/** Records (or replaces) one PT member's score of an issue on the rubric while the issue is in triage. */
export async function scoreIssue(
  tx: Transaction,
  options: {
    issueId: string;
    reviewerId: string;
    score: { impact: number; feasibility: number; breadth: number; comment?: string };
    actor: Actor;
  },
) {
  const issue = await findIssue(tx, options.issueId);
  if (!issue) throw notFound();
  if (!isIssueInTriage(issue.status)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '評価できるのはPTで検討中・保留中の課題だけです。',
        en: 'Only issues in triage can be scored.',
      },
    });
  }
  const { score, before } = await upsertScore(tx, {
    issueId: issue.id,
    reviewerId: options.reviewerId,
    impact: options.score.impact,
    feasibility: options.score.feasibility,
    breadth: options.score.breadth,
    comment: options.score.comment ?? '',
  });
  const snapshot = (row: typeof score | null) =>
    row
      ? { impact: row.impact, feasibility: row.feasibility, breadth: row.breadth, comment: row.comment }
      : null;
  await recordAudit(tx, options.actor, {
    action: 'platinum_issue.score',
    entityType: 'platinum_issue',
    entityId: issue.id,
    before: snapshot(before),
    after: snapshot(score),
  });
  return { score, isNew: before === null };
}
