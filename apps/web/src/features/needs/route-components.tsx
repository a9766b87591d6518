import { getRouteApi } from '@tanstack/react-router';
import { ImportPage } from './components/import-page';
import { NeedPage } from './components/need-page';
import { NeedsPage } from './components/needs-page';
import { NewNeedPage } from './components/new-need-page';
import { PublicNeedsPage } from './components/public-needs-page';

/** The ニーズ・課題 route components: each reads its URL parameters and renders its page. */

const listApi = getRouteApi('/authenticated/needs');
const newApi = getRouteApi('/authenticated/needs/new');
const detailApi = getRouteApi('/authenticated/needs/$needId');
const publicApi = getRouteApi('/public/needs');

export function NeedsRoute() {
  const search = listApi.useSearch();
  const navigate = listApi.useNavigate();
  return <NeedsPage filter={search} onFilter={(next) => void navigate({ search: next })} />;
}

export function NewNeedRoute() {
  const { me } = newApi.useRouteContext();
  return <NewNeedPage me={me} />;
}

export function ImportRoute() {
  return <ImportPage />;
}

export function NeedRoute() {
  const { me } = detailApi.useRouteContext();
  return <NeedPage needId={detailApi.useParams().needId} me={me} />;
}

export function PublicNeedsRoute() {
  const search = publicApi.useSearch();
  const navigate = publicApi.useNavigate();
  return <PublicNeedsPage filter={search} onFilter={(next) => void navigate({ search: next })} />;
}
