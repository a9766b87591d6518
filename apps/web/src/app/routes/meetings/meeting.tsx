import { getRouteApi, Link } from '@tanstack/react-router';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useMeeting } from '@/features/meetings/api/get-meeting';
import { AgendaBuilder } from '@/features/meetings/components/agenda-builder';
import { AgendaPrint } from '@/features/meetings/components/agenda-print';
import { MeetingPage } from '@/features/meetings/components/meeting-page';
import { useMeetingText } from '@/features/meetings/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';

const meetingApi = getRouteApi('/authenticated/meetings/$meetingId');
const agendaApi = getRouteApi('/authenticated/meetings/$meetingId/agenda');
const printApi = getRouteApi('/authenticated/meetings/$meetingId/print');

/** One meeting's record. */
export function MeetingRoute() {
  const { meetingId } = meetingApi.useParams();
  const query = useMeeting(meetingId);
  useDocumentTitle(query.data?.meeting.title);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <MeetingPage meeting={query.data.meeting} etag={query.data.etag} />;
}

/** The office's agenda builder for one meeting. */
export function AgendaBuilderRoute() {
  const mt = useMeetingText();
  const { meetingId } = agendaApi.useParams();
  const query = useMeeting(meetingId);
  const title = query.data ? mt('builder.title', { meeting: query.data.meeting.title }) : undefined;
  useDocumentTitle(title);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeading lead={mt('builder.lead')}>{title}</PageHeading>
      <p className="mb-8">
        <Link to="/meetings/$meetingId" params={{ meetingId }} className="link">
          {mt('builder.back')}
        </Link>
      </p>
      <AgendaBuilder meeting={query.data.meeting} />
    </>
  );
}

/** The printable 次第 of one meeting. */
export function AgendaPrintRoute() {
  const mt = useMeetingText();
  const { meetingId } = printApi.useParams();
  const query = useMeeting(meetingId);
  useDocumentTitle(query.data ? mt('print.title', { meeting: query.data.meeting.title }) : undefined);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <AgendaPrint meeting={query.data.meeting} />;
}
