import { z } from '@hono/zod-openapi';
import { DATE_PRECISIONS, preciseDateLabel } from '@totonoe/domain';
import type { meetings } from '../../db/schema/index.ts';

export const preciseDateResponse = z
  .object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() })
  .openapi('PreciseDate');

export const meetingSummarySchema = z
  .object({
    id: z.string().uuid(),
    fiscalYear: z.number().int(),
    sequence: z.number().int(),
    title: z.string(),
    planned: preciseDateResponse,
    plannedLabel: z.string(),
    actualDate: z.string().nullable(),
    startTime: z.string().nullable(),
    place: z.string().nullable(),
    isPublic: z.boolean(),
  })
  .openapi('MeetingSummary');

/** Shapes a meeting for lists. */
export function presentMeetingSummary(row: typeof meetings.$inferSelect): z.infer<typeof meetingSummarySchema> {
  const planned = { precision: row.plannedPrecision, start: row.plannedStart, end: row.plannedEnd };
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    sequence: row.sequence,
    title: row.title,
    planned,
    plannedLabel: preciseDateLabel(planned),
    actualDate: row.actualDate,
    startTime: row.startTime,
    place: row.place,
    isPublic: row.isPublic,
  };
}
