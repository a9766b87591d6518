import { isSubmissionOpen, type PlatinumTheme } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { allocateIdeaNumber, findCampaign } from './campaigns.queries.ts';
import { auditActorFor, type IdeaTexts, searchKeysOf } from './idea-texts.ts';
import { auditSnapshotOfIdea } from './ideas.presenter.ts';
import { insertIdea, orgUnitOfUser } from './ideas.queries.ts';

/** Submits a new idea to a campaign while its submission phase is open, as oneself or anonymous to peers. */
export async function submitIdea(
  tx: Transaction,
  options: {
    campaignId: string;
    authorId: string;
    theme: PlatinumTheme;
    texts: IdeaTexts;
    isAnonymous: boolean;
    today: string;
    actor: Actor;
  },
) {
  const campaign = await findCampaign(tx, options.campaignId);
  if (!campaign) throw notFound();
  if (!isSubmissionOpen(campaign.phases, options.today)) throw new AppError('submission_closed');
  if (!campaign.themes.includes(options.theme)) {
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
  const number = await allocateIdeaNumber(tx, campaign.id);
  const idea = await insertIdea(tx, {
    campaignId: campaign.id,
    number,
    theme: options.theme,
    ...options.texts,
    ...searchKeysOf(options.texts),
    authorId: options.authorId,
    authorOrgUnitId: await orgUnitOfUser(tx, options.authorId),
    isAnonymous: options.isAnonymous,
  });
  await recordAudit(tx, auditActorFor(options.actor, idea), {
    action: 'platinum_idea.submit',
    entityType: 'platinum_idea',
    entityId: idea.id,
    after: auditSnapshotOfIdea(idea),
  });
  return idea;
}
