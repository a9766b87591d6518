import { isIssueInTriage, mergeRefusal, nextIdeaStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { auditSnapshotOfIdea } from './ideas.presenter.ts';
import {
  carrySupports,
  findIdea,
  lockIdeas,
  recountSupports,
  removeCarriedSupports,
  updateIdeaRow,
} from './ideas.queries.ts';
import { findIssue, updateIssueRow } from './issues.queries.ts';

const MERGE_REFUSALS = {
  same_idea: { ja: '同じアイデアには統合できません。', en: 'An idea cannot be merged into itself.' },
  other_campaign: {
    ja: '別のキャンペーンのアイデアには統合できません。',
    en: 'Ideas of different campaigns cannot be merged.',
  },
  source_status: {
    ja: 'このアイデアは統合できる状態ではありません。',
    en: 'This idea cannot be merged in its current state.',
  },
  target_status: {
    ja: '統合先のアイデアは受付中または課題化済みである必要があります。',
    en: 'The idea to keep must be live (submitted or grouped).',
  },
};

/**
 * Merges a duplicate into the idea to keep (PT): the duplicate leaves its issue, its supporters
 * are carried over to the kept idea (except the kept idea's own author), and the counts are redone
 * from the rows in the same transaction.
 */
export async function mergeIdea(
  tx: Transaction,
  options: { duplicateId: string; keptId: string; actor: Actor },
) {
  const locked = await lockIdeas(tx, [options.duplicateId, options.keptId]);
  const duplicate = locked.find((idea) => idea.id === options.duplicateId);
  const kept = locked.find((idea) => idea.id === options.keptId);
  if (!duplicate) throw notFound();
  if (!kept) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'keptIdeaId',
          messages: { ja: '統合先のアイデアが見つかりません。', en: 'The idea to keep was not found.' },
        },
      ],
    });
  }
  const refusal = mergeRefusal(duplicate, kept);
  if (refusal)
    throw new AppError(
      refusal === 'same_idea' || refusal === 'other_campaign' ? 'validation_failed' : 'invalid_transition',
      { messages: MERGE_REFUSALS[refusal] },
    );
  if (duplicate.issueId) {
    const issue = await findIssue(tx, duplicate.issueId);
    if (issue && !isIssueInTriage(issue.status)) {
      throw new AppError('invalid_transition', {
        messages: {
          ja: '所管局へ送付済みの課題のアイデアは統合できません。',
          en: 'Ideas of an issue already sent on cannot be merged away.',
        },
      });
    }
    if (issue) await updateIssueRow(tx, issue, {});
  }
  const merged = await updateIdeaRow(tx, duplicate, {
    status: nextIdeaStatus(duplicate.status, 'merge')!,
    mergedIntoId: kept.id,
    issueId: null,
    groupedAt: null,
  });
  await carrySupports(tx, duplicate.id, kept.id, kept.authorId);
  const supportCount = await recountSupports(tx, kept.id);
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.merge',
    entityType: 'platinum_idea',
    entityId: duplicate.id,
    before: auditSnapshotOfIdea(duplicate),
    after: { ...auditSnapshotOfIdea(merged), keptIdeaId: kept.id, keptSupportCount: supportCount },
  });
  return { merged, keptId: kept.id };
}

/** Undoes a merge (PT): the duplicate comes back on its own, ungrouped, and the supports it carried over are taken back. */
export async function unmergeIdea(tx: Transaction, options: { ideaId: string; actor: Actor }) {
  const unlocked = await findIdea(tx, options.ideaId);
  if (!unlocked) throw notFound();
  // Both rows are locked in one id-ordered statement, as mergeIdea does, so the two cannot deadlock.
  const locked = await lockIdeas(
    tx,
    unlocked.mergedIntoId ? [unlocked.id, unlocked.mergedIntoId] : [unlocked.id],
  );
  const duplicate = locked.find((idea) => idea.id === unlocked.id)!;
  const next = nextIdeaStatus(duplicate.status, 'unmerge');
  if (next === null || !duplicate.mergedIntoId || duplicate.mergedIntoId !== unlocked.mergedIntoId) {
    throw new AppError('invalid_transition', {
      messages: { ja: 'このアイデアは統合されていません。', en: 'This idea is not merged.' },
    });
  }
  const keptId = duplicate.mergedIntoId;
  await removeCarriedSupports(tx, duplicate.id, keptId);
  const supportCount = await recountSupports(tx, keptId);
  const restored = await updateIdeaRow(tx, duplicate, { status: next, mergedIntoId: null });
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.unmerge',
    entityType: 'platinum_idea',
    entityId: duplicate.id,
    before: auditSnapshotOfIdea(duplicate),
    after: { ...auditSnapshotOfIdea(restored), keptIdeaId: keptId, keptSupportCount: supportCount },
  });
  return { restored, keptId };
}
