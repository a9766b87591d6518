import { z } from '@hono/zod-openapi';
import { DATE_PRECISIONS, SCHEDULE_LANES, scheduleLaneLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { ScheduleEntry } from './load-schedule.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const scheduleSpanResponse = z
  .object({ precision: z.enum(DATE_PRECISIONS), start: z.string(), end: z.string() })
  .openapi('ScheduleSpan');

export const scheduleEntrySchema = z
  .object({
    id: z.string(),
    lane: z.enum(SCHEDULE_LANES),
    label: z.string(),
    span: scheduleSpanResponse,
    spanLabel: localized,
    source: z.enum(['meeting', 'analysis_due', 'platinum_phase', 'office']),
    isMilestone: z.boolean(),
    isDone: z.boolean(),
    isSpanningYear: z.boolean(),
    link: z
      .object({ type: z.enum(['meeting', 'analysis', 'cluster', 'platinum_campaign']), id: z.string() })
      .nullable(),
    /** Entries the reform office added carry their version (If-Match); generated ones have none. */
    version: z.number().int().nullable(),
  })
  .openapi('ScheduleEntry');

export const scheduleSchema = z
  .object({
    fiscalYear: z.number().int(),
    today: z.string(),
    lanes: z.array(z.object({ code: z.enum(SCHEDULE_LANES), label: localized })),
    entries: z.array(scheduleEntrySchema),
  })
  .openapi('Schedule');

/** Shapes one entry with its span labelled in both languages. */
export function presentScheduleEntry(entry: ScheduleEntry): z.infer<typeof scheduleEntrySchema> {
  return {
    ...entry,
    spanLabel: { ja: scheduleSpanLabel(entry.span, 'ja'), en: scheduleSpanLabel(entry.span, 'en') },
  };
}

/** Shapes the year's schedule: every lane (even an empty one) and every entry. */
export function presentSchedule(schedule: {
  fiscalYear: number;
  today: string;
  entries: ScheduleEntry[];
}): z.infer<typeof scheduleSchema> {
  return {
    fiscalYear: schedule.fiscalYear,
    today: schedule.today,
    lanes: SCHEDULE_LANES.map((code) => ({
      code,
      label: { ja: scheduleLaneLabel(code, 'ja'), en: scheduleLaneLabel(code, 'en') },
    })),
    entries: schedule.entries.map(presentScheduleEntry),
  };
}
