import { preciseDateLabel } from '@totonoe/domain';
import type { MeetingRow } from './meetings.queries.ts';

/**
 * iCalendar (RFC 5545) written by hand: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped. A meeting with a known date and time is a
 * timed event (in UTC, so no VTIMEZONE is needed); a known day without a time is an all-day
 * event; an approximate date (10月上旬) is an all-day span over its whole range, marked
 * tentative and free, with the label in its title.
 */

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const TOKYO_OFFSET_HOURS = 9;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A date and a wall-clock time in Japan as a UTC date-time value. */
function tokyoToUtc(isoDate: string, time: string): string {
  const [hours, minutes, seconds] = time.split(':').map(Number);
  const [year, month, day] = isoDate.split('-').map(Number);
  return utcStamp(
    new Date(Date.UTC(year!, month! - 1, day!, hours! - TOKYO_OFFSET_HOURS, minutes!, seconds ?? 0)),
  );
}

export type CalendarOptions = {
  name: string;
  /** Absolute URL of a meeting's page, or null to leave it out. */
  pageUrl: (meeting: MeetingRow) => string | null;
  /** Domain part of every event's UID, so that calendars keep recognising the same meeting. */
  uidDomain: string;
};

function meetingLines(meeting: MeetingRow, options: CalendarOptions, stamp: Date): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${meeting.id}@${options.uidDomain}`, `DTSTAMP:${utcStamp(stamp)}`];
  lines.push(`SEQUENCE:${Math.max(0, meeting.version - 1)}`);
  if (meeting.actualDate && meeting.startTime) {
    lines.push(`SUMMARY:${escapeText(meeting.title)}`);
    lines.push(`DTSTART:${tokyoToUtc(meeting.actualDate, meeting.startTime)}`);
    if (meeting.endTime) lines.push(`DTEND:${tokyoToUtc(meeting.actualDate, meeting.endTime)}`);
    lines.push('STATUS:CONFIRMED');
  } else if (meeting.actualDate || meeting.plannedPrecision === 'day') {
    const day = meeting.actualDate ?? meeting.plannedStart;
    lines.push(`SUMMARY:${escapeText(meeting.title)}`);
    lines.push(`DTSTART;VALUE=DATE:${compactDate(day)}`);
    lines.push(`DTEND;VALUE=DATE:${compactDate(addDays(day, 1))}`);
    lines.push('STATUS:CONFIRMED');
  } else {
    const label = preciseDateLabel({
      precision: meeting.plannedPrecision,
      start: meeting.plannedStart,
      end: meeting.plannedEnd,
    });
    lines.push(`SUMMARY:${escapeText(`${meeting.title}（${label}）`)}`);
    lines.push(`DTSTART;VALUE=DATE:${compactDate(meeting.plannedStart)}`);
    // DTEND of an all-day event is exclusive: the day after the span's last day.
    lines.push(`DTEND;VALUE=DATE:${compactDate(addDays(meeting.plannedEnd, 1))}`);
    lines.push('STATUS:TENTATIVE');
    lines.push('TRANSP:TRANSPARENT');
    lines.push(
      `DESCRIPTION:${escapeText(`開催日は未定です（${label}予定）。日程が決まり次第更新されます。`)}`,
    );
  }
  if (meeting.place) lines.push(`LOCATION:${escapeText(meeting.place)}`);
  const url = options.pageUrl(meeting);
  if (url) lines.push(`URL:${url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** Writes a VCALENDAR with one event per meeting. */
export function buildMeetingCalendar(
  meetings: MeetingRow[],
  options: CalendarOptions,
  now = new Date(),
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Totonoe//X Meetings//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Asia/Tokyo',
  ];
  for (const meeting of meetings) lines.push(...meetingLines(meeting, options, meeting.updatedAt ?? now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
