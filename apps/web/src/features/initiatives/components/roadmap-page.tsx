import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { FiscalYearSelect, fiscalYearLabel } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useRoadmap } from '../api/initiatives';
import { useInitiativeText } from '../messages';
import type { InitiativeFilter, Roadmap } from '../types';
import { ganttPlacement } from '../utils/gantt';
import {
  captionClass,
  cellClass,
  HealthBadge,
  headRowClass,
  rowClass,
  Section,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

/** 工程表: a Gantt chart by fiscal quarter built as a table, and the same milestones as a plain table. */
export function RoadmapPage({
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
  const roadmap = useRoadmap({ ...filter, fy: year });
  useDocumentTitle(text('roadmap'));
  const yearItem = fiscalYears.data?.items.find((item) => item.year === year);
  const yearLabel =
    year === undefined ? '' : fiscalYearLabel(yearItem ?? { year, label: '', isCurrent: false }, language);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('roadmapLead')}>{text('roadmap')}</PageHeading>
      <div className="flex flex-wrap items-end gap-4">
        {fiscalYears.data && year !== undefined ? (
          <FiscalYearSelect
            fiscalYears={fiscalYears.data.items}
            value={year}
            onChange={(fy) => onFilter({ ...filter, fy })}
          />
        ) : null}
        <Link to="/initiatives" search={{ fy: year }} className="link">
          {text('backToList')}
        </Link>
      </div>
      {roadmap.isPending ? <Loading /> : null}
      {roadmap.isError ? <QueryError error={roadmap.error} onRetry={() => void roadmap.refetch()} /> : null}
      {roadmap.data ? (
        <>
          <Section title={text('gantt')} id={`${id}-gantt`}>
            <Gantt roadmap={roadmap.data} caption={text('ganttCaption', { year: yearLabel })} />
          </Section>
          <Section title={text('milestoneTable')} id={`${id}-table`}>
            <MilestoneTable
              roadmap={roadmap.data}
              caption={text('milestoneTableCaption', { year: yearLabel })}
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}

function quarterHeading(quarter: { fiscalYear: number; quarter: number }, language: 'ja' | 'en'): string {
  return language === 'ja'
    ? `${quarter.fiscalYear}年度 Q${quarter.quarter}`
    : `FY${quarter.fiscalYear} Q${quarter.quarter}`;
}

/** One row per milestone, grouped under its initiative; each bar spans the quarters it covers and names itself. */
function Gantt({ roadmap, caption }: { roadmap: Roadmap; caption: string }) {
  const text = useInitiativeText();
  const { language } = useLanguage();
  const columns = roadmap.quarters;
  const rows = roadmap.items.filter((item) => item.milestones.length > 0);
  return (
    <TableFrame>
      <table className="w-full min-w-[56rem] border-collapse text-left text-std-16N-170">
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={`${thClass} w-72`}>
              {text('ganttInitiative')}
            </th>
            {columns.map((quarter) => (
              <th
                key={`${quarter.fiscalYear}-${quarter.quarter}`}
                scope="col"
                className={`${thClass} border-l border-solid-gray-200 text-center text-dns-14B-130`}
              >
                {quarterHeading(quarter, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((item) =>
            item.milestones.map((milestone, index) => {
              const place = ganttPlacement(milestone, columns);
              const before = place ? place.start : columns.length;
              const after = place ? columns.length - place.start - place.span : 0;
              return (
                <tr
                  key={milestone.id}
                  className={
                    index === item.milestones.length - 1 ? 'border-b-2 border-solid-gray-420' : rowClass
                  }
                >
                  {index === 0 ? (
                    <th
                      scope="rowgroup"
                      rowSpan={item.milestones.length}
                      className={`${cellClass} font-normal`}
                      lang="ja"
                    >
                      <Link
                        to="/initiatives/$initiativeId"
                        params={{ initiativeId: item.id }}
                        className="link"
                      >
                        {item.title}
                      </Link>
                      <span className="mt-1 flex flex-wrap items-center gap-2 text-dns-14N-130 text-solid-gray-700">
                        {item.ownerOrgUnit.name}
                        <HealthBadge health={item.health} label={item.healthLabel} />
                      </span>
                    </th>
                  ) : null}
                  {Array.from({ length: before }, (_, at) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: empty quarter cells have no identity
                    <td key={`b${at}`} className="border-l border-solid-gray-200" />
                  ))}
                  {place ? (
                    <td colSpan={place.span} className="border-l border-solid-gray-200 px-1 py-2">
                      <span
                        className={`block rounded-4 border-2 px-2 py-1 text-dns-14N-130 ${
                          milestone.isDone
                            ? 'border-blue-900 bg-blue-900 text-white'
                            : 'border-blue-900 bg-blue-50 text-blue-1000'
                        }`}
                        lang="ja"
                      >
                        {milestone.isDone ? <span aria-hidden="true">✓ </span> : null}
                        {milestone.title}
                        <span className="sr-only">
                          （{milestone.label}・
                          {milestone.isDone ? text('milestone.doneMark') : text('milestone.openMark')}）
                        </span>
                      </span>
                    </td>
                  ) : null}
                  {Array.from({ length: after }, (_, at) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: empty quarter cells have no identity
                    <td key={`a${at}`} className="border-l border-solid-gray-200" />
                  ))}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** The same milestones as a plain table: initiative, milestone, when, done. */
function MilestoneTable({ roadmap, caption }: { roadmap: Roadmap; caption: string }) {
  const text = useInitiativeText();
  return (
    <TableFrame>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className={thClass}>
              {text('ganttInitiative')}
            </th>
            <th scope="col" className={thClass}>
              {text('milestone.title')}
            </th>
            <th scope="col" className={thClass}>
              {text('milestone.when')}
            </th>
            <th scope="col" className={thClass}>
              {text('milestone.done')}
            </th>
          </tr>
        </thead>
        <tbody>
          {roadmap.items.flatMap((item) =>
            item.milestones.map((milestone) => (
              <tr key={milestone.id} className={rowClass}>
                <td className={cellClass} lang="ja">
                  {item.title}
                </td>
                <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                  {milestone.title}
                </th>
                <td className={cellClass}>{milestone.label}</td>
                <td className={cellClass}>
                  {milestone.isDone ? text('milestone.doneMark') : text('milestone.openMark')}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableFrame>
  );
}
