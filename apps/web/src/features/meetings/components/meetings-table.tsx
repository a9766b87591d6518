import { Link } from '@tanstack/react-router';
import { Badge } from '@/components/ui/badge';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useMeetingText } from '../messages';
import type { Meeting } from '../types';
import { isTentative, meetingWhen } from '../utils/meeting-dates';

/** The meetings of a year: number, title (linked to the meeting page), date at its precision, place. */
export function MeetingsTable({ meetings, caption }: { meetings: readonly Meeting[]; caption: string }) {
  const mt = useMeetingText();
  const { language } = useLanguage();
  if (meetings.length === 0)
    return <p className="text-std-16N-170 text-solid-gray-700">{mt('list.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170 text-solid-gray-800">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {mt('list.column.sequence')}
            </th>
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {mt('list.column.title')}
            </th>
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {mt('list.column.date')}
            </th>
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {mt('list.column.place')}
            </th>
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {mt('list.column.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id} className="border-b border-solid-gray-200">
              <td className="px-3 py-3 tabular-nums">{meeting.sequence}</td>
              <th scope="row" lang="ja" className="px-3 py-3 font-normal">
                <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }} className="link">
                  {meeting.title}
                </Link>
              </th>
              <td className="px-3 py-3">
                <span className="flex flex-wrap items-center gap-2">
                  <span>
                    {meetingWhen(meeting, language)}
                    {meeting.startTime ? ` ${meeting.startTime}` : ''}
                    {meeting.endTime ? `–${meeting.endTime}` : ''}
                  </span>
                  {isTentative(meeting) ? <Badge tone="neutral">{mt('status.tentative')}</Badge> : null}
                </span>
              </td>
              <td className="px-3 py-3" lang="ja">
                {meeting.place ?? '—'}
              </td>
              <td className="px-3 py-3">
                {meeting.isPublic === false ? (
                  <Badge tone="inactive">{mt('status.closed')}</Badge>
                ) : (
                  <Badge tone="info">{mt('status.public')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
