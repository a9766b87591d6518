import { z } from '@hono/zod-openapi';
import {
  CAMPAIGN_PHASES,
  type CampaignPhase,
  DATE_PRECISIONS,
  fiscalYearLabel,
  isSubmissionOpen,
  type PhaseSpan,
  PLATINUM_THEMES,
  phaseSpanLabel,
  phaseTiming,
} from '@totonoe/domain';
import type { CampaignRow } from './campaigns.queries.ts';

const preciseDateOut = z.object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() });

export const phaseSpanSchemaOut = z.object({ from: preciseDateOut, to: preciseDateOut }).openapi('PhaseSpan');

export const campaignSchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    fiscalYearLabel: z.string(),
    title: z.string(),
    description: z.string(),
    themes: z.array(z.enum(PLATINUM_THEMES)),
    phases: z.array(
      z.object({
        phase: z.enum(CAMPAIGN_PHASES),
        span: phaseSpanSchemaOut,
        label: z.object({ ja: z.string(), en: z.string() }),
        timing: z.enum(['upcoming', 'current', 'past']),
      }),
    ),
    isSubmissionOpen: z.boolean(),
    ideaCount: z.number().int(),
    version: z.number().int(),
    viewer: z.object({
      isTeamMember: z.boolean(),
      canManage: z.boolean(),
      canSubmit: z.boolean(),
      canTriage: z.boolean(),
    }),
  })
  .openapi('PlatinumCampaign');

export const teamMemberSchema = z
  .object({
    userId: z.string().uuid(),
    displayName: z.string(),
    orgUnitName: z.string().nullable(),
    addedAt: z.string(),
  })
  .openapi('PlatinumTeamMember');

/** Shapes a campaign with its phases in order, as of a day. */
export function presentCampaign(
  campaign: CampaignRow,
  ideaCount: number,
  today: string,
  viewer: z.infer<typeof campaignSchema>['viewer'],
): z.infer<typeof campaignSchema> {
  const phases = CAMPAIGN_PHASES.flatMap((phase: CampaignPhase) => {
    const span = campaign.phases[phase] as PhaseSpan | null | undefined;
    if (!span) return [];
    return [
      {
        phase,
        span,
        label: { ja: phaseSpanLabel(span, 'ja'), en: phaseSpanLabel(span, 'en') },
        timing: phaseTiming(span, today),
      },
    ];
  });
  const isOpen = isSubmissionOpen(campaign.phases, today);
  return {
    id: campaign.id,
    fiscalYear: campaign.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(campaign.fiscalYear),
    title: campaign.title,
    description: campaign.description,
    themes: campaign.themes,
    phases,
    isSubmissionOpen: isOpen,
    ideaCount,
    version: campaign.version,
    viewer: { ...viewer, canSubmit: viewer.canSubmit && isOpen },
  };
}
