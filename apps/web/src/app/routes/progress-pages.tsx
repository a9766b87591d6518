import { getRouteApi } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { OverviewPage } from '@/features/dashboard/components/overview-page';
import { ProgressSubnav } from '@/features/dashboard/components/progress-subnav';
import { RecordsPage } from '@/features/dashboard/components/records-page';
import { OpenDataPage } from '@/features/public-portal/components/open-data-page';
import { PortalHomePage } from '@/features/public-portal/components/portal-home-page';
import { SchedulePage } from '@/features/schedule/components/schedule-page';
import { useT } from '@/lib/i18n/i18n-provider';

/** The progress and public-portal pages: each reads its URL and composes the features' screens. */

const dashboardApi = getRouteApi('/authenticated/progress');
const recordsApi = getRouteApi('/authenticated/progress/records');
const overviewApi = getRouteApi('/authenticated/overview');
const scheduleApi = getRouteApi('/authenticated/schedule');
const portalApi = getRouteApi('/public');
const openDataApi = getRouteApi('/public/open-data');

export function DashboardRoute() {
  const search = dashboardApi.useSearch();
  const navigate = dashboardApi.useNavigate();
  return (
    <DashboardPage
      fiscalYear={search.fy}
      orgUnitId={search.orgUnit}
      onScopeChange={(next) => void navigate({ search: { fy: next.fiscalYear, orgUnit: next.orgUnitId } })}
    />
  );
}

export function RecordsRoute() {
  const t = useT();
  const search = recordsApi.useSearch();
  if (!search.metric || !search.key) return <Alert tone="info" title={t('error.loadFailed')} />;
  return (
    <RecordsPage
      fiscalYear={search.fy}
      orgUnitId={search.orgUnit}
      metric={search.metric}
      recordKey={search.key}
    />
  );
}

export function OverviewRoute() {
  return <OverviewPage fiscalYear={overviewApi.useSearch().fy} />;
}

export function ScheduleRoute() {
  const search = scheduleApi.useSearch();
  const navigate = scheduleApi.useNavigate();
  return (
    <SchedulePage
      fiscalYear={search.fy}
      firstMonth={search.from}
      onChange={(next) => void navigate({ search: next })}
      subnav={<ProgressSubnav fiscalYear={search.fy} />}
    />
  );
}

export function PortalHomeRoute() {
  const search = portalApi.useSearch();
  const navigate = portalApi.useNavigate();
  return <PortalHomePage fiscalYear={search.fy} onYearChange={(fy) => void navigate({ search: { fy } })} />;
}

export function OpenDataRoute() {
  const search = openDataApi.useSearch();
  const navigate = openDataApi.useNavigate();
  return <OpenDataPage fiscalYear={search.fy} onYearChange={(fy) => void navigate({ search: { fy } })} />;
}
