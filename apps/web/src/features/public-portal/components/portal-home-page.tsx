import { Link } from '@tanstack/react-router';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount, formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePublicProgramme } from '../api/public-portal';
import { type PortalTextKey, usePortalText } from '../messages';
import type { PublicProgramme } from '../types';
import { PortalNav } from './portal-nav';

const FIGURES: (keyof PublicProgramme['figures'])[] = [
  'clusters',
  'analysisTargets',
  'publishedAnalyses',
  'meetingsHeld',
  'meetingsPlanned',
  'publishedPolicies',
  'publishedNeeds',
  'platinumResponses',
];

/** The public portal's front page: the programme as published, its figures and its X meetings. */
export function PortalHomePage({
  fiscalYear,
  onYearChange,
}: {
  fiscalYear?: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const text = usePortalText();
  const { language } = useLanguage();
  const years = useFiscalYears();
  const programme = usePublicProgramme(fiscalYear);
  useDocumentTitle(text('title'));
  const data = programme.data;
  return (
    <>
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      <PortalNav />
      {programme.isPending ? <Loading /> : null}
      {programme.isError ? (
        <QueryError error={programme.error} onRetry={() => void programme.refetch()} />
      ) : null}
      {data ? (
        <div className="flex flex-col gap-10">
          <div className="flex flex-col gap-2">
            <p className="text-std-24B-150" lang="ja">
              {data.title}
            </p>
            <p className="text-std-20N-150 text-blue-1000" lang="ja">
              {data.slogan}
            </p>
            {years.data ? (
              <div className="print:hidden">
                <FiscalYearSelect
                  fiscalYears={years.data.items}
                  value={data.fiscalYear}
                  onChange={onYearChange}
                />
              </div>
            ) : null}
          </div>
          <section aria-labelledby="portal-figures" className="flex flex-col gap-3">
            <h2 id="portal-figures" className="text-std-24B-150">
              {text('figures', { year: language === 'ja' ? data.fiscalYearLabel : `FY${data.fiscalYear}` })}
            </h2>
            <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {FIGURES.map((figure) => (
                <div key={figure} className="rounded-8 border border-solid-gray-420 p-3">
                  <dt className="text-std-16N-170 text-solid-gray-700">
                    {text(`figure.${figure}` as PortalTextKey)}
                  </dt>
                  <dd className="text-std-28B-150">
                    {text('count', { count: formatCount(data.figures[figure], language) })}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="portal-groups" className="flex flex-col gap-3">
            <h2 id="portal-groups" className="text-std-24B-150">
              {text('groups')}
            </h2>
            <table className="w-full border-collapse text-std-16N-170">
              <caption className="sr-only">{text('groups')}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-420">
                  <th scope="col" className="py-2 text-left">
                    {text('column.group')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {text('column.clusters')}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {text('column.targets')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.groups.map((group) => (
                  <tr key={group.name} className="border-b border-solid-gray-200">
                    <th scope="row" className="py-2 text-left font-normal" lang="ja">
                      <Link to={paths.clusters.path} search={{ fy: data.fiscalYear }} className="link">
                        {group.name}
                      </Link>
                    </th>
                    <td className="py-2 text-right">{group.clusterCount}</td>
                    <td className="py-2 text-right">{group.targetCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="portal-meetings" className="flex flex-col gap-3">
            <h2 id="portal-meetings" className="text-std-24B-150">
              {text('meetings')}
            </h2>
            <p>{text('meetingsLead')}</p>
            {data.meetings.length === 0 ? (
              <p>{text('noMeetings')}</p>
            ) : (
              <table className="w-full border-collapse text-std-16N-170">
                <caption className="sr-only">{text('meetings')}</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-420">
                    <th scope="col" className="py-2 text-left">
                      {text('column.meeting')}
                    </th>
                    <th scope="col" className="py-2 text-left">
                      {text('column.planned')}
                    </th>
                    <th scope="col" className="py-2 text-left">
                      {text('column.heldOn')}
                    </th>
                    <th scope="col" className="py-2 text-left">
                      {text('column.agenda')}
                    </th>
                    <th scope="col" className="py-2 text-left">
                      {text('column.video')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.meetings.map((meeting) => (
                    <tr key={meeting.id} className="border-b border-solid-gray-200">
                      <th scope="row" className="py-2 text-left font-normal" lang="ja">
                        <Link
                          to={paths.publicMeeting.path}
                          params={{ meetingId: meeting.id }}
                          className="link"
                        >
                          {meeting.title}
                        </Link>
                      </th>
                      <td className="py-2">{meeting.plannedLabel[language]}</td>
                      <td className="py-2">
                        {meeting.heldOn ? formatDate(meeting.heldOn, language) : text('notYetHeld')}
                      </td>
                      <td className="py-2" lang="ja">
                        {meeting.agenda.length ? (
                          <ul>
                            {meeting.agenda.map((title) => (
                              <li key={title}>{title}</li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="py-2">
                        {meeting.videoUrl ? (
                          <a
                            href={meeting.videoUrl}
                            className="link"
                            rel="noopener noreferrer"
                            target="_blank"
                          >
                            {text('video')}
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}
