import { type PlatinumTheme, platinumThemeLabel } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import {
  type CampaignValues,
  insertCampaign,
  lockCampaign,
  themesInUse,
  updateCampaignRow,
} from './campaigns.queries.ts';

function snapshot(campaign: CampaignValues & { version?: number }) {
  return {
    fiscalYear: campaign.fiscalYear,
    title: campaign.title,
    description: campaign.description,
    themes: campaign.themes,
    phases: campaign.phases,
    version: campaign.version,
  };
}

function assertThemes(themes: readonly string[]) {
  if (themes.length === 0 || new Set(themes).size !== themes.length) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          path: 'themes',
          messages: {
            ja: 'テーマを1つ以上、重複なく選んでください。',
            en: 'Choose one or more themes, each once.',
          },
        },
      ],
    });
  }
}

// Ideas keep the theme they were submitted under: a theme that has ideas stays on the campaign.
async function assertNoIdeasLeftWithoutTheme(tx: Transaction, campaignId: string, themes: readonly string[]) {
  const removed = (await themesInUse(tx, campaignId)).filter((theme) => !themes.includes(theme));
  if (removed.length === 0) return;
  const names = (locale: 'ja' | 'en') =>
    removed
      .map((theme) => platinumThemeLabel(theme as PlatinumTheme, locale))
      .join(locale === 'ja' ? '・' : ', ');
  throw new AppError('conflict', {
    messages: {
      ja: `テーマ「${names('ja')}」にはすでにアイデアが投稿されているため、外せません。`,
      en: `Ideas have already been submitted under ${names('en')}, so that theme cannot be removed.`,
    },
  });
}

/** Opens a campaign for a fiscal year with its themes and phases (reform office). */
export async function createCampaign(tx: Transaction, options: { values: CampaignValues; actor: Actor }) {
  assertThemes(options.values.themes);
  const campaign = await insertCampaign(tx, options.values);
  await recordAudit(tx, options.actor, {
    action: 'platinum_campaign.create',
    entityType: 'platinum_campaign',
    entityId: campaign.id,
    after: snapshot(campaign),
  });
  return campaign;
}

/** Changes a campaign's texts, themes or phases (reform office, If-Match). */
export async function updateCampaign(
  tx: Transaction,
  options: { campaignId: string; expectedVersion: number; changes: Partial<CampaignValues>; actor: Actor },
) {
  const campaign = await lockCampaign(tx, options.campaignId);
  if (!campaign) throw notFound();
  assertVersion(options.expectedVersion, campaign.version);
  if (options.changes.themes) {
    assertThemes(options.changes.themes);
    await assertNoIdeasLeftWithoutTheme(tx, campaign.id, options.changes.themes);
  }
  const updated = await updateCampaignRow(tx, campaign.id, campaign.version, options.changes);
  await recordAudit(tx, options.actor, {
    action: 'platinum_campaign.update',
    entityType: 'platinum_campaign',
    entityId: campaign.id,
    before: snapshot(campaign),
    after: snapshot(updated),
  });
  return updated;
}
