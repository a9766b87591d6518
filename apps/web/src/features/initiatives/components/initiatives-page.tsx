import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { FiscalYearSelect, fiscalYearLabel } from '@/components/fiscal-year-select';
import { Badge } from '@/components/ui/badge';
import { buttonClassName } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useInitiativeCounts, useInitiatives } from '../api/initiatives';
import { useInitiativeText } from '../messages';
import { HEALTHS, type InitiativeFilter, SOURCE_KINDS, STATUSES } from '../types';
import {
  captionClass,
  cellClass,
  HealthBadge,
  headRowClass,
  rowClass,
  StatusBadge,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

const STATUS_LABELS = {
  not_started: ['未着手', 'Not started'],
  in_progress: ['取組中', 'In progress'],
  done: ['完了', 'Done'],
  stopped: ['中止', 'Stopped'],
} as const;
const HEALTH_LABELS = {
  on_track: ['順調', 'On track'],
  at_risk: ['要注意', 'At risk'],
  delayed: ['遅延', 'Delayed'],
} as const;
const SOURCE_LABELS = {
  bureau_policy: ['局区X方針', 'Bureau X policy'],
  voluntary_reform: ['自主的な改革', 'Voluntary reform'],
  analysis_direction: ['経営分析の改革の方向性', 'Analysis direction'],
  platinum_response: ['プラチナ市役所プロジェクトの対応方針', 'Platinum response'],
  meeting_instruction: ['X会議の指示事項', 'X-meeting instruction'],
} as const;

/** Labels of the filter values in the UI language (the server gives labels with each record). */
export function filterLabel(
  labels: Record<string, readonly [string, string]>,
  key: string,
  language: 'ja' | 'en',
): string {
  return labels[key]?.[language === 'ja' ? 0 : 1] ?? key;
}

/** 取組 of a year: counts for the dashboard, filters (including who owes a report), and the table. */
export function InitiativesPage({
  filter,
  onFilter,
}: {
  filter: InitiativeFilter;
  onFilter: (next: InitiativeFilter) => void;
}) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const id = useId();
  const fiscalYears = useFiscalYears();
  const year = filter.fy ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const list = useInitiatives({ ...filter, fy: year });
  const counts = useInitiativeCounts(year);
  useDocumentTitle(text('title'));
  const yearItem = fiscalYears.data?.items.find((item) => item.year === year);
  const yearLabel =
    year === undefined ? '' : fiscalYearLabel(yearItem ?? { year, label: '', isCurrent: false }, language);
  const set = (changes: Partial<InitiativeFilter>) => onFilter({ ...filter, ...changes });

  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      <div className="flex flex-wrap gap-4">
        <Link to="/initiatives/roadmap" search={{ fy: year }} className={buttonClassName('secondary', 'sm')}>
          {text('roadmap')}
        </Link>
        <Link to="/initiatives/new" className={buttonClassName('primary', 'sm')}>
          {text('newInitiative')}
        </Link>
      </div>
      {counts.data ? (
        <TableFrame>
          <table className={`${tableClass} max-w-4xl`}>
            <caption className={captionClass}>
              {text('countsCaption', {
                year: yearLabel,
                date: formatDate(counts.data.asOf, language, { weekday: false }),
              })}
            </caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className={thClass}>
                  {text('counts.total')}
                </th>
                {STATUSES.map((status) => (
                  <th key={status} scope="col" className={thClass}>
                    {filterLabel(STATUS_LABELS, status, language)}
                  </th>
                ))}
                {HEALTHS.map((health) => (
                  <th key={health} scope="col" className={thClass}>
                    {filterLabel(HEALTH_LABELS, health, language)}
                  </th>
                ))}
                <th scope="col" className={thClass}>
                  {text('counts.due')}
                </th>
                <th scope="col" className={thClass}>
                  {text('counts.overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className={rowClass}>
                <td className={`${cellClass} tabular-nums`}>{counts.data.total}</td>
                {STATUSES.map((status) => (
                  <td key={status} className={`${cellClass} tabular-nums`} data-count={`status-${status}`}>
                    {counts.data.byStatus[status]}
                  </td>
                ))}
                {HEALTHS.map((health) => (
                  <td key={health} className={`${cellClass} tabular-nums`}>
                    {counts.data.byHealth[health]}
                  </td>
                ))}
                <td className={`${cellClass} tabular-nums`}>{counts.data.updateDue}</td>
                <td className={`${cellClass} tabular-nums`} data-count="report-overdue">
                  {counts.data.reportOverdue}
                </td>
              </tr>
            </tbody>
          </table>
        </TableFrame>
      ) : null}
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
          onChange={(event) =>
            set({ status: (event.target.value || undefined) as InitiativeFilter['status'] })
          }
          options={[
            { value: '', label: text('filter.all') },
            ...STATUSES.map((value) => ({ value, label: filterLabel(STATUS_LABELS, value, language) })),
          ]}
        />
        <SelectField
          label={text('filter.health')}
          value={filter.health ?? ''}
          onChange={(event) =>
            set({ health: (event.target.value || undefined) as InitiativeFilter['health'] })
          }
          options={[
            { value: '', label: text('filter.all') },
            ...HEALTHS.map((value) => ({ value, label: filterLabel(HEALTH_LABELS, value, language) })),
          ]}
        />
        <SelectField
          label={text('filter.source')}
          value={filter.sourceKind ?? ''}
          onChange={(event) =>
            set({ sourceKind: (event.target.value || undefined) as InitiativeFilter['sourceKind'] })
          }
          options={[
            { value: '', label: text('filter.all') },
            ...SOURCE_KINDS.map((value) => ({ value, label: filterLabel(SOURCE_LABELS, value, language) })),
          ]}
        />
        <div className="flex flex-col gap-2">
          <CheckboxField
            id={`${id}-due`}
            label={text('filter.due')}
            checked={filter.updateDue ?? false}
            onChange={(event) => set({ updateDue: event.target.checked || undefined })}
          />
          <CheckboxField
            id={`${id}-overdue`}
            label={text('filter.overdue')}
            checked={filter.overdue ?? false}
            onChange={(event) => set({ overdue: event.target.checked || undefined })}
          />
          <CheckboxField
            id={`${id}-mine`}
            label={text('filter.mine')}
            checked={filter.mine ?? false}
            onChange={(event) => set({ mine: event.target.checked || undefined })}
          />
        </div>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.items.length === 0 ? <p>{text('empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <TableFrame>
          <table className={tableClass}>
            <caption className={captionClass}>
              {text('listCaption', { year: yearLabel, count: list.data.items.length })}
            </caption>
            <thead>
              <tr className={headRowClass}>
                <th scope="col" className={thClass}>
                  {text('column.title')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.source')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.owner')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.status')}
                </th>
                <th scope="col" className={thClass}>
                  {text('column.health')}
                </th>
                <th scope="col" className={`${thClass} whitespace-nowrap`}>
                  {text('column.lastUpdate')}
                </th>
                <th scope="col" className={`${thClass} whitespace-nowrap`}>
                  {text('column.due')}
                </th>
                <th scope="col" className={`${thClass} whitespace-nowrap`}>
                  {text('column.reportDue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    <Link to="/initiatives/$initiativeId" params={{ initiativeId: item.id }} className="link">
                      {item.title}
                    </Link>
                  </th>
                  <td className={cellClass}>
                    {item.sourceKindLabel[language]}
                    {item.sourceLabel ? (
                      <span className="block text-dns-14N-130 text-solid-gray-700" lang="ja">
                        {item.sourceLabel}
                      </span>
                    ) : null}
                  </td>
                  <td className={cellClass} lang="ja">
                    {item.ownerOrgUnit.name}
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <StatusBadge status={item.status} label={item.statusLabel} />
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <HealthBadge health={item.health} label={item.healthLabel} />
                  </td>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                    {item.lastUpdateOn
                      ? formatDate(item.lastUpdateOn, language, { weekday: false })
                      : text('noReport')}
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {item.isUpdateDue ? (
                      <Badge tone="target">{text('due')}</Badge>
                    ) : (
                      <Badge tone="neutral">{text('notDue')}</Badge>
                    )}
                  </td>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                    {item.reportDueOn
                      ? formatDate(item.reportDueOn, language, { weekday: false })
                      : text('noReportDue')}
                    {item.isReportOverdue ? (
                      <>
                        {' '}
                        <Badge tone="target">{text('overdue')}</Badge>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </div>
  );
}
