import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { PortalNav } from '@/features/public-portal/components/portal-nav';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePublicResponses } from '../api/public-responses';
import { usePlatinumText } from '../messages';
import { DecisionBadge, ProgressBadge, ThemeBadge } from './badges';

/**
 * プラチナ市役所プロジェクト for the public: each issue the bureau heads answered, with the decision,
 * when it is put into practice and the response itself. Ideas and their authors are not shown.
 */
export function PublicResponsesPage({
  fiscalYear,
  onYearChange,
}: {
  fiscalYear?: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const years = useFiscalYears();
  const responses = usePublicResponses(fiscalYear);
  useDocumentTitle(text('publicTitle'));
  const data = responses.data;
  return (
    <>
      <PageHeading lead={text('publicLead')}>{text('publicTitle')}</PageHeading>
      <PortalNav />
      {responses.isPending ? <Loading /> : null}
      {responses.isError ? (
        <QueryError error={responses.error} onRetry={() => void responses.refetch()} />
      ) : null}
      {data ? (
        <div className="flex flex-col gap-6">
          {years.data ? (
            <FiscalYearSelect
              fiscalYears={years.data.items}
              value={data.fiscalYear}
              onChange={onYearChange}
            />
          ) : null}
          <p role="status">
            {text('publicCount', {
              year: language === 'ja' ? data.fiscalYearLabel : `FY${data.fiscalYear}`,
              count: data.items.length,
            })}
          </p>
          <ul className="flex flex-col gap-4">
            {data.items.map((item) => (
              <li key={item.issueId}>
                <article
                  aria-labelledby={`public-response-${item.issueId}`}
                  className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <ThemeBadge theme={item.theme} />
                    <ProgressBadge progress={item.status} />
                    {item.decision ? <DecisionBadge decision={item.decision} /> : null}
                  </div>
                  <h2 id={`public-response-${item.issueId}`} className="text-std-20B-150">
                    {item.title}
                  </h2>
                  <dl className="grid gap-x-6 gap-y-1 text-std-16N-170 md:grid-cols-[10rem_1fr]">
                    {item.announcingBureaus.length > 1 ? (
                      <>
                        <dt className="font-bold">{text('publicBureaus')}</dt>
                        <dd>{item.announcingBureaus.map((bureau) => bureau.name).join('・')}</dd>
                      </>
                    ) : item.orgUnitName ? (
                      <>
                        <dt className="font-bold">{text('publicBureau')}</dt>
                        <dd>{item.orgUnitName}</dd>
                      </>
                    ) : null}
                    {item.implementationDateLabel ? (
                      <>
                        <dt className="font-bold">{text('implementationDate')}</dt>
                        <dd>{item.implementationDateLabel[language]}</dd>
                      </>
                    ) : null}
                    {item.publishedOn ? (
                      <>
                        <dt className="font-bold">{text('publicPublishedOn')}</dt>
                        <dd>{formatDate(item.publishedOn, language, { weekday: false })}</dd>
                      </>
                    ) : null}
                  </dl>
                  <section
                    aria-label={text('responseTitle')}
                    className="rounded-6 border-l-4 border-blue-900 bg-blue-50 p-3"
                  >
                    <h3 className="text-std-16B-170">{text('responseTitle')}</h3>
                    <p className="whitespace-pre-wrap text-std-16N-170">{item.body}</p>
                  </section>
                </article>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
