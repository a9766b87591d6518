import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { auditActorFor } from './idea-texts.ts';
import { findIdea, hideComment, insertComment } from './ideas.queries.ts';

/** Adds a comment to an idea peers can see. */
export async function commentOnIdea(
  tx: Transaction,
  options: { ideaId: string; userId: string; body: string; isVisibleToViewer: boolean; actor: Actor },
) {
  const idea = await findIdea(tx, options.ideaId);
  if (!idea || !options.isVisibleToViewer) throw notFound();
  if (idea.status === 'withdrawn' || idea.status === 'hidden') {
    throw new AppError('invalid_transition', {
      messages: {
        ja: '取り下げ・非表示のアイデアにはコメントできません。',
        en: 'Withdrawn or hidden ideas take no comments.',
      },
    });
  }
  const comment = await insertComment(tx, { ideaId: idea.id, authorId: options.userId, body: options.body });
  await recordAudit(tx, auditActorFor(options.actor, idea), {
    action: 'platinum_idea.comment',
    entityType: 'platinum_comment',
    entityId: comment.id,
    after: { ideaId: idea.id, body: comment.body },
  });
  return { idea, comment };
}

/** Hides a comment (reform office moderation); its text stays for the reform office. */
export async function hideIdeaComment(
  tx: Transaction,
  options: { ideaId: string; commentId: string; reason: string; actor: Actor },
) {
  const comment = await hideComment(tx, options.ideaId, options.commentId);
  if (!comment) throw notFound();
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.hide_comment',
    entityType: 'platinum_comment',
    entityId: comment.id,
    after: { ideaId: options.ideaId, reason: options.reason },
  });
  return comment;
}
