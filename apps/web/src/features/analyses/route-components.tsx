import { getRouteApi } from '@tanstack/react-router';
import { AnalysisPage } from './components/analysis-page';
import { AnalysisPlanPage } from './components/analysis-plan-page';
import { ClusterHistoryPage } from './components/cluster-history-page';

/** The 経営分析 route components: each reads its URL parameters and renders its page. */

const planApi = getRouteApi('/authenticated/analyses');
const analysisApi = getRouteApi('/authenticated/analyses/$analysisId');
const clusterHistoryApi = getRouteApi('/clusters/$clusterId');

export function AnalysisPlanRoute() {
  const search = planApi.useSearch();
  const navigate = planApi.useNavigate();
  return <AnalysisPlanPage search={search} onSearch={(next) => void navigate({ search: next })} />;
}

export function AnalysisRoute() {
  const { analysisId } = analysisApi.useParams();
  const search = analysisApi.useSearch();
  const navigate = analysisApi.useNavigate();
  return (
    <AnalysisPage
      analysisId={analysisId}
      search={search}
      onSearch={(next) => void navigate({ search: next, replace: true })}
    />
  );
}

export function ClusterHistoryRoute() {
  return <ClusterHistoryPage clusterId={clusterHistoryApi.useParams().clusterId} />;
}
