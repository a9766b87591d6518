import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { apiUrl } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useOpenDataIndex } from '../api/public-portal';
import { type PortalTextKey, usePortalText } from '../messages';
import { PortalNav } from './portal-nav';

/** Open data: every published list with its CSV and JSON files and the machine-readable index. */
export function OpenDataPage({
  fiscalYear,
  onYearChange,
}: {
  fiscalYear?: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const text = usePortalText();
  const { language } = useLanguage();
  const years = useFiscalYears();
  const index = useOpenDataIndex(fiscalYear);
  useDocumentTitle(text('openData.title'));
  const data = index.data;
  const fileLabel = (format: string, encoding: string): PortalTextKey =>
    format === 'JSON' ? 'file.json' : encoding === 'Shift_JIS' ? 'file.csvSjis' : 'file.csvUtf8';
  return (
    <>
      <PageHeading lead={text('openData.lead')}>{text('openData.title')}</PageHeading>
      <PortalNav />
      {index.isPending ? <Loading /> : null}
      {index.isError ? <QueryError error={index.error} onRetry={() => void index.refetch()} /> : null}
      {data ? (
        <div className="flex flex-col gap-6">
          {years.data ? (
            <FiscalYearSelect
              fiscalYears={years.data.items}
              value={data.fiscalYear}
              onChange={onYearChange}
            />
          ) : null}
          <p>
            <a
              href={apiUrl('/public/open-data', { fy: data.fiscalYear })}
              className="link"
              type="application/json"
            >
              {text('openData.index')}
            </a>
            {' ・ '}
            {text('openData.license', { license: data.license.name })}
          </p>
          <table className="w-full border-collapse text-std-16N-170">
            <caption className="mb-2 text-left text-std-20B-150">
              {text('openData.caption', {
                year: language === 'ja' ? `${data.fiscalYear}年度` : `FY${data.fiscalYear}`,
              })}
            </caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-420">
                <th scope="col" className="py-2 pr-3 text-left">
                  {text('column.dataset')}
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  {text('column.rows')}
                </th>
                <th scope="col" className="px-2 py-2 text-left">
                  {text('column.files')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.datasets.map((dataset) => (
                <tr key={dataset.id} className="border-b border-solid-gray-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <span className="font-bold" lang="ja">
                      {dataset.title}
                    </span>
                    <br />
                    <span className="text-solid-gray-700" lang="ja">
                      {dataset.description}
                    </span>
                  </th>
                  <td className="px-2 py-2 text-right">{dataset.rowCount}</td>
                  <td className="px-2 py-2">
                    <ul className="flex flex-col gap-1">
                      {dataset.distributions.map((file) => (
                        <li key={file.url}>
                          <a href={file.url} className="link" download>
                            {text(fileLabel(file.format, file.encoding))}
                            <span className="sr-only">
                              {text('downloadNamed', { dataset: dataset.title })}
                            </span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
