import { getRouteApi, Link } from '@tanstack/react-router';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { STAGES } from '@/features/analyses/types';
import { useMe } from '@/features/auth/api/get-me';
import { useClusters } from '@/features/clusters/api/get-clusters';
import { ownerOptionsOf } from '@/features/clusters/components/cluster-fields';
import { ClusterFilters, type ClusterFilterValues } from '@/features/clusters/components/cluster-filters';
import { ClusterRegister } from '@/features/clusters/components/cluster-register';
import { CreateClusterButton } from '@/features/clusters/components/create-cluster-dialog';
import { orderedGroups } from '@/features/clusters/utils/group-clusters';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useOrgUnits } from '@/features/org-units/api/get-org-units';
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
  const stage = STAGES.find((item) => item === search.stage);
  const isFilteredOnServer = Boolean(search.orgUnit || stage);
  const clusters = useClusters({ fiscalYear: search.fy, orgUnit: search.orgUnit, stage });
  // The whole year's register, for the counts beside a bureau's or a stage's clusters (cached).
  const wholeYear = useClusters({ fiscalYear: search.fy });
  const orgUnits = useOrgUnits();
  const canEdit = hasAnyRole(me.data, ACCESS.editClusters);
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
      orgUnit: search.orgUnit ?? '',
      stage: stage ?? '',
      targetsOnly: search.targets === true,
    };
    const whole = isFilteredOnServer ? wholeYear.data : register;
    return (
      <>
        <ClusterFilters
          key={JSON.stringify(values)}
          groups={orderedGroups(register)}
          fiscalYears={yearItems}
          orgUnits={ownerOptionsOf(orgUnits.data?.items ?? [])}
          value={values}
          onApply={(next) =>
            void navigate({
              search: {
                fy: next.fiscalYear,
                group: next.group || undefined,
                kind: next.kind || undefined,
                orgUnit: next.orgUnit || undefined,
                stage: next.stage || undefined,
                targets: next.targetsOnly ? true : undefined,
              },
            })
          }
        />
        {canEdit ? (
          <div className="mb-8">
            <CreateClusterButton
              groups={orderedGroups(register)}
              fiscalYears={yearItems}
              fiscalYear={register.fiscalYear}
            />
          </div>
        ) : null}
        <ClusterRegister
          register={register}
          filter={{ group: search.group, kind: search.kind, targetsOnly: search.targets === true }}
          wholeYear={
            whole
              ? {
                  total: whole.items.length,
                  targets: whole.items.filter((item) => item.isAnalysisTarget).length,
                }
              : undefined
          }
          fiscalYearLabel={yearLabel}
          canEdit={canEdit}
          linkCluster={(cluster, label) => (
            <Link
              to={paths.clusterHistory.path}
              params={{ clusterId: cluster.id }}
              className="underline underline-offset-[3px] hover:decoration-[3px]"
            >
              {label}
            </Link>
          )}
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
