import { Link } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useAnalysis } from '../api/analyses';
import { useAnalysisText } from '../messages';
import { type AnalysisDetail, STAGES } from '../types';
import { ANALYSIS_TABS, type AnalysisPageSearch, type AnalysisTab, AnalysisTabs } from './analysis-tabs';
import { BenchmarksPanel } from './benchmarks-panel';
import { CommentsPanel } from './comments-panel';
import { EffectsPanel } from './effects-panel';
import { FilesPanel } from './files-panel';
import { HistoryPanel } from './history-panel';
import { meetingLabel, ReviewBadge } from './parts';
import { ReportEditor } from './report-editor';
import { ReviewPanel } from './review-panel';
import { StageMovePanel } from './stage-move-panel';
import { VersionsPanel } from './versions-panel';

/** The six stages as an ordered list; the current one is marked in words and by aria-current. */
function StageStepper({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const current = STAGES.indexOf(analysis.stage);
  return (
    <nav aria-label={text('stagesLabel')}>
      <ol className="flex flex-wrap gap-2">
        {STAGES.map((stage, index) => {
          const isCurrent = index === current;
          const isDone = index < current;
          return (
            <li
              key={stage}
              aria-current={isCurrent ? 'step' : undefined}
              className={`flex items-center gap-2 rounded-8 border px-3 py-2 text-std-16N-170 ${
                isCurrent
                  ? 'border-2 border-blue-900 bg-blue-50 font-bold text-blue-1000'
                  : isDone
                    ? 'border-solid-gray-420 bg-white text-solid-gray-800'
                    : 'border-dashed border-solid-gray-420 bg-white text-solid-gray-600'
              }`}
            >
              <span aria-hidden="true">{isDone ? '✓' : isCurrent ? '●' : '○'}</span>
              <span>{text(`stage.${stage}`)}</span>
              {isCurrent ? <span className="sr-only">（{text('currentStage')}）</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Facts({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  return (
    <dl className="grid gap-x-8 gap-y-2 text-std-16N-170 md:grid-cols-[max-content_1fr]">
      <dt className="font-bold">{text('leadOrgUnit')}</dt>
      <dd>{analysis.leadOrgUnit?.name ?? text('none')}</dd>
      <dt className="font-bold">{text('owningUnits')}</dt>
      <dd>{analysis.cluster.owningOrgUnits.map((unit) => unit.name).join('、') || text('none')}</dd>
      <dt className="font-bold">{text('contact')}</dt>
      <dd>{analysis.contact?.displayName ?? text('none')}</dd>
      <dt className="font-bold">{text('dueMeetings')}</dt>
      <dd>
        {analysis.dueMeetings.length === 0 ? (
          text('none')
        ) : (
          <ul>
            {analysis.dueMeetings.map((due) => (
              <li key={due.stage}>
                {text(`stage.${due.stage}`)}：{meetingLabel(due.meeting)}
              </li>
            ))}
          </ul>
        )}
      </dd>
      {analysis.reviewStatus ? (
        <>
          <dt className="font-bold">{text('reviewStatus')}</dt>
          <dd>
            <ReviewBadge status={analysis.reviewStatus} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** One analysis: plan facts, stages, the review, and its report, figures, versions, comments and files. */
export function AnalysisPage({
  analysisId,
  search,
  onSearch,
}: {
  analysisId: string;
  search: AnalysisPageSearch;
  onSearch: (next: AnalysisPageSearch) => void;
}) {
  const text = useAnalysisText();
  const analysis = useAnalysis(analysisId);
  const title = analysis.data ? `${analysis.data.cluster.number}. ${analysis.data.cluster.name}` : undefined;
  useDocumentTitle(title);
  if (analysis.isPending) return <Loading />;
  if (analysis.isError) return <QueryError error={analysis.error} onRetry={() => void analysis.refetch()} />;
  const data = analysis.data;
  const canReadWorkingCopy = data.permissions.canReadWorkingCopy;
  const tabs = ANALYSIS_TABS.filter((tab) => canReadWorkingCopy || !['comments', 'files'].includes(tab));
  const selected: AnalysisTab = search.tab && tabs.includes(search.tab) ? search.tab : 'report';

  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link to="/analyses" search={{ fy: data.fiscalYear }} className="link">
          {text('backToPlan')}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{data.fiscalYearLabel}</Badge>
        <Badge tone="neutral">{data.cluster.group.name}</Badge>
        {data.cluster.kind ? <Badge tone="neutral">{data.cluster.kind.name}</Badge> : null}
        {data.isPublished ? <Badge tone="info">{text('published')}</Badge> : null}
        {data.isClosed ? <Badge tone="inactive">{text('closed')}</Badge> : null}
      </div>
      <PageHeading>{title}</PageHeading>
      <p>
        <Link to="/clusters/$clusterId" params={{ clusterId: data.cluster.id }} className="link">
          {text('clusterHistoryLink')}
        </Link>
      </p>
      {data.closedReason ? (
        <Alert tone="info">{text('closedNotice', { reason: data.closedReason })}</Alert>
      ) : null}
      {data.rolledOverFromId ? (
        <Alert tone="info">
          <p>{text('rolledOverFrom')}</p>
          <Link
            to="/analyses/$analysisId"
            params={{ analysisId: data.rolledOverFromId }}
            search={{}}
            className="link"
          >
            {text('previousYear')}
          </Link>
        </Alert>
      ) : null}
      <StageStepper analysis={data} />
      <Facts analysis={data} />
      <ReviewPanel analysis={data} />
      <StageMovePanel analysis={data} />
      <AnalysisTabs tabs={tabs} selected={selected} onSelect={(tab) => onSearch({ ...search, tab })}>
        {selected === 'report' ? <ReportEditor analysis={data} /> : null}
        {selected === 'benchmarks' ? <BenchmarksPanel analysis={data} /> : null}
        {selected === 'effects' ? <EffectsPanel analysis={data} /> : null}
        {selected === 'versions' ? (
          <VersionsPanel
            analysis={data}
            from={search.from}
            to={search.to}
            onCompare={(from, to) => onSearch({ ...search, tab: 'versions', from, to })}
          />
        ) : null}
        {selected === 'comments' ? <CommentsPanel analysis={data} /> : null}
        {selected === 'files' ? <FilesPanel analysis={data} /> : null}
        {selected === 'history' ? <HistoryPanel analysis={data} /> : null}
      </AnalysisTabs>
    </div>
  );
}
