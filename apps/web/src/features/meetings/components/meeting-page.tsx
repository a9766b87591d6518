import { Link } from '@tanstack/react-router';
import { Badge } from '@/components/ui/badge';
import { buttonClassName } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { useOrgUnitOptions } from '../api/get-org-unit-options';
import { usePrintScope } from '../hooks/use-print-scope';
import { useMeetingText } from '../messages';
import type { MeetingDetail } from '../types';
import { AgendaItemSection } from './agenda-item-section';
import { MeetingSettingsForm } from './meeting-settings-form';
import { MeetingWhen } from './meeting-when';
import { MinutesPanel } from './minutes-panel';

/** A meeting's record: when and where, the agenda with 資料 numbers, decisions, instructions, minutes. */
export function MeetingPage({ meeting, etag }: { meeting: MeetingDetail; etag: string }) {
  const mt = useMeetingText();
  usePrintScope();
  const orgUnits = useOrgUnitOptions();
  return (
    <article className="flex flex-col gap-10">
      <div>
        <PageHeading>
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
                </a>{' '}
                {meeting.isVideoPublished ? <Badge tone="info">{mt('meeting.published')}</Badge> : null}
              </dd>
            </>
          ) : null}
        </dl>
        <p className="mt-3 flex flex-wrap gap-2">
          {meeting.isPublic ? (
            <Badge tone="info">{mt('status.public')}</Badge>
          ) : (
            <Badge tone="inactive">{mt('status.closed')}</Badge>
          )}
          {meeting.actualDate ? (
            <Badge tone="neutral">{mt('status.held')}</Badge>
          ) : (
            <Badge tone="neutral">{mt('status.tentative')}</Badge>
          )}
        </p>
        <div className="mt-6 flex flex-wrap gap-3" data-print-hide>
          {meeting.canManage ? (
            <Link
              to="/meetings/$meetingId/agenda"
              params={{ meetingId: meeting.id }}
              className={buttonClassName('primary', 'sm')}
            >
              {mt('meeting.buildAgenda')}
            </Link>
          ) : null}
          <Link
            to="/meetings/$meetingId/print"
            params={{ meetingId: meeting.id }}
            className={buttonClassName('secondary', 'sm')}
          >
            {mt('meeting.print')}
          </Link>
          {meeting.isPublic ? (
            <Link
              to="/public/meetings/$meetingId"
              params={{ meetingId: meeting.id }}
              className={buttonClassName('tertiary', 'sm')}
            >
              {mt('meeting.publicPage')}
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="agenda-heading" className="flex flex-col gap-6">
        <h2 id="agenda-heading" className="text-std-24B-150 text-solid-gray-900">
          {mt('meeting.agenda')}
        </h2>
        {meeting.agenda.length === 0 ? <p>{mt('meeting.agendaEmpty')}</p> : null}
        {meeting.agenda.map((item) => (
          <AgendaItemSection
            key={item.id}
            meetingId={meeting.id}
            item={item}
            canManage={meeting.canManage}
            orgUnits={orgUnits.data?.items ?? []}
          />
        ))}
      </section>

      <MinutesPanel
        meetingId={meeting.id}
        minutes={meeting.minutes}
        hasHiddenMinutes={meeting.hasHiddenMinutes}
        canManage={meeting.canManage}
      />

      {meeting.canManage ? <MeetingSettingsForm meeting={meeting} etag={etag} /> : null}
    </article>
  );
}
