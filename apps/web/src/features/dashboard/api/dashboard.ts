import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Dashboard, DashboardMetric, DashboardRecords, Overview, ReportJob, ReportKind } from '../types';

const key = ['dashboard'] as const;

/** The progress dashboard of a year, optionally for one bureau. */
export function getDashboardQueryOptions(options: {
  fiscalYear?: number | undefined;
  orgUnitId?: string | undefined;
}) {
  return queryOptions({
    queryKey: [...key, 'figures', options.fiscalYear ?? null, options.orgUnitId ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<Dashboard>('/dashboard', {
        query: { fy: options.fiscalYear, orgUnit: options.orgUnitId },
        signal,
      }),
  });
}

export function useDashboard(options: { fiscalYear?: number | undefined; orgUnitId?: string | undefined }) {
  return useQuery(getDashboardQueryOptions(options));
}

/** The records behind one number. */
export function useDashboardRecords(options: {
  fiscalYear?: number | undefined;
  orgUnitId?: string | undefined;
  metric: DashboardMetric;
  key: string;
}) {
  return useQuery({
    queryKey: [...key, 'records', options],
    queryFn: ({ signal }) =>
      apiClient.get<DashboardRecords>('/dashboard/records', {
        query: {
          fy: options.fiscalYear,
          orgUnit: options.orgUnitId,
          metric: options.metric,
          key: options.key,
        },
        signal,
      }),
  });
}

/** The whole picture with live counts. */
export function useOverview(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...key, 'overview', fiscalYear ?? null],
    queryFn: ({ signal }) => apiClient.get<Overview>('/overview', { query: { fy: fiscalYear }, signal }),
  });
}

/** Org units, for the bureau filter. */
export function useOrgUnitOptions() {
  return useQuery({
    queryKey: ['org-units', 'options'],
    queryFn: ({ signal }) =>
      apiClient.get<{
        items: { id: string; code: string; name: string; level: string; parentId: string | null }[];
      }>('/org-units', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Asks for an export built off the request path. */
export function useRequestReport() {
  return useMutation({
    mutationFn: (body: { kind: ReportKind; fiscalYear: number; resource?: string; encoding?: string }) =>
      apiClient.post<ReportJob>('/reports/jobs', body),
  });
}

/** Polls an export until it is done or failed. */
export function useReportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['report-jobs', jobId],
    queryFn: ({ signal }) => apiClient.get<ReportJob>(`/reports/jobs/${jobId}`, { signal }),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : 700;
    },
  });
}
