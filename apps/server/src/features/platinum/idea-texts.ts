import { normalizeForSearch } from '@totonoe/domain';
import type { Actor } from '../../lib/audit.ts';

export type IdeaTexts = { title: string; problem: string; proposal: string; expectedEffect: string };

const SIMILARITY_KEY_LENGTH = 200;

/** The search keys stored with an idea: everything for `q`, the title for "similar ideas". */
export function searchKeysOf(texts: IdeaTexts): { searchKey: string; similarityKey: string } {
  return {
    searchKey: normalizeForSearch(
      [texts.title, texts.problem, texts.proposal, texts.expectedEffect].join('\n'),
    ),
    similarityKey: similarityKeyOf(texts.title),
  };
}

/** The key "similar ideas" compares: the normalised text, cut to a length comparable with a title. */
export function similarityKeyOf(text: string): string {
  return Array.from(normalizeForSearch(text)).slice(0, SIMILARITY_KEY_LENGTH).join('');
}

/**
 * The actor to audit for something an idea's author does: for an anonymous idea it is recorded
 * without person or address, so the audit trail (read by system admins too) cannot name the
 * author; the reform office finds the author on the idea itself.
 */
export function auditActorFor(actor: Actor, idea: { isAnonymous: boolean; authorId: string }): Actor {
  if (idea.isAnonymous && actor.userId === idea.authorId) {
    return { userId: null, requestId: actor.requestId, ip: undefined };
  }
  return actor;
}
