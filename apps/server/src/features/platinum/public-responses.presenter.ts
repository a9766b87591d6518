import { z } from '@hono/zod-openapi';
import {
  ASSIGNMENT_DECISIONS,
  assignmentDecisionLabel,
  ISSUE_STATUSES,
  issueStatusLabel,
  PLATINUM_THEMES,
  type PreciseDate,
  platinumThemeLabel,
  preciseDateLabel,
} from '@totonoe/domain';
import type { AnnouncingBureau, listPublishedResponses } from './public-responses.queries.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const publicResponseSchema = z
  .object({
    issueId: z.string().uuid(),
    campaignTitle: z.string(),
    number: z.number().int(),
    theme: z.enum(PLATINUM_THEMES),
    themeLabel: localized,
    title: z.string(),
    status: z.enum(ISSUE_STATUSES),
    statusLabel: localized,
    decision: z.enum(ASSIGNMENT_DECISIONS).nullable(),
    decisionLabel: localized.nullable(),
    implementationDateLabel: localized.nullable(),
    orgUnitName: z.string().nullable(),
    /** 連名公表: the bureaus that announced it together (names and days; never who signed). */
    announcingBureaus: z.array(z.object({ name: z.string(), signedOn: z.string() })),
    body: z.string(),
    publishedAt: z.string().nullable(),
    publishedOn: z.string().nullable(),
  })
  .openapi('PlatinumPublicResponse');

export type PublicResponse = z.infer<typeof publicResponseSchema>;

function tokyoDay(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(instant);
}

/** Shapes a published response for the public: the issue, the bureau's decision and the response, never who proposed it. */
export function presentPublicResponse(
  row: Awaited<ReturnType<typeof listPublishedResponses>>[number],
  bureaus: readonly AnnouncingBureau[] = [],
): PublicResponse {
  const orgUnitName = row.announcingOrgUnitName ?? row.assignedOrgUnitName;
  const date: PreciseDate | null =
    row.implementationPrecision && row.implementationStart && row.implementationEnd
      ? { precision: row.implementationPrecision, start: row.implementationStart, end: row.implementationEnd }
      : null;
  return {
    issueId: row.issueId,
    campaignTitle: row.campaignTitle,
    number: row.number,
    theme: row.theme,
    themeLabel: { ja: platinumThemeLabel(row.theme, 'ja'), en: platinumThemeLabel(row.theme, 'en') },
    title: row.title,
    status: row.status,
    statusLabel: { ja: issueStatusLabel(row.status, 'ja'), en: issueStatusLabel(row.status, 'en') },
    decision: row.decision,
    decisionLabel: row.decision
      ? { ja: assignmentDecisionLabel(row.decision, 'ja'), en: assignmentDecisionLabel(row.decision, 'en') }
      : null,
    implementationDateLabel: date
      ? {
          ja: preciseDateLabel(date, { locale: 'ja', withYear: true }),
          en: preciseDateLabel(date, { locale: 'en', withYear: true }),
        }
      : null,
    orgUnitName,
    announcingBureaus:
      bureaus.length > 0
        ? bureaus.map((bureau) => ({ name: bureau.name, signedOn: tokyoDay(bureau.signedAt) }))
        : orgUnitName && row.publishedAt
          ? [{ name: orgUnitName, signedOn: tokyoDay(row.publishedAt) }]
          : [],
    body: row.body,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedOn: row.publishedAt ? tokyoDay(row.publishedAt) : null,
  };
}
