import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCalendarFeedMutations, useCalendarFeedStatus } from '../api/calendar-feed';
import { useMeetingText } from '../messages';

/** The public .ics link of the year and the user's private feed URL (issued once, revocable). */
export function CalendarFeedPanel({ fiscalYear }: { fiscalYear: number }) {
  const mt = useMeetingText();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const status = useCalendarFeedStatus();
  const { issue, revoke } = useCalendarFeedMutations();
  const [issuedUrl, setIssuedUrl] = useState<string | null>(null);
  const error = issue.error ?? revoke.error;
  return (
    <section aria-labelledby="calendar-feed-heading" className="mt-12 flex flex-col gap-4" data-print-hide>
      <h2 id="calendar-feed-heading" className="text-std-24B-150 text-solid-gray-900">
        {mt('feed.title')}
      </h2>
      <p>
        <a className="link" href={`/api/v1/meetings.ics?fy=${fiscalYear}`}>
          {mt('feed.public')}
        </a>
      </p>
      <div className="flex flex-col gap-3">
        <p className="text-std-17B-170">{mt('feed.private')}</p>
        <p className="text-std-16N-170 text-solid-gray-700">{mt('feed.privateHint')}</p>
        {status.data?.isActive && status.data.createdAt && !issuedUrl ? (
          <p>{mt('feed.active', { date: formatDate(status.data.createdAt, language) })}</p>
        ) : null}
        {issuedUrl ? (
          <div className="flex flex-col gap-2">
            <label htmlFor="calendar-feed-url" className="text-std-16B-170">
              {mt('feed.issued')}
            </label>
            <input
              id="calendar-feed-url"
              readOnly
              value={issuedUrl}
              onFocus={(event) => event.target.select()}
              className="w-full rounded-8 border border-solid-gray-600 px-4 py-3 text-std-16N-170"
            />
          </div>
        ) : null}
        {error ? (
          <Alert tone="error" announce="assertive">
            <p>{errorText(error)}</p>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            size="sm"
            aria-disabled={issue.isPending || undefined}
            onClick={() => {
              if (!issue.isPending)
                issue.mutate(undefined, { onSuccess: (result) => setIssuedUrl(result.url) });
            }}
          >
            {status.data?.isActive ? mt('feed.reissue') : mt('feed.issue')}
          </Button>
          {status.data?.isActive ? (
            <Button
              variant="danger"
              size="sm"
              aria-disabled={revoke.isPending || undefined}
              onClick={() => {
                if (!revoke.isPending) revoke.mutate(undefined, { onSuccess: () => setIssuedUrl(null) });
              }}
            >
              {mt('feed.revoke')}
            </Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
