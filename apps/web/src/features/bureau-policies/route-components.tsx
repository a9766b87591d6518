import { getRouteApi } from '@tanstack/react-router';
import { InboxPage } from './components/inbox-page';
import { NewPolicyPage } from './components/new-policy-page';
import { PoliciesPage } from './components/policies-page';
import { PolicyPage } from './components/policy-page';
import { PublicPoliciesPage, PublicPolicyPage } from './components/public-policies-page';

/** The 局区X方針 route components: each reads its URL parameters and renders its page. */

const listApi = getRouteApi('/authenticated/policies');
const newApi = getRouteApi('/authenticated/policies/new');
const detailApi = getRouteApi('/authenticated/policies/$policyId');
const publicListApi = getRouteApi('/public/policies');
const publicDetailApi = getRouteApi('/public/policies/$policyId');

export function PoliciesRoute() {
  const search = listApi.useSearch();
  const navigate = listApi.useNavigate();
  return <PoliciesPage fiscalYear={search.fy} onYearChange={(fy) => void navigate({ search: { fy } })} />;
}

export function InboxRoute() {
  return <InboxPage />;
}

export function NewPolicyRoute() {
  const search = newApi.useSearch();
  const { me } = newApi.useRouteContext();
  return <NewPolicyPage me={me} fiscalYear={search.fy} />;
}

export function PolicyRoute() {
  return <PolicyPage policyId={detailApi.useParams().policyId} />;
}

export function PublicPoliciesRoute() {
  const search = publicListApi.useSearch();
  const navigate = publicListApi.useNavigate();
  return (
    <PublicPoliciesPage fiscalYear={search.fy} onYearChange={(fy) => void navigate({ search: { fy } })} />
  );
}

export function PublicPolicyRoute() {
  return <PublicPolicyPage policyId={publicDetailApi.useParams().policyId} />;
}
