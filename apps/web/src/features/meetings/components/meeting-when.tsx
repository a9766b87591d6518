import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useMeetingText } from '../messages';
import type { Meeting } from '../types';
import { meetingWhen } from '../utils/meeting-dates';

/** 2024年7月22日(月) 10:00–11:30, or the planned label (10月上旬) while the day is not fixed. */
export function MeetingWhen({ meeting }: { meeting: Meeting }) {
  const mt = useMeetingText();
  const { language } = useLanguage();
  if (!meeting.actualDate) {
    return (
      <>
        {meetingWhen(meeting, language)} {meeting.planned.precision === 'day' ? '' : mt('meeting.notFixed')}
      </>
    );
  }
  const time = meeting.startTime
    ? ` ${meeting.startTime}${meeting.endTime ? `–${meeting.endTime}` : ''}`
    : '';
  return <>{`${formatDate(meeting.actualDate, language)}${time}`}</>;
}
