import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { notifyUsers } from '../notifications/index.ts';
import {
  deleteTeamMember,
  findActiveStaffMember,
  findCampaign,
  insertTeamMember,
} from './campaigns.queries.ts';

/** Puts a member of staff on a campaign's project team (reform office); they are told. */
export async function addTeamMember(
  tx: Transaction,
  options: { campaignId: string; userId: string; actor: Actor },
) {
  const campaign = await findCampaign(tx, options.campaignId);
  if (!campaign) throw notFound();
  const person = await findActiveStaffMember(tx, options.userId);
  if (!person) {
    throw new AppError('validation_failed', {
      messages: {
        ja: 'PTには在職中の職員だけを選べます。',
        en: 'Only active members of staff can join the team.',
      },
    });
  }
  const isAdded = await insertTeamMember(tx, campaign.id, person.id);
  if (isAdded) {
    await recordAudit(tx, options.actor, {
      action: 'platinum_team.add',
      entityType: 'platinum_campaign',
      entityId: campaign.id,
      after: { userId: person.id },
    });
    await notifyUsers(tx, [person.id], {
      kind: 'platinum.team_joined',
      titleJa: `「${campaign.title}」のプロジェクトチーム（PT）メンバーに選ばれました。`,
      titleEn: `You were chosen for the project team of "${campaign.title}".`,
      link: `/platinum/campaigns/${campaign.id}/triage`,
    });
  }
  return isAdded;
}

/** Takes a member off a campaign's project team (reform office); their scores stay but no longer count. */
export async function removeTeamMember(
  tx: Transaction,
  options: { campaignId: string; userId: string; actor: Actor },
) {
  const campaign = await findCampaign(tx, options.campaignId);
  if (!campaign) throw notFound();
  const isRemoved = await deleteTeamMember(tx, campaign.id, options.userId);
  if (isRemoved) {
    await recordAudit(tx, options.actor, {
      action: 'platinum_team.remove',
      entityType: 'platinum_campaign',
      entityId: campaign.id,
      before: { userId: options.userId },
    });
  }
  return isRemoved;
}
