import { PageHeading } from '@/components/ui/page-heading';
import { useMeetingText } from '../messages';
import type { PublicMeeting } from '../types';
import { formatFileSize } from '../utils/format-size';
import { MeetingWhen } from './meeting-when';

/** The public page of a meeting: exactly what is published (agenda, materials, minutes, video). */
export function PublicMeetingPage({ meeting }: { meeting: PublicMeeting }) {
  const mt = useMeetingText();
  return (
    <article className="flex flex-col gap-10">
      <div>
        <PageHeading lead={mt('public.lead')}>
          <span lang="ja">{meeting.title}</span>
        </PageHeading>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-std-16N-170">
          <dt className="font-bold">{mt('meeting.when')}</dt>
          <dd>
            <MeetingWhen meeting={meeting} />
          </dd>
          <dt className="font-bold">{mt('meeting.place')}</dt>
          <dd lang="ja">{meeting.place ?? '—'}</dd>
          {meeting.videoUrl ? (
            <>
              <dt className="font-bold">{mt('meeting.video')}</dt>
              <dd>
                <a className="link" href={meeting.videoUrl} rel="noopener noreferrer" target="_blank">
                  {mt('meeting.videoLink')}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <section aria-labelledby="public-agenda-heading" className="flex flex-col gap-4">
        <h2 id="public-agenda-heading" className="text-std-24B-150">
          {mt('meeting.agenda')}
        </h2>
        {meeting.agenda === null ? <p>{mt('public.notPublished')}</p> : null}
        <ol className="flex flex-col gap-4">
          {meeting.agenda?.map((item) => (
            <li key={item.number} className="flex flex-col gap-2 border-t border-solid-gray-420 pt-4">
              <span className="text-std-18B-160" lang="ja">
                {item.number}. {item.title}
                {item.presenterName ? `（${item.presenterName}）` : ''}
              </span>
              {item.materials.length > 0 ? (
                <ul className="flex flex-col gap-1 pl-4">
                  {item.materials.map((material) => (
                    <li key={material.number}>
                      <a className="link" href={material.downloadUrl}>
                        {material.label}　<span lang="ja">{material.title}</span>
                      </a>{' '}
                      <span className="text-std-16N-170 text-solid-gray-700">
                        （
                        {material.contentType === 'application/pdf'
                          ? 'PDF'
                          : material.fileName.split('.').pop()?.toUpperCase()}
                        , {formatFileSize(material.byteSize)}）
                        {material.isRedacted ? `　${mt('public.redacted')}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="public-minutes-heading" className="flex flex-col gap-4">
        <h2 id="public-minutes-heading" className="text-std-24B-150">
          {mt('meeting.minutes')}
        </h2>
        {meeting.minutes ? (
          <div
            lang="ja"
            className="whitespace-pre-wrap rounded-8 border border-solid-gray-200 px-4 py-4 text-std-16N-175"
          >
            {meeting.minutes.body}
          </div>
        ) : (
          <p>{mt('public.noMinutes')}</p>
        )}
      </section>
    </article>
  );
}
