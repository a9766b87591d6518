import { getRouteApi } from '@tanstack/react-router';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/features/auth/api/get-me';
import { useClusters } from '@/features/clusters/api/get-clusters';
import { ClusterFilters, type ClusterFilterValues } from '@/features/clusters/components/cluster-filters';
import { ClusterRegister } from '@/features/clusters/components/cluster-register';
import { orderedGroups } from '@/features/clusters/utils/group-clusters';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ACCESS, hasAnyRole } from '@/lib/authorization';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';

const routeApi = getRouteApi('/clusters');

/** 経営分析: the cluster register of a fiscal year. Public; the reform office can edit clusters. */
export function ClustersRoute() {
  const t = useT();
  const { language } = useLanguage();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const me = useMe();
  // Signed-out readers may not be allowed the year list; the register still works without it.
  const fiscalYears = useFiscalYears();
  const clusters = useClusters({ fiscalYear: search.fy });
  useDocumentTitle(t('clusters.title'));

  const year = clusters.data?.fiscalYear ?? search.fy;
  const yearItems = fiscalYears.data?.items ?? [];
  const yearItem = yearItems.find((item) => item.year === year);
  const yearLabel =
    year === undefined ? '' : fiscalYearLabel(yearItem ?? { year, label: '', isCurrent: false }, language);

  const renderBody = () => {
    if (clusters.isPending) return <Loading />;
    if (clusters.isError)
      return <QueryError error={clusters.error} onRetry={() => void clusters.refetch()} />;
    const register = clusters.data;
    const values: ClusterFilterValues = {
      fiscalYear: register.fiscalYear,
      group: search.group ?? '',
      kind: search.kind ?? '',
      targetsOnly: search.targets === true,
    };
    return (
      <>
        <ClusterFilters
          key={JSON.stringify(values)}
          groups={orderedGroups(register)}
          fiscalYears={yearItems}
          value={values}
          onApply={(next) =>
            void navigate({
              search: {
                fy: next.fiscalYear,
                group: next.group || undefined,
                kind: next.kind || undefined,
                targets: next.targetsOnly ? true : undefined,
              },
            })
          }
        />
        <ClusterRegister
          register={register}
          filter={{ group: search.group, kind: search.kind, targetsOnly: search.targets === true }}
          fiscalYearLabel={yearLabel}
          canEdit={hasAnyRole(me.data, ACCESS.editClusters)}
        />
      </>
    );
  };

  return (
    <>
      <PageHeading lead={t('clusters.lead')}>
        {t('clusters.title')}
        {yearLabel ? <span className="ml-3 text-std-20B-150 text-solid-gray-700">{yearLabel}</span> : null}
      </PageHeading>
      {renderBody()}
    </>
  );
}
