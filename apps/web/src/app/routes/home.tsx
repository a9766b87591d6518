import { Link, type LinkProps } from '@tanstack/react-router';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useMeetings } from '@/features/meetings/api/get-meetings';
import { UpcomingMeetings } from '@/features/meetings/components/upcoming-meetings';
import { selectUpcomingMeetings } from '@/features/meetings/utils/meeting-dates';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { todayInTokyo } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';

type Stream = 'meetings' | 'policies' | 'clusters' | 'initiatives' | 'platinum' | 'needs';

const STREAMS: { stream: Stream; to: NonNullable<LinkProps['to']> }[] = [
  { stream: 'meetings', to: paths.meetings.path },
  { stream: 'policies', to: paths.policies.path },
  { stream: 'clusters', to: paths.clusters.path },
  { stream: 'initiatives', to: paths.initiatives.path },
  { stream: 'platinum', to: paths.platinum.path },
  { stream: 'needs', to: paths.needs.path },
];

const UPCOMING_LIMIT = 5;

/** Home: a greeting, the six streams of the programme and the coming X meetings. */
export function HomeRoute() {
  const t = useT();
  const { language } = useLanguage();
  const me = useMe();
  const fiscalYears = useFiscalYears();
  const current = fiscalYears.data ? currentFiscalYear(fiscalYears.data.items) : undefined;
  const meetings = useMeetings({ fiscalYear: current?.year });
  useDocumentTitle(t('nav.home'));

  const renderMeetings = () => {
    if (fiscalYears.isError)
      return <QueryError error={fiscalYears.error} onRetry={() => void fiscalYears.refetch()} />;
    if (meetings.isError)
      return <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />;
    if (!current) return fiscalYears.isPending ? <Loading /> : <p>{t('meetings.noneUpcoming')}</p>;
    if (!meetings.data) return <Loading />;
    const upcoming = selectUpcomingMeetings(meetings.data.items, todayInTokyo()).slice(0, UPCOMING_LIMIT);
    return (
      <UpcomingMeetings
        meetings={upcoming}
        caption={t('home.upcomingCaption', { year: fiscalYearLabel(current, language) })}
      />
    );
  };

  return (
    <>
      <PageHeading lead={t('home.lead')}>
        {me.data ? t('home.greeting', { name: me.data.displayName }) : t('nav.home')}
      </PageHeading>

      <section aria-labelledby="home-streams" className="mb-12">
        <h2 id="home-streams" className="mb-6 text-std-24B-150 text-solid-gray-900">
          {t('home.streamsTitle')}
        </h2>
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {STREAMS.map(({ stream, to }) => (
            <li key={stream} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 px-6 py-5">
              <h3 className="text-std-20B-150">
                <Link to={to} className="link">
                  {t(`nav.${stream}`)}
                </Link>
              </h3>
              <p className="text-std-16N-170 text-solid-gray-700">{t(`streams.${stream}.description`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-meetings">
        <h2 id="home-meetings" className="mb-4 text-std-24B-150 text-solid-gray-900">
          {t('home.upcomingTitle')}
        </h2>
        {renderMeetings()}
      </section>
    </>
  );
}
