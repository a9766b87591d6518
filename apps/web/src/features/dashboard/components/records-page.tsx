import { Link } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useDashboardRecords } from '../api/dashboard';
import { useDashboardText } from '../messages';
import type { DashboardMetric } from '../types';
import { recordHref } from '../utils/record-links';

/** The records behind one number of the dashboard, each linking to its own page. */
export function RecordsPage({
  fiscalYear,
  orgUnitId,
  metric,
  recordKey,
}: {
  fiscalYear?: number | undefined;
  orgUnitId?: string | undefined;
  metric: DashboardMetric;
  recordKey: string;
}) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const records = useDashboardRecords({ fiscalYear, orgUnitId, metric, key: recordKey });
  const title = records.data?.title[language];
  useDocumentTitle(title ?? text('recordsTitle'));
  return (
    <>
      <PageHeading>{title ?? text('recordsTitle')}</PageHeading>
      <p className="mb-6">
        <Link to={paths.progress.path} search={{ fy: fiscalYear, orgUnit: orgUnitId }} className="link">
          {text('recordsBack')}
        </Link>
      </p>
      {records.isPending ? <Loading /> : null}
      {records.isError ? <QueryError error={records.error} onRetry={() => void records.refetch()} /> : null}
      {records.data && !records.data.isAvailable ? (
        <Alert tone="info" title={text('notYet')}>
          {text('notYetLong')}
        </Alert>
      ) : null}
      {records.data?.isAvailable && records.data.items.length === 0 ? <p>{text('recordsEmpty')}</p> : null}
      {records.data && records.data.total > records.data.items.length ? (
        <Alert
          tone="info"
          title={text('recordsCut', { count: records.data.items.length, total: records.data.total })}
        />
      ) : null}
      {records.data && records.data.items.length > 0 ? (
        <table className="w-full border-collapse text-std-16N-170">
          <caption className="mb-2 text-left text-std-17B-170">
            {records.data.total > records.data.items.length
              ? text('recordsCaptionCut', {
                  title: records.data.title[language],
                  count: records.data.items.length,
                  total: records.data.total,
                })
              : text('recordsCaption', {
                  title: records.data.title[language],
                  count: records.data.items.length,
                })}
          </caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-420">
              <th scope="col" className="py-2 pr-4 text-left">
                {text('column.record')}
              </th>
              <th scope="col" className="py-2 text-left">
                {text('column.detail')}
              </th>
            </tr>
          </thead>
          <tbody>
            {records.data.items.map((item) => (
              <tr key={`${item.link.type}:${item.id}`} className="border-b border-solid-gray-200">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <Link
                    to={recordHref(item.link, records.data.items.length ? fiscalYear : undefined) as never}
                    className="link"
                    lang="ja"
                  >
                    {item.label}
                  </Link>
                </th>
                <td className="py-2" lang="ja">
                  {item.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
