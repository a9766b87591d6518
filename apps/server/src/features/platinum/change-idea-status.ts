import { type IdeaAction, nextIdeaStatus } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { auditActorFor } from './idea-texts.ts';
import { auditSnapshotOfIdea } from './ideas.presenter.ts';
import { lockIdea, updateIdeaRow } from './ideas.queries.ts';

const REFUSALS: Record<'withdraw' | 'hide' | 'restore', { ja: string; en: string }> = {
  withdraw: {
    ja: 'PTが取り扱いを始めたアイデアは取り下げられません。',
    en: 'An idea the team has taken up cannot be withdrawn.',
  },
  hide: {
    ja: '課題にまとめられたアイデアは非表示にできません。先に課題から外してください。',
    en: 'An idea in an issue cannot be hidden; take it out of the issue first.',
  },
  restore: { ja: 'このアイデアは非表示ではありません。', en: 'This idea is not hidden.' },
};

/** The author withdraws their idea, or the reform office hides (with a reason) or restores one. */
export async function changeIdeaStatus(
  tx: Transaction,
  options: {
    ideaId: string;
    action: 'withdraw' | 'hide' | 'restore';
    reason: string | null;
    userId: string;
    actor: Actor;
  },
) {
  const idea = await lockIdea(tx, options.ideaId);
  if (!idea) throw notFound();
  if (options.action === 'withdraw' && idea.authorId !== options.userId) throw forbidden();
  const next = nextIdeaStatus(idea.status, options.action satisfies IdeaAction);
  if (next === null) throw new AppError('invalid_transition', { messages: REFUSALS[options.action] });
  const updated = await updateIdeaRow(tx, idea, {
    status: next,
    statusReason: options.action === 'hide' ? options.reason : null,
  });
  await recordAudit(tx, auditActorFor(options.actor, idea), {
    action: `platinum_idea.${options.action}`,
    entityType: 'platinum_idea',
    entityId: idea.id,
    before: auditSnapshotOfIdea(idea),
    after: { ...auditSnapshotOfIdea(updated), reason: options.reason },
  });
  return updated;
}
