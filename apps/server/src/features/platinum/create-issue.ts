import { nextIdeaStatus, type PlatinumTheme } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { allocateIssueNumber, findCampaign } from './campaigns.queries.ts';
import type { IdeaRow } from './ideas.queries.ts';
import { lockIdeas, updateIdeaRow } from './ideas.queries.ts';
import { auditSnapshotOfIssue } from './issue-snapshots.ts';
import { insertIssue } from './issues.queries.ts';

/** Refuses ideas that cannot join an issue of this campaign: unknown, of another campaign, or not waiting to be grouped. */
export function assertGroupable(ideas: IdeaRow[], ids: readonly string[], campaignId: string): void {
  for (const id of ids) {
    const idea = ideas.find((candidate) => candidate.id === id);
    if (!idea || idea.campaignId !== campaignId) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            path: 'ideaIds',
            messages: {
              ja: 'このキャンペーンのアイデアではありません。',
              en: 'Not an idea of this campaign.',
            },
          },
        ],
      });
    }
    if (nextIdeaStatus(idea.status, 'group') === null) {
      throw new AppError('invalid_transition', {
        messages: {
          ja: `No.${idea.number} は既に課題にまとめられているか、統合・取下げ・非表示のため、課題に加えられません。`,
          en: `Idea No.${idea.number} is already in an issue, or merged, withdrawn or hidden.`,
        },
      });
    }
  }
}

/** Groups ideas into a new issue (課題) of the campaign (PT). */
export async function createIssue(
  tx: Transaction,
  options: {
    campaignId: string;
    theme: PlatinumTheme;
    title: string;
    summary: string;
    ideaIds: string[];
    createdById: string;
    actor: Actor;
  },
) {
  const campaign = await findCampaign(tx, options.campaignId);
  if (!campaign) throw notFound();
  const ideas = await lockIdeas(tx, options.ideaIds);
  assertGroupable(ideas, options.ideaIds, campaign.id);
  const number = await allocateIssueNumber(tx, campaign.id);
  const issue = await insertIssue(tx, {
    campaignId: campaign.id,
    number,
    theme: options.theme,
    title: options.title,
    summary: options.summary,
    createdById: options.createdById,
  });
  const now = new Date();
  for (const idea of ideas)
    await updateIdeaRow(tx, idea, { status: 'grouped', issueId: issue.id, groupedAt: now });
  await recordAudit(tx, options.actor, {
    action: 'platinum_issue.create',
    entityType: 'platinum_issue',
    entityId: issue.id,
    after: { ...auditSnapshotOfIssue(issue), ideaIds: options.ideaIds },
  });
  return issue;
}
