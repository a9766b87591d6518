import { isIssueInTriage, nextIdeaStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertGroupable } from './create-issue.ts';
import { auditSnapshotOfIdea } from './ideas.presenter.ts';
import { lockIdeas, updateIdeaRow } from './ideas.queries.ts';
import { lockIssue, updateIssueRow } from './issues.queries.ts';

const NOT_IN_TRIAGE = {
  ja: '所管局へ送付した課題のアイデアは変更できません。',
  en: 'The ideas of an issue already sent on cannot be changed.',
};

/** Adds an idea to an issue still in the PT's triage. */
export async function addIdeaToIssue(
  tx: Transaction,
  options: { issueId: string; ideaId: string; actor: Actor },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  if (!isIssueInTriage(issue.status)) throw new AppError('invalid_transition', { messages: NOT_IN_TRIAGE });
  const ideas = await lockIdeas(tx, [options.ideaId]);
  if (ideas[0]?.issueId === issue.id) return { issue, idea: ideas[0], isChanged: false };
  assertGroupable(ideas, [options.ideaId], issue.campaignId);
  const idea = await updateIdeaRow(tx, ideas[0]!, {
    status: 'grouped',
    issueId: issue.id,
    groupedAt: new Date(),
  });
  const updatedIssue = await updateIssueRow(tx, issue, {});
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.group',
    entityType: 'platinum_idea',
    entityId: idea.id,
    before: auditSnapshotOfIdea(ideas[0]!),
    after: auditSnapshotOfIdea(idea),
  });
  return { issue: updatedIssue, idea, isChanged: true };
}

/** Takes an idea out of an issue still in triage; it waits to be grouped again. */
export async function removeIdeaFromIssue(
  tx: Transaction,
  options: { issueId: string; ideaId: string; actor: Actor },
) {
  const issue = await lockIssue(tx, options.issueId);
  if (!issue) throw notFound();
  if (!isIssueInTriage(issue.status)) throw new AppError('invalid_transition', { messages: NOT_IN_TRIAGE });
  const ideas = await lockIdeas(tx, [options.ideaId]);
  const before = ideas[0];
  if (!before || before.issueId !== issue.id || nextIdeaStatus(before.status, 'ungroup') === null)
    throw notFound();
  const idea = await updateIdeaRow(tx, before, { status: 'submitted', issueId: null, groupedAt: null });
  const updatedIssue = await updateIssueRow(tx, issue, {});
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.ungroup',
    entityType: 'platinum_idea',
    entityId: idea.id,
    before: auditSnapshotOfIdea(before),
    after: auditSnapshotOfIdea(idea),
  });
  return { issue: updatedIssue, idea };
}
