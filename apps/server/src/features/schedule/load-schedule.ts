import {
  isoDateOf,
  normalizeForSearch,
  SCHEDULE_LANES,
  type ScheduleLane,
  type ScheduleSpan,
} from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import {
  analysisDueEntries,
  type GeneratedEntry,
  platinumPhaseEntries,
  type ScheduleEntrySource,
  type ScheduleLinkType,
} from './generated-entries.ts';
import {
  listMeetingsOfYear,
  listStoredEntries,
  type MeetingRow,
  type ScheduleItemRow,
} from './schedule.queries.ts';

/** One entry of the year's schedule, whatever it was drawn from. */
export type ScheduleEntry = {
  id: string;
  lane: ScheduleLane;
  label: string;
  span: ScheduleSpan;
  source: ScheduleEntrySource;
  isMilestone: boolean;
  isDone: boolean;
  isSpanningYear: boolean;
  link: { type: ScheduleLinkType; id: string } | null;
  version: number | null;
};

const LINK_TYPES: readonly string[] = ['meeting', 'analysis', 'cluster', 'platinum_campaign'];

/** A meeting is drawn on the day it was held, else at the precision it was announced (10月上旬). */
export function meetingEntry(meeting: MeetingRow): ScheduleEntry {
  const span: ScheduleSpan = meeting.actualDate
    ? { precision: 'day', start: meeting.actualDate, end: meeting.actualDate }
    : { precision: meeting.plannedPrecision, start: meeting.plannedStart, end: meeting.plannedEnd };
  return {
    id: `meeting:${meeting.id}`,
    lane: 'x_meeting',
    label: meeting.title,
    span,
    source: 'meeting',
    isMilestone: true,
    isDone: meeting.actualDate !== null,
    isSpanningYear: false,
    link: { type: 'meeting', id: meeting.id },
    version: null,
  };
}

/** An entry the reform office keeps by hand (or the data set wrote). */
export function storedEntry(row: ScheduleItemRow, today: string): ScheduleEntry {
  const link =
    row.linkType && row.linkId && LINK_TYPES.includes(row.linkType)
      ? { type: row.linkType as ScheduleLinkType, id: row.linkId }
      : null;
  return {
    id: row.id,
    lane: row.lane,
    label: row.label,
    span: { precision: row.precision, start: row.startDate, end: row.endDate },
    source: 'office',
    isMilestone: false,
    isDone: row.endDate < today,
    isSpanningYear: row.isSpanningYear,
    link,
    version: row.version,
  };
}

function fromGenerated(entry: GeneratedEntry): ScheduleEntry {
  return { ...entry, isSpanningYear: false, version: null };
}

const sameText = (a: string, b: string) => normalizeForSearch(a) === normalizeForSearch(b);

/**
 * Puts the entries of a year together: meetings and other streams' records first-hand, plus what
 * the office added. A hand entry that repeats a generated one (same lane, same label, overlapping
 * span) is left out, so the record-backed entry with its link is drawn once.
 */
export function combineEntries(options: {
  meetings: MeetingRow[];
  stored: ScheduleItemRow[];
  generated: GeneratedEntry[];
  today: string;
}): ScheduleEntry[] {
  const generated = [...options.meetings.map(meetingEntry), ...options.generated.map(fromGenerated)];
  const stored = options.stored
    .map((row) => storedEntry(row, options.today))
    .filter(
      (entry) =>
        !generated.some(
          (other) =>
            other.lane === entry.lane &&
            sameText(other.label, entry.label) &&
            other.span.start <= entry.span.end &&
            entry.span.start <= other.span.end,
        ),
    );
  const laneOrder = (lane: ScheduleLane) => SCHEDULE_LANES.indexOf(lane);
  return [...generated, ...stored].sort(
    (a, b) =>
      laneOrder(a.lane) - laneOrder(b.lane) ||
      (a.isSpanningYear === b.isSpanningYear ? 0 : a.isSpanningYear ? -1 : 1) ||
      a.span.start.localeCompare(b.span.start) ||
      a.span.end.localeCompare(b.span.end) ||
      a.label.localeCompare(b.label, 'ja'),
  );
}

/** The year's schedule, lane by lane, as of today (Asia/Tokyo). */
export async function loadSchedule(db: Executor, fiscalYear: number, now = new Date()) {
  const today = isoDateOf(now);
  const [meetings, stored, analysisDue, platinumPhases] = await Promise.all([
    listMeetingsOfYear(db, fiscalYear),
    listStoredEntries(db, fiscalYear),
    analysisDueEntries(db, fiscalYear),
    platinumPhaseEntries(db, fiscalYear, today),
  ]);
  const entries = combineEntries({ meetings, stored, generated: [...analysisDue, ...platinumPhases], today });
  return { fiscalYear, today, entries };
}

export type Schedule = Awaited<ReturnType<typeof loadSchedule>>;
