import { Badge } from '@/components/ui/badge';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { Meeting } from '../types';
import { isTentative, meetingWhen } from '../utils/meeting-dates';

type UpcomingMeetingsProps = { meetings: readonly Meeting[]; caption: string };

/** The coming X meetings as a table: title and (planned) date. */
export function UpcomingMeetings({ meetings, caption }: UpcomingMeetingsProps) {
  const t = useT();
  const { language } = useLanguage();
  if (meetings.length === 0) {
    return <p className="text-std-16N-170 text-solid-gray-700">{t('meetings.noneUpcoming')}</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170 text-solid-gray-800">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {t('meetings.column.meeting')}
            </th>
            <th scope="col" className="px-3 py-2 text-std-16B-170">
              {t('meetings.column.date')}
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id} className="border-b border-solid-gray-200">
              <th scope="row" lang="ja" className="px-3 py-3 font-normal">
                {meeting.title}
              </th>
              <td className="px-3 py-3">
                <span className="flex flex-wrap items-center gap-2">
                  <span>{meetingWhen(meeting, language)}</span>
                  {isTentative(meeting) ? <Badge tone="neutral">{t('meetings.tentative')}</Badge> : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
