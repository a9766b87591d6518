import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasAnyRole } from '@/lib/authorization';
import { useAnalyses, useOrgUnits, useYearMeetings } from '../api/analyses';
import { useAnalysisText } from '../messages';
import { type AnalysisSummary, STAGES, type Stage } from '../types';
import { AddAnalysisDialog } from './add-analysis-dialog';
import { FiscalYearOpening } from './fiscal-year-opening';
import { meetingLabel, Part, ReviewBadge } from './parts';

export type AnalysisPlanSearch = {
  fy?: number | undefined;
  stage?: Stage | undefined;
  orgUnit?: string | undefined;
};

/** The report an analysis owes next and where it is due, if the plan says. */
function nextDue(item: AnalysisSummary) {
  const order = STAGES.indexOf(item.stage);
  return item.dueMeetings.find((due) => STAGES.indexOf(due.stage) > order) ?? null;
}

function AnalysisCard({ item }: { item: AnalysisSummary }) {
  const text = useAnalysisText();
  const due = nextDue(item);
  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4">
      <Link to="/analyses/$analysisId" params={{ analysisId: item.id }} className="link text-std-17B-170">
        {item.cluster.number}. {item.cluster.name}
      </Link>
      <p className="text-std-16N-170 text-solid-gray-700">{item.leadOrgUnit?.name ?? text('none')}</p>
      <div className="flex flex-wrap gap-2">
        {item.reviewStatus ? <ReviewBadge status={item.reviewStatus} /> : null}
        {item.isClosed ? <Badge tone="inactive">{text('closed')}</Badge> : null}
      </div>
      {item.lastReport?.meeting ? (
        <p className="text-dns-14N-130 text-solid-gray-700">
          {text('lastReported', {
            meeting: item.lastReport.meeting.title,
            stage: text(`stage.${item.lastReport.stage}`),
          })}
        </p>
      ) : null}
      {due ? (
        <p className="text-dns-14N-130 text-solid-gray-700">
          {text('nextDue', { stage: text(`stage.${due.stage}`), meeting: meetingLabel(due.meeting) })}
        </p>
      ) : null}
    </li>
  );
}

