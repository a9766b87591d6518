import { getRouteApi } from '@tanstack/react-router';
import { InitiativePage } from './components/initiative-page';
import { InitiativesPage } from './components/initiatives-page';
import { NewInitiativePage } from './components/new-initiative-page';
import { RoadmapPage } from './components/roadmap-page';

/** The 取組 route components: each reads its URL parameters and renders its page. */

const listApi = getRouteApi('/authenticated/initiatives');
const roadmapApi = getRouteApi('/authenticated/initiatives/roadmap');
const newApi = getRouteApi('/authenticated/initiatives/new');
const detailApi = getRouteApi('/authenticated/initiatives/$initiativeId');

export function InitiativesRoute() {
  const search = listApi.useSearch();
  const navigate = listApi.useNavigate();
  return <InitiativesPage filter={search} onFilter={(next) => void navigate({ search: next })} />;
}

export function RoadmapRoute() {
  const search = roadmapApi.useSearch();
  const navigate = roadmapApi.useNavigate();
  return <RoadmapPage filter={search} onFilter={(next) => void navigate({ search: next })} />;
}

export function NewInitiativeRoute() {
  const { me } = newApi.useRouteContext();
  return <NewInitiativePage me={me} />;
}

export function InitiativeRoute() {
  return <InitiativePage initiativeId={detailApi.useParams().initiativeId} />;
}
