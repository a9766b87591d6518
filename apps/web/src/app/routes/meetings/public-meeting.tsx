import { getRouteApi } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { usePublicMeeting } from '@/features/meetings/api/get-public-meeting';
import { PublicMeetingPage } from '@/features/meetings/components/public-meeting-page';
import { useMeetingText } from '@/features/meetings/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';

const routeApi = getRouteApi('/public/meetings/$meetingId');

/** The public page of a meeting: exactly its published parts, without sign-in. */
export function PublicMeetingRoute() {
  const mt = useMeetingText();
  const { meetingId } = routeApi.useParams();
  const query = usePublicMeeting(meetingId);
  useDocumentTitle(query.data?.title);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 404)) {
      return (
        <Alert tone="info" title={mt('public.notFound')}>
          <p />
        </Alert>
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <PublicMeetingPage meeting={query.data} />;
}
