import { isIdeaSupportable } from '@totonoe/domain';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import { auditEvents, platinumIdeas, platinumSupports } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { findIdeaForSupport, type IdeaRow } from './ideas.queries.ts';

type SupportOptions = {
  ideaId: string;
  userId: string;
  actor: Actor;
  /** Whether the person may see the idea at all (otherwise it is not found); all may, if not given. */
  canView?: (idea: Pick<IdeaRow, 'status' | 'authorId'>) => boolean;
};

/**
 * Adds the person's support (賛同) to an idea, once. The idea is read once, then one statement
 * inserts the support, moves the cached count and writes the audit event: the insert does nothing
 * when the support exists (the primary key decides, so double clicks and parallel requests count
 * one), and the count and the audit event follow only a row that was added.
 */
export async function supportIdea(tx: Transaction, options: SupportOptions) {
  const idea = await findIdeaForSupport(tx, options.ideaId);
  if (!idea || (options.canView && !options.canView(idea))) throw notFound();
  if (idea.authorId === options.userId) throw new AppError('own_idea_support');
  if (!isIdeaSupportable(idea.status)) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: 'このアイデアには賛同できません（統合・取下げ・非表示のいずれかです）。',
        en: 'This idea cannot be supported (it was merged, withdrawn or hidden).',
      },
    });
  }
  const { actor } = options;
  const result = await tx.execute<{ support_count: number }>(sql`
    with added as (
      insert into ${platinumSupports} (idea_id, user_id) values (${idea.id}, ${options.userId})
      on conflict do nothing
      returning idea_id
    ), counted as (
      update ${platinumIdeas} set support_count = support_count + 1
      where id in (select idea_id from added)
      returning support_count
    ), audited as (
      insert into ${auditEvents} (actor_id, action, entity_type, entity_id, after, request_id, ip)
      select ${actor.userId}, 'platinum_idea.support', 'platinum_idea', ${idea.id},
        jsonb_build_object('supportCount', support_count), ${actor.requestId ?? null}, ${actor.ip ?? null}
      from counted
    )
    select support_count from counted`);
  const added = result.rows[0];
  // Already supported: nothing was written, and the count read above stands.
  if (!added) return { isAdded: false, supportCount: idea.supportCount };
  return { isAdded: true, supportCount: Number(added.support_count) };
}

/** Takes the person's support back (one statement, as above); nothing happens when there was none. */
export async function withdrawSupport(tx: Transaction, options: SupportOptions) {
  const idea = await findIdeaForSupport(tx, options.ideaId);
  if (!idea || (options.canView && !options.canView(idea))) throw notFound();
  const { actor } = options;
  const result = await tx.execute<{ support_count: number }>(sql`
    with removed as (
      delete from ${platinumSupports}
      where idea_id = ${idea.id} and user_id = ${options.userId}
      returning idea_id
    ), counted as (
      update ${platinumIdeas} set support_count = support_count - 1
      where id in (select idea_id from removed)
      returning support_count
    ), audited as (
      insert into ${auditEvents} (actor_id, action, entity_type, entity_id, after, request_id, ip)
      select ${actor.userId}, 'platinum_idea.withdraw_support', 'platinum_idea', ${idea.id},
        jsonb_build_object('supportCount', support_count), ${actor.requestId ?? null}, ${actor.ip ?? null}
      from counted
    )
    select support_count from counted`);
  const removed = result.rows[0];
  if (!removed) return { isRemoved: false, supportCount: idea.supportCount };
  return { isRemoved: true, supportCount: Number(removed.support_count) };
}
