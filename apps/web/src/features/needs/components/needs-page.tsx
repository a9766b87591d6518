import { Link } from '@tanstack/react-router';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClassName } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useNeeds } from '../api/needs';
import { needLabel, useNeedText } from '../messages';
import { CHANNELS, NEED_STATUSES, type NeedFilter, SIDES } from '../types';

const thClass = 'px-3 py-2 text-std-16B-170';
const cellClass = 'px-3 py-3 align-top';

/** The needs inbox: filters by status, side and channel; each need with its links and whether it is public. */
export function NeedsPage({
  filter,
  onFilter,
}: {
  filter: NeedFilter;
  onFilter: (next: NeedFilter) => void;
}) {
  const text = useNeedText();
  const { language } = useLanguage();
  const fiscalYears = useFiscalYears();
  const year = filter.fy ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const needs = useNeeds({ ...filter, fy: year });
  useDocumentTitle(text('title'));
  const set = (changes: Partial<NeedFilter>) => onFilter({ ...filter, page: undefined, ...changes });
  const page = filter.page ?? 1;
  const pages = needs.data ? Math.max(1, Math.ceil(needs.data.total / needs.data.pageSize)) : 1;
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      <div className="flex flex-wrap gap-4">
        <Link to="/needs/new" className={buttonClassName('primary', 'sm')}>
          {text('newNeed')}
        </Link>
        <Link to="/needs/import" className={buttonClassName('secondary', 'sm')}>
          {text('import')}
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        {fiscalYears.data && year !== undefined ? (
          <FiscalYearSelect
            fiscalYears={fiscalYears.data.items}
            value={year}
            onChange={(fy) => set({ fy })}
          />
        ) : null}
        <SelectField
          label={text('filter.status')}
          value={filter.status ?? ''}
          onChange={(event) => set({ status: (event.target.value || undefined) as NeedFilter['status'] })}
          options={[
            { value: '', label: text('filter.all') },
            ...NEED_STATUSES.map((value) => ({ value, label: needLabel('status', value, language) })),
          ]}
        />
        <SelectField
          label={text('filter.side')}
          value={filter.side ?? ''}
          onChange={(event) => set({ side: (event.target.value || undefined) as NeedFilter['side'] })}
          options={[
            { value: '', label: text('filter.all') },
            ...SIDES.map((value) => ({ value, label: needLabel('side', value, language) })),
          ]}
        />
        <SelectField
          label={text('filter.channel')}
          value={filter.channel ?? ''}
          onChange={(event) => set({ channel: (event.target.value || undefined) as NeedFilter['channel'] })}
          options={[
            { value: '', label: text('filter.all') },
            ...CHANNELS.map((value) => ({ value, label: needLabel('channel', value, language) })),
          ]}
        />
      </div>
      {needs.isPending ? <Loading /> : null}
      {needs.isError ? <QueryError error={needs.error} onRetry={() => void needs.refetch()} /> : null}
      {needs.data?.items.length === 0 ? <p>{text('empty')}</p> : null}
      {needs.data && needs.data.items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-std-16N-170">
            <caption className="mb-2 text-left text-std-17B-170">
              {text('listCaption', { total: needs.data.total })}
            </caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className={thClass}>
                  {text('column.receivedOn')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.body')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.side')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.channel')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.unit')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.links')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {needs.data.items.map((need) => (
                <tr key={need.id} className="border-b border-solid-gray-200">
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                    {formatDate(need.receivedOn, language, { weekday: false })}
                  </td>
                  <th scope="row" className={`${cellClass} max-w-xl font-normal`} lang="ja">
                    <Link to="/needs/$needId" params={{ needId: need.id }} className="link">
                      {need.body.length > 80 ? `${need.body.slice(0, 80)}…` : need.body}
                    </Link>
                  </th>
                  <td className={cellClass}>{need.sideLabel[language]}</td>
                  <td className={cellClass}>{need.channelLabel[language]}</td>
                  <td className={cellClass} lang="ja">
                    {need.orgUnit.name}
                  </td>
                  <td className={cellClass} lang="ja">
                    {need.links
                      .filter((link) => link.kind === 'cluster')
                      .map((link) => link.label)
                      .join('、') || '—'}
                  </td>
                  <td className={cellClass}>
                    <span className="flex flex-wrap gap-2">
                      <Badge tone={need.status === 'new' ? 'target' : 'neutral'}>
                        {need.statusLabel[language]}
                      </Badge>
                      {need.isPublic ? <Badge tone="info">{text('public')}</Badge> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={text('pageOf', { page, pages })} className="flex items-center gap-4">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => set({ page: page - 1 })}>
            {text('previous')}
          </Button>
          <span>{text('pageOf', { page, pages })}</span>
          <Button
            variant="secondary"
            size="sm"
            disabled={page >= pages}
            onClick={() => set({ page: page + 1 })}
          >
            {text('next')}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
