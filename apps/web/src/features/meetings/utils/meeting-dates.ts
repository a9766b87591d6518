import { formatDate } from '@/lib/format';
import type { Language } from '@/lib/i18n/language';
import type { Meeting } from '../types';

function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** The day a meeting is held on or, while only planned, the last day it may be held on. */
function latestDay(meeting: Meeting): string {
  return meeting.actualDate ? dayOf(meeting.actualDate) : dayOf(meeting.planned.end);
}

/** Meetings not yet over on `today` (YYYY-MM-DD), soonest first. */
export function selectUpcomingMeetings(meetings: readonly Meeting[], today: string): Meeting[] {
  return meetings
    .filter((meeting) => latestDay(meeting) >= today)
    .sort((a, b) => {
      const aStart = a.actualDate ?? a.planned.start;
      const bStart = b.actualDate ?? b.planned.start;
      return aStart.localeCompare(bStart) || a.sequence - b.sequence;
    });
}

const englishThirds: Partial<Record<Meeting['planned']['precision'], string>> = {
  early: 'Early',
  mid: 'Mid',
  late: 'Late',
};

/**
 * When a meeting is (to be) held, never more exact than what is known: the held date, else the
 * planned label (10月上旬); in English the same precision (Early October 2024).
 */
export function meetingWhen(meeting: Meeting, language: Language): string {
  if (meeting.actualDate) return formatDate(meeting.actualDate, language);
  const { precision, start, end } = meeting.planned;
  if (language === 'ja') return meeting.plannedLabel;
  if (precision === 'day') return formatDate(start, language);
  const month = (value: string) =>
    new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Asia/Tokyo' }).format(
      new Date(`${dayOf(value)}T12:00:00+09:00`),
    );
  const third = englishThirds[precision];
  if (third) return `${third} ${month(start)}`;
  if (precision === 'month') return month(start);
  return `${month(start)} – ${month(end)}`;
}

/** Whether the date shown is only planned (not yet fixed to a day). */
export function isTentative(meeting: Meeting): boolean {
  return !meeting.actualDate && meeting.planned.precision !== 'day';
}
