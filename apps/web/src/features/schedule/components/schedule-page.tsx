import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useMe } from '@/features/auth/api/get-me';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasAnyRole } from '@/lib/authorization';
import { useErrorText } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useSaveScheduleEntry, useSchedule } from '../api/schedule';
import { type ScheduleTextKey, useScheduleText } from '../messages';
import type { Schedule, ScheduleEntry } from '../types';
import { firstMonthWithEntries, monthColumns, spanFractions } from '../utils/chart-layout';
import { useLandscapePrint } from '../utils/landscape-print';
import { EntryDialog } from './entry-dialog';
import { ScheduleChart } from './schedule-chart';
import { entryHref } from './schedule-links';

function ScheduleTable({
  schedule,
  canEdit,
  onEdit,
  onRemove,
}: {
  schedule: Schedule;
  canEdit: boolean;
  onEdit: (entry: ScheduleEntry) => void;
  onRemove: (entry: ScheduleEntry) => void;
}) {
  const text = useScheduleText();
  const { language } = useLanguage();
  const year = language === 'ja' ? `${schedule.fiscalYear}年度` : `FY${schedule.fiscalYear}`;
  return (
    <table className="w-full border-collapse text-std-16N-170">
      <caption className="mb-2 text-left text-std-20B-150">{text('tableCaption', { year })}</caption>
      <thead>
        <tr className="border-b-2 border-solid-gray-420">
          <th scope="col" className="py-2 pr-3 text-left">
            {text('column.label')}
          </th>
          <th scope="col" className="px-2 py-2 text-left">
            {text('column.when')}
          </th>
          <th scope="col" className="px-2 py-2 text-left">
            {text('column.source')}
          </th>
          {canEdit ? (
            <th scope="col" className="px-2 py-2 text-left print:hidden">
              {text('column.actions')}
            </th>
          ) : null}
        </tr>
      </thead>
      {schedule.lanes.map((lane) => {
        const entries = schedule.entries.filter((entry) => entry.lane === lane.code);
        return (
          <tbody key={lane.code}>
            <tr className="bg-blue-50">
              <th scope="colgroup" colSpan={canEdit ? 4 : 3} className="px-2 py-2 text-left text-std-17B-170">
                {lane.label[language]}
              </th>
            </tr>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={canEdit ? 4 : 3} className="px-2 py-2 text-solid-gray-700">
                  {text('empty')}
                </td>
              </tr>
            ) : null}
            {entries.map((entry) => {
              const href = entryHref(entry, schedule.fiscalYear);
              return (
                <tr key={entry.id} className="border-b border-solid-gray-200">
                  <th scope="row" className="py-2 pr-3 text-left font-normal" lang="ja">
                    {href ? (
                      <Link to={href as never} className="link">
                        {entry.label}
                      </Link>
                    ) : (
                      entry.label
                    )}
                    {entry.isMilestone ? (
                      <span className="ml-2 text-solid-gray-700">
                        （{entry.isDone ? text('held') : text('planned')}）
                      </span>
                    ) : null}
                  </th>
                  <td className="px-2 py-2">{entry.spanLabel[language]}</td>
                  <td className="px-2 py-2">{text(`source.${entry.source}` as ScheduleTextKey)}</td>
                  {canEdit ? (
                    <td className="px-2 py-2 print:hidden">
                      {entry.source === 'office' && entry.version !== null ? (
                        <span className="flex gap-2">
                          <Button variant="tertiary" size="xs" onClick={() => onEdit(entry)}>
                            {text('edit')}
                            <span className="sr-only">{text('editNamed', { label: entry.label })}</span>
                          </Button>
                          <Button variant="tertiary" size="xs" onClick={() => onRemove(entry)}>
                            {text('remove')}
                            <span className="sr-only">{text('removeNamed', { label: entry.label })}</span>
                          </Button>
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}

/** 年間日程: the year's schedule in lanes, drawn at each entry's real precision, printable on A4 landscape. */
export function SchedulePage({
  fiscalYear,
  firstMonth,
  onChange,
  subnav,
}: {
  fiscalYear?: number | undefined;
  firstMonth?: number | undefined;
  onChange: (next: { fy?: number | undefined; from?: number | undefined }) => void;
  subnav?: React.ReactNode;
}) {
  const text = useScheduleText();
  const { language } = useLanguage();
  const me = useMe();
  const years = useFiscalYears();
  const schedule = useSchedule(fiscalYear);
  const remove = useSaveScheduleEntry();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<ScheduleEntry | 'new' | null>(null);
  const [message, setMessage] = useState('');
  const fromId = useId();
  useDocumentTitle(text('title'));
  useLandscapePrint();
  const canEdit = hasAnyRole(me.data, ['reform_office']);

  const body = () => {
    if (schedule.isPending) return <Loading />;
    if (schedule.isError)
      return <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />;
    const data = schedule.data;
    const first = firstMonthWithEntries(data.entries, data.fiscalYear);
    const from = firstMonth ?? first;
    const months = monthColumns(data.fiscalYear, from);
    const isTodayShown = spanFractions({ start: data.today, end: data.today }, months) !== null;
    return (
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end gap-4 print:hidden">
          {years.data ? (
            <FiscalYearSelect
              fiscalYears={years.data.items}
              value={data.fiscalYear}
              onChange={(fy) => onChange({ fy, from: firstMonth })}
            />
          ) : null}
          <SelectField
            id={fromId}
            label={text('from')}
            value={String(from)}
            onChange={(event) => onChange({ fy: data.fiscalYear, from: Number(event.target.value) })}
            options={[
              { value: '4', label: text('fromApril') },
              ...(first !== 4 ? [{ value: String(first), label: text('fromFirst', { month: first }) }] : []),
            ]}
          />
          <Button variant="secondary" onClick={() => window.print()}>
            {text('print')}
          </Button>
          {canEdit ? (
            <Button
              variant="secondary"
              onClick={() => {
                setMessage('');
                setEditing('new');
              }}
            >
              {text('add')}
            </Button>
          ) : null}
        </div>
        {message ? (
          <Alert tone="success" announce="polite">
            {message}
          </Alert>
        ) : null}
        {remove.isError ? (
          <Alert tone="error" announce="assertive">
            {errorText(remove.error)}
          </Alert>
        ) : null}
        <div className="flex break-inside-avoid flex-col gap-3 print:w-[265mm]">
          <ScheduleChart schedule={data} months={months} />
          <p className="text-std-16N-170 text-solid-gray-700">
            {text('legend')}
            {isTodayShown
              ? ` ${text('todayNote', { date: formatDate(data.today, language, { weekday: false }) })}`
              : ''}
          </p>
        </div>
        <ScheduleTable
          schedule={data}
          canEdit={canEdit}
          onEdit={(entry) => {
            setMessage('');
            setEditing(entry);
          }}
          onRemove={(entry) => {
            if (!window.confirm(text('removeConfirm', { label: entry.label }))) return;
            remove.mutate({ action: 'delete', entry }, { onSuccess: () => setMessage(text('removed')) });
          }}
        />
        {editing ? (
          <EntryDialog
            key={editing === 'new' ? 'new' : editing.id}
            schedule={data}
            entry={editing === 'new' ? null : editing}
            open
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setMessage(text('saved'));
            }}
          />
        ) : null}
      </div>
    );
  };

  return (
    <>
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {subnav}
      {body()}
    </>
  );
}
