import { isIdeaSupportable } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { adjustSupportCount, deleteSupport, findIdea, insertSupport } from './ideas.queries.ts';

/**
 * Adds the person's support (賛同) to an idea, once: the insert does nothing when the support
 * exists, so double clicks and parallel requests count one; the cached count moves in the same
 * transaction only when a row was added.
 */
export async function supportIdea(
  tx: Transaction,
  options: { ideaId: string; userId: string; actor: Actor },
) {
  const idea = await findIdea(tx, options.ideaId);
  if (!idea) throw notFound();
  if (idea.authorId === options.userId) throw new AppError('own_idea_support');
  if (!isIdeaSupportable(idea.status)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: 'このアイデアには賛同できません（統合・取下げ・非表示のいずれかです）。',
        en: 'This idea cannot be supported (it was merged, withdrawn or hidden).',
      },
    });
  }
  const isAdded = await insertSupport(tx, idea.id, options.userId);
  if (!isAdded) return { isAdded, supportCount: (await findIdea(tx, idea.id))!.supportCount };
  const supportCount = await adjustSupportCount(tx, idea.id, 1);
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.support',
    entityType: 'platinum_idea',
    entityId: idea.id,
    after: { supportCount },
  });
  return { isAdded, supportCount };
}

/** Takes the person's support back; nothing happens when there was none. */
export async function withdrawSupport(
  tx: Transaction,
  options: { ideaId: string; userId: string; actor: Actor },
) {
  const idea = await findIdea(tx, options.ideaId);
  if (!idea) throw notFound();
  const isRemoved = await deleteSupport(tx, idea.id, options.userId);
  if (!isRemoved) return { isRemoved, supportCount: idea.supportCount };
  const supportCount = await adjustSupportCount(tx, idea.id, -1);
  await recordAudit(tx, options.actor, {
    action: 'platinum_idea.withdraw_support',
    entityType: 'platinum_idea',
    entityId: idea.id,
    after: { supportCount },
  });
  return { isRemoved, supportCount };
}
