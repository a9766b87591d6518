import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FiscalYearSelect, fiscalYearLabel } from '@/components/fiscal-year-select';
import { buttonClassName } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePolicies } from '../api/bureau-policies';
import { usePolicyText } from '../messages';
import {
  captionClass,
  cellClass,
  headRowClass,
  rowClass,
  StatusBadge,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

/** 局区X方針 of a fiscal year, per bureau, with where each stands on the 決裁 route. */
export function PoliciesPage({
  fiscalYear,
  onYearChange,
}: {
  fiscalYear?: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const text = usePolicyText();
  const { language } = useLanguage();
  const fiscalYears = useFiscalYears();
  const year = fiscalYear ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const policies = usePolicies(year);
  const [unitCode, setUnitCode] = useState('');
  useDocumentTitle(text('title'));
  const yearItem = fiscalYears.data?.items.find((item) => item.year === year);
  const yearLabel =
    year === undefined ? '' : fiscalYearLabel(yearItem ?? { year, label: '', isCurrent: false }, language);
  const items = policies.data?.items ?? [];
  const shown = unitCode ? items.filter((item) => item.orgUnit.code === unitCode) : items;

  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      <div className="flex flex-wrap items-end gap-4">
        {fiscalYears.data && year !== undefined ? (
          <FiscalYearSelect fiscalYears={fiscalYears.data.items} value={year} onChange={onYearChange} />
        ) : null}
        {items.length > 0 ? (
          <SelectField
            label={text('filterUnit')}
            value={unitCode}
            onChange={(event) => setUnitCode(event.target.value)}
            options={[
              { value: '', label: text('allUnits') },
              ...items.map((item) => ({ value: item.orgUnit.code, label: item.orgUnit.name, lang: 'ja' })),
            ]}
          />
        ) : null}
        <Link to="/policies/inbox" className={buttonClassName('secondary', 'sm')}>
          {text('inbox')}
        </Link>
        <Link to="/policies/new" search={{ fy: year }} className={buttonClassName('primary', 'sm')}>
          {text('newPolicy')}
        </Link>
      </div>
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : null}
      {policies.isPending ? <Loading /> : null}
      {policies.data && shown.length === 0 ? <p>{text('empty')}</p> : null}
      {shown.length > 0 ? (
        <TableFrame>
          <table className={tableClass}>
            <caption className={captionClass}>{text('listCaption', { year: yearLabel })}</caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className={thClass}>
                  {text('column.unit')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.title')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.status')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.version')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.pending')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.updated')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.id} className={rowClass}>
                  <td className={cellClass} lang="ja">
                    {item.orgUnit.name}
                  </td>
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    <Link to="/policies/$policyId" params={{ policyId: item.id }} className="link">
                      {item.title}
                    </Link>
                  </th>
                  <td className={cellClass}>
                    <StatusBadge status={item.status} label={item.statusLabel} />
                  </td>
                  <td className={`${cellClass} tabular-nums`}>
                    {text('versionLabel', { number: item.latestVersionNumber })}
                    {item.publishedVersionNumber &&
                    item.publishedVersionNumber !== item.latestVersionNumber ? (
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {text('publishedVersion', { number: item.publishedVersionNumber })}
                      </span>
                    ) : null}
                  </td>
                  <td className={`${cellClass} tabular-nums`}>
                    {item.pendingConsultations > 0
                      ? text('pendingCount', { count: item.pendingConsultations })
                      : '—'}
                  </td>
                  <td className={cellClass}>{formatDate(item.updatedAt, language, { weekday: false })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </div>
  );
}
