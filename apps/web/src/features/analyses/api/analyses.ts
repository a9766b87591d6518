import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { AnalysisDetail, AnalysisSummary, MeetingRef, ReportingStage, Stage } from '../types';

export const analysesKey = ['analyses'] as const;

export type AnalysisListFilter = {
  fiscalYear?: number | undefined;
  stage?: Stage | undefined;
  orgUnit?: string | undefined;
};

/** The analysis plan of a fiscal year (the server's current year when none is given). */
export function getAnalysesQueryOptions(filter: AnalysisListFilter) {
  return queryOptions({
    queryKey: [...analysesKey, 'list', filter],
    queryFn: ({ signal }) =>
      apiClient.get<{ fiscalYear: number; items: AnalysisSummary[] }>('/analyses', {
        query: { fy: filter.fiscalYear, stage: filter.stage, orgUnit: filter.orgUnit },
        signal,
      }),
  });
}

export function useAnalyses(filter: AnalysisListFilter) {
  return useQuery(getAnalysesQueryOptions(filter));
}

/** One analysis as the signed-in person may see it, with what they may do now. */
export function getAnalysisQueryOptions(analysisId: string) {
  return queryOptions({
    queryKey: [...analysesKey, 'detail', analysisId],
    queryFn: ({ signal }) =>
      apiClient.get<AnalysisDetail>(`/analyses/${encodeURIComponent(analysisId)}`, { signal }),
  });
}

export function useAnalysis(analysisId: string) {
  return useQuery(getAnalysisQueryOptions(analysisId));
}

/** The X meetings of a fiscal year, for choosing where a report is due or was made. */
export function useYearMeetings(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...analysesKey, 'meetings', fiscalYear ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: (MeetingRef & { planned: unknown })[] }>('/meetings', {
        query: { fy: fiscalYear },
        signal,
      }),
    enabled: fiscalYear !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** The org units, for the lead department and the filter. */
export function useOrgUnits() {
  return useQuery({
    queryKey: [...analysesKey, 'org-units'],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: { id: string; name: string; level: string; parentId: string | null }[] }>(
        '/org-units',
        { signal },
      ),
    staleTime: 10 * 60_000,
  });
}

/** The clusters of a year's register, for adding one to the plan. */
export function useRegister(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: [...analysesKey, 'register', fiscalYear ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: { id: string; number: number; name: string; isAnalysisTarget: boolean }[] }>(
        '/clusters',
        { query: { fy: fiscalYear }, signal },
      ),
    enabled: fiscalYear !== undefined,
  });
}

export type DueMeetingPlan = Partial<Record<ReportingStage, string>>;

export type CreateAnalysisInput = {
  clusterId: string;
  fiscalYear: number;
  leadOrgUnitId: string | null;
  contactUserId: string | null;
  dueMeetings: DueMeetingPlan;
};

/** Puts a cluster on a year's plan (reform office). */
export function useCreateAnalysis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAnalysisInput) => apiClient.post<AnalysisDetail>('/analyses', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analysesKey }),
  });
}

/** Sends a write about one analysis with its version as If-Match and refreshes what shows it. */
export function useAnalysisWrite(analysisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      path: string;
      version: number;
      body?: unknown;
    }) =>
      (
        await apiRequest<unknown>(input.method, `/analyses/${encodeURIComponent(analysisId)}${input.path}`, {
          body: input.body,
          headers: { 'If-Match': ifMatchOf(input.version) },
        })
      ).data,
    onSuccess: (data, input) => {
      if (
        input.path === '' ||
        input.path === '/report' ||
        input.path === '/review' ||
        input.path === '/transitions'
      ) {
        queryClient.setQueryData([...analysesKey, 'detail', analysisId], data as AnalysisDetail);
      }
      return queryClient.invalidateQueries({ queryKey: analysesKey });
    },
  });
}
