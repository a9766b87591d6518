import { Link } from '@tanstack/react-router';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { ClusterChangePanel } from '@/features/clusters/components/cluster-change-panel';
import { ClusterEventList } from '@/features/clusters/components/cluster-event-list';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ACCESS, hasAnyRole } from '@/lib/authorization';
import { useClusterHistory } from '../api/clusters';
import { useAnalysisText } from '../messages';
import { Part, StageBadge } from './parts';

/** 事業クラスターの履歴: how a cluster stood by fiscal year, its merges, splits and retirement, and its analyses. */
export function ClusterHistoryPage({ clusterId }: { clusterId: string }) {
  const text = useAnalysisText();
  const me = useMe();
  const history = useClusterHistory(clusterId);
  const latest = history.data?.revisions.at(-1);
  useDocumentTitle(latest ? `${latest.number}. ${latest.name}` : text('historyTitle'));
  if (history.isPending) return <Loading />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const data = history.data;
  const isSignedIn = Boolean(me.data);
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link to={paths.clusters.path} className="link">
          {text('registerLink')}
        </Link>
      </p>
      <PageHeading lead={text('historyLead')}>
        {latest ? `${latest.number}. ${latest.name}` : ''}
        <span className="ml-3 text-std-20B-150 text-solid-gray-700">{text('historyTitle')}</span>
      </PageHeading>
      <p className="text-std-16N-170">
        {text('owningUnits')}：{data.owningOrgUnits.map((unit) => unit.name).join('、') || text('none')}
      </p>
      <Part id="cluster-revisions" title={text('revisionsHeading')}>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-std-16N-170">
            <caption className="sr-only">{text('revisionsHeading')}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                {(['revisionYears', 'number', 'name', 'group', 'kind', 'change'] as const).map((key) => (
                  <th key={key} scope="col" className="px-3 py-2">
                    {text(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.revisions.map((revision) => (
                <tr key={revision.validFromFiscalYear} className="border-b border-solid-gray-300">
                  <th scope="row" className="px-3 py-2">
                    {revision.validToFiscalYear === null
                      ? text('revisionFrom', { from: revision.validFromFiscalYear })
                      : text('revisionRange', {
                          from: revision.validFromFiscalYear,
                          to: revision.validToFiscalYear,
                        })}
                  </th>
                  <td className="px-3 py-2">{revision.number}</td>
                  <td className="px-3 py-2">{revision.name}</td>
                  <td className="px-3 py-2">{revision.group.name}</td>
                  <td className="px-3 py-2">{revision.kind?.name ?? '—'}</td>
                  <td className="px-3 py-2">
                    {['created', 'renamed', 'regrouped', 'renumbered', 'merged', 'split'].includes(
                      revision.changeKind,
                    )
                      ? text(`event.${revision.changeKind as 'created'}`)
                      : revision.changeKind}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Part>
      <Part id="cluster-events" title={text('eventsHeading')}>
        <ClusterEventList events={data.events} />
      </Part>
      <Part id="cluster-analyses" title={text('analysesHeading')}>
        {data.analyses.length === 0 ? (
          <p>{text('noClusterAnalyses')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {data.analyses.map((analysis) => (
              <li key={analysis.id} className="flex flex-wrap items-center gap-2">
                {isSignedIn ? (
                  <Link to="/analyses/$analysisId" params={{ analysisId: analysis.id }} className="link">
                    {analysis.fiscalYear}
                  </Link>
                ) : (
                  <span>{analysis.fiscalYear}</span>
                )}
                <StageBadge stage={analysis.stage} />
                {analysis.isClosed ? <span>（{text('closed')}）</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Part>
      {hasAnyRole(me.data, ACCESS.editClusters) ? (
        <ClusterChangePanel cluster={data} onReload={() => void history.refetch()} />
      ) : null}
    </div>
  );
}
