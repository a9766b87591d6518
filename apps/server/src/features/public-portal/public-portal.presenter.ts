import { z } from '@hono/zod-openapi';
import { DATE_PRECISIONS } from '@totonoe/domain';

const localized = z.object({ ja: z.string(), en: z.string() });

export const publicProgrammeSchema = z
  .object({
    fiscalYear: z.number().int(),
    fiscalYearLabel: z.string(),
    title: z.string(),
    slogan: z.string(),
    figures: z.object({
      clusters: z.number().int(),
      analysisTargets: z.number().int(),
      publishedAnalyses: z.number().int(),
      meetingsHeld: z.number().int(),
      meetingsPlanned: z.number().int(),
      publishedPolicies: z.number().int(),
      publishedNeeds: z.number().int(),
      platinumResponses: z.number().int(),
    }),
    groups: z.array(
      z.object({
        name: z.string(),
        subtitle: z.string().nullable(),
        clusterCount: z.number().int(),
        targetCount: z.number().int(),
      }),
    ),
    meetings: z.array(
      z.object({
        id: z.string().uuid(),
        sequence: z.number().int(),
        title: z.string(),
        planned: z.object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() }),
        plannedLabel: localized,
        heldOn: z.string().nullable(),
        place: z.string().nullable(),
        videoUrl: z.string().nullable(),
        /** The agenda's item titles once the agenda is published (empty before). */
        agenda: z.array(z.string()),
      }),
    ),
  })
  .openapi('PublicProgramme');

const distributionSchema = z.object({
  format: z.enum(['CSV', 'JSON']),
  mediaType: z.string(),
  encoding: z.string(),
  url: z.string(),
});

export const openDataIndexSchema = z
  .object({
    title: z.string(),
    fiscalYear: z.number().int(),
    fiscalYears: z.array(z.number().int()),
    license: z.object({ id: z.string(), name: z.string(), url: z.string() }),
    modified: z.string(),
    datasets: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        fiscalYear: z.number().int(),
        rowCount: z.number().int(),
        columns: z.array(z.object({ key: z.string(), title: z.string(), type: z.string() })),
        distributions: z.array(distributionSchema),
      }),
    ),
  })
  .openapi('OpenDataIndex');
