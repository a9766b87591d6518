import { getRouteApi } from '@tanstack/react-router';
import { PublicResponsesPage } from './components/public-responses-page';

const publicApi = getRouteApi('/public/platinum');

/** The public responses page, reading `?fy=` from the URL. */
export function PublicResponsesRoute() {
  const search = publicApi.useSearch();
  const navigate = publicApi.useNavigate();
  return (
    <PublicResponsesPage fiscalYear={search.fy} onYearChange={(fy) => void navigate({ search: { fy } })} />
  );
}
