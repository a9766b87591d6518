import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { PortalNav } from '@/features/public-portal/components/portal-nav';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePublicNeeds } from '../api/needs';
import { needLabel, useNeedText } from '../messages';
import { type PublicNeedFilter, SIDES } from '../types';

/**
 * 受け手・担い手のニーズ・課題 for the public: only what the reform office published, in its public
 * wording, with phone numbers and e-mail addresses masked by the server; no names, no contacts.
 */
export function PublicNeedsPage({
  filter,
  onFilter,
}: {
  filter: PublicNeedFilter;
  onFilter: (next: PublicNeedFilter) => void;
}) {
  const text = useNeedText();
  const { language } = useLanguage();
  const years = useFiscalYears();
  const needs = usePublicNeeds(filter.fy);
  useDocumentTitle(text('publicTitle'));
  const data = needs.data;
  const items = data?.items.filter((item) => filter.side === undefined || item.side === filter.side) ?? [];
  const yearItem = years.data?.items.find((item) => item.year === data?.fiscalYear);
  const yearLabel = data ? (language === 'ja' && yearItem ? yearItem.label : `FY${data.fiscalYear}`) : '';
  return (
    <>
      <PageHeading lead={text('publicLead')}>{text('publicTitle')}</PageHeading>
      <PortalNav />
      {needs.isPending ? <Loading /> : null}
      {needs.isError ? <QueryError error={needs.error} onRetry={() => void needs.refetch()} /> : null}
      {data ? (
        <div className="flex flex-col gap-6">
          <div className="flex flex-wrap items-end gap-4 print:hidden">
            {years.data ? (
              <FiscalYearSelect
                fiscalYears={years.data.items}
                value={data.fiscalYear}
                onChange={(fy) => onFilter({ ...filter, fy })}
              />
            ) : null}
            <SelectField
              label={text('publicSide')}
              value={filter.side ?? ''}
              onChange={(event) =>
                onFilter({ ...filter, side: (event.target.value || undefined) as PublicNeedFilter['side'] })
              }
              options={[
                { value: '', label: text('publicAll') },
                ...SIDES.map((side) => ({ value: side, label: needLabel('side', side, language) })),
              ]}
            />
          </div>
          <p role="status">{text('publicCount', { year: yearLabel, count: items.length })}</p>
          {items.length === 0 ? <p>{text('publicEmpty')}</p> : null}
          <ul className="flex flex-col gap-4">
            {items.map((item) => (
              <li key={item.id}>
                <article
                  aria-labelledby={`public-need-${item.id}`}
                  className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={item.side === 'recipient' ? 'info' : 'neutral'}>
                      {item.sideLabel[language]}
                    </Badge>
                    <span className="text-dns-14N-130 text-solid-gray-700">
                      {item.channelLabel[language]}・
                      {text('publicReceived', {
                        date: formatDate(item.receivedOn, language, { weekday: false }),
                      })}
                    </span>
                  </div>
                  <h2 id={`public-need-${item.id}`} className="sr-only">
                    {item.sideLabel[language]}・{item.channelLabel[language]}・
                    {formatDate(item.receivedOn, language, { weekday: false })}
                  </h2>
                  <blockquote
                    className="whitespace-pre-wrap border-l-4 border-solid-gray-420 pl-4 text-std-16N-170"
                    lang="ja"
                  >
                    {item.text}
                  </blockquote>
                  <p className="text-dns-14N-130 text-solid-gray-700" lang="ja">
                    {text('publicUnit', { name: item.orgUnit.name })}
                  </p>
                  {item.clusters.length > 0 ? (
                    <div className="flex flex-col gap-1">
                      <p className="text-dns-14B-130">{text('publicClusters')}</p>
                      <ul className="flex flex-wrap gap-2" lang="ja">
                        {item.clusters.map((cluster) => (
                          <li
                            key={cluster.number}
                            className="rounded-4 border border-solid-gray-420 px-2 py-0.5 text-dns-14N-130"
                          >
                            {cluster.number} {cluster.name}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