function StageBoard({ items }: { items: AnalysisSummary[] }) {
  const text = useAnalysisText();
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {STAGES.map((stage) => {
        const inStage = items.filter((item) => item.stage === stage);
        const headingId = `board-${stage}`;
        return (
          <section
            key={stage}
            aria-labelledby={headingId}
            className="flex flex-col gap-3 rounded-12 bg-solid-gray-50 p-4"
          >
            <h3
              id={headingId}
              className="flex items-center justify-between text-std-17B-170 text-solid-gray-900"
            >
              <span>{text(`stage.${stage}`)}</span>
              <span className="text-std-16N-170 text-solid-gray-700">
                {text('count', { count: inStage.length })}
              </span>
            </h3>
            {inStage.length > 0 ? (
              <ul className="flex flex-col gap-3">
                {inStage.map((item) => (
                  <AnalysisCard key={item.id} item={item} />
                ))}
              </ul>
            ) : (
              <p className="text-std-16N-170 text-solid-gray-600">—</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function DueByMeeting({ items, fiscalYear }: { items: AnalysisSummary[]; fiscalYear: number }) {
  const text = useAnalysisText();
  const meetings = useYearMeetings(fiscalYear);
  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />;
  const rows = [...meetings.data.items].sort((a, b) => a.sequence - b.sequence);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="sr-only">{text('byMeetingHeading')}</caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2">
              {text('meetingColumn')}
            </th>
            <th scope="col" className="px-3 py-2">
              {text('analysisColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((meeting) => {
            const due = items.flatMap((item) =>
              item.dueMeetings
                .filter((entry) => entry.meeting.id === meeting.id)
                .map((entry) => ({ item, stage: entry.stage })),
            );
            return (
              <tr key={meeting.id} className="border-b border-solid-gray-300 align-top">
                <th scope="row" className="px-3 py-3 font-bold">
                  {meetingLabel({ ...meeting })}
                </th>
                <td className="px-3 py-3">
                  {due.length === 0 ? (
                    <span className="text-solid-gray-600">{text('noDue')}</span>
                  ) : (
                    <ul className="flex flex-col gap-1">
                      {due.map(({ item, stage }) => {
                        const isDone = item.lastReport?.meeting?.id === meeting.id;
                        return (
                          <li key={`${item.id}-${stage}`} className="flex flex-wrap items-center gap-2">
                            <Link
                              to="/analyses/$analysisId"
                              params={{ analysisId: item.id }}
                              className="link"
                            >
                              {item.cluster.number}. {item.cluster.name}
                            </Link>
                            <span>（{text(`stage.${stage}`)}）</span>
                            {isDone ? <Badge tone="info">{text('reportedDone')}</Badge> : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 経営分析の計画: the year's analyses on a board by stage and in a table by the X meeting each report is due at. */
export function AnalysisPlanPage({
  search,
  onSearch,
}: {
  search: AnalysisPlanSearch;
  onSearch: (next: AnalysisPlanSearch) => void;
}) {
  const text = useAnalysisText();
  useDocumentTitle(text('planTitle'));
  const me = useMe();
  const fiscalYears = useFiscalYears();
  const orgUnits = useOrgUnits();
  const analyses = useAnalyses({ fiscalYear: search.fy, stage: search.stage, orgUnit: search.orgUnit });
  const [isAdding, setIsAdding] = useState(false);
  const [draft, setDraft] = useState<AnalysisPlanSearch>(search);
  const canPlan = hasAnyRole(me.data, ['reform_office']);
  const year = analyses.data?.fiscalYear ?? search.fy;
  const latestYear = Math.max(0, ...(fiscalYears.data?.items ?? []).map((item) => item.year));

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ ...draft, fy: draft.fy ?? year });
  };

  return (
    <div className="flex flex-col gap-8">
      <PageHeading lead={text('planLead')}>{text('planTitle')}</PageHeading>
      <p>
        <Link to={paths.clusters.path} search={{ fy: year }} className="link">
          {text('registerLink')}
        </Link>
      </p>
      <form onSubmit={onFilter} className="flex flex-wrap items-end gap-4" aria-label={text('apply')}>
        {year !== undefined ? (
          <FiscalYearSelect
            fiscalYears={fiscalYears.data?.items ?? []}
            value={draft.fy ?? year}
            onChange={(fy) => setDraft({ ...draft, fy })}
          />
        ) : null}
        <SelectField
          label={text('filterStage')}
          value={draft.stage ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, stage: (event.target.value || undefined) as Stage | undefined })
          }
          options={[
            { value: '', label: text('all') },
            ...STAGES.map((stage) => ({ value: stage, label: text(`stage.${stage}`) })),
          ]}
        />
        <SelectField
          label={text('filterOrgUnit')}
          value={draft.orgUnit ?? ''}
          onChange={(event) => setDraft({ ...draft, orgUnit: event.target.value || undefined })}
          options={[
            { value: '', label: text('all') },
            ...(orgUnits.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
        <Button type="submit" variant="secondary">
          {text('apply')}
        </Button>
        {canPlan && year !== undefined ? (
          <Button onClick={() => setIsAdding(true)}>{text('addToPlan')}</Button>
        ) : null}
      </form>
      {analyses.isPending ? <Loading /> : null}
      {analyses.isError ? (
        <QueryError error={analyses.error} onRetry={() => void analyses.refetch()} />
      ) : null}
      {analyses.data ? (
        <>
          <Part id="plan-board" title={text('boardHeading')}>
            {analyses.data.items.length === 0 ? (
              <p>{text('noAnalyses')}</p>
            ) : (
              <StageBoard items={analyses.data.items} />
            )}
          </Part>
          <Part id="plan-by-meeting" title={text('byMeetingHeading')}>
            <DueByMeeting items={analyses.data.items} fiscalYear={analyses.data.fiscalYear} />
          </Part>
        </>
      ) : null}
      {canPlan && year !== undefined && year === latestYear ? (
        <FiscalYearOpening nextYear={latestYear + 1} />
      ) : null}
      {canPlan && year !== undefined ? (
        <AddAnalysisDialog
          open={isAdding}
          onClose={() => setIsAdding(false)}
          fiscalYear={year}
          contactUserId={me.data?.id ?? null}
        />
      ) : null}
    </div>
  );
}
