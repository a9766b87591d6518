import { isSubmissionOpen, nextIdeaStatus, type PlatinumTheme } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { findCampaign } from './campaigns.queries.ts';
import { auditActorFor, type IdeaTexts, searchKeysOf } from './idea-texts.ts';
import { auditSnapshotOfIdea } from './ideas.presenter.ts';
import { lockIdea, updateIdeaRow } from './ideas.queries.ts';

/** Lets the author change their idea until submission closes, while no one has grouped it. Anonymity is fixed at submission. */
export async function updateIdea(
  tx: Transaction,
  options: {
    ideaId: string;
    userId: string;
    expectedVersion: number;
    changes: Partial<IdeaTexts> & { theme?: PlatinumTheme };
    today: string;
    actor: Actor;
  },
) {
  const idea = await lockIdea(tx, options.ideaId);
  if (!idea) throw notFound();
  if (idea.authorId !== options.userId) throw forbidden();
  assertVersion(options.expectedVersion, idea.version);
  const campaign = (await findCampaign(tx, idea.campaignId))!;
  if (!isSubmissionOpen(campaign.phases, options.today)) throw new AppError('submission_closed');
  if (nextIdeaStatus(idea.status, 'edit') === null) {
    throw new AppError('invalid_transition', {
      messages: {
        ja: 'PTが取り扱いを始めたアイデア、取り下げたアイデアは編集できません。',
        en: 'An idea the team has taken up, or one that was withdrawn, cannot be edited.',
      },
    });
  }
  const theme = options.changes.theme ?? idea.theme;
  if (!campaign.themes.includes(theme)) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'theme',
          messages: {
            ja: 'このキャンペーンで募集していないテーマです。',
            en: 'This campaign does not take this theme.',
          },
        },
      ],
    });
  }
  const texts: IdeaTexts = {
    title: options.changes.title ?? idea.title,
    problem: options.changes.problem ?? idea.problem,
    proposal: options.changes.proposal ?? idea.proposal,
    expectedEffect: options.changes.expectedEffect ?? idea.expectedEffect,
  };
  const updated = await updateIdeaRow(tx, idea, { ...texts, theme, ...searchKeysOf(texts) });
  await recordAudit(tx, auditActorFor(options.actor, idea), {
    action: 'platinum_idea.update',
    entityType: 'platinum_idea',
    entityId: idea.id,
    before: auditSnapshotOfIdea(idea),
    after: auditSnapshotOfIdea(updated),
  });
  return updated;
}
