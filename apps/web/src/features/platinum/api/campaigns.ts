import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { Board, Campaign, Funnel, OrgUnitOption, Phase, PreciseDate, TeamMember, Theme } from '../types';

export const platinumQueryKey = ['platinum'] as const;

/** Campaigns, newest first. */
export function useCampaigns() {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'campaigns'],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: Campaign[]; viewer: { canCreate: boolean } }>('/campaigns', { signal }),
    }),
  );
}

/** One campaign with its phases and what the viewer may do. */
export function useCampaign(campaignId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'campaign', campaignId],
      queryFn: ({ signal }) =>
        apiClient.get<Campaign>(`/campaigns/${encodeURIComponent(campaignId)}`, { signal }),
    }),
  );
}

/** The campaign's project team. */
export function useTeam(campaignId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'team', campaignId],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: TeamMember[] }>(`/campaigns/${encodeURIComponent(campaignId)}/team`, {
          signal,
        }),
    }),
  );
}

export type BoardFilter = {
  theme?: Theme | undefined;
  status?: string | undefined;
  orgUnit?: string | undefined;
};

/** The "you said, we did" board. */
export function useBoard(campaignId: string, filter: BoardFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'board', campaignId, filter],
      queryFn: ({ signal }) =>
        apiClient.get<Board>(`/campaigns/${encodeURIComponent(campaignId)}/board`, {
          query: { theme: filter.theme, status: filter.status, orgUnit: filter.orgUnit },
          signal,
        }),
    }),
  );
}

/** The funnel dashboard. */
export function useFunnel(campaignId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'funnel', campaignId],
      queryFn: ({ signal }) =>
        apiClient.get<Funnel>(`/campaigns/${encodeURIComponent(campaignId)}/funnel`, { signal }),
    }),
  );
}

/** The organisation, for choosing the bureau an issue goes to. */
export function useOrgUnitOptions() {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'org-units'],
      queryFn: ({ signal }) => apiClient.get<{ items: OrgUnitOption[] }>('/org-units', { signal }),
      staleTime: 10 * 60_000,
    }),
  );
}

/** Where the CSV export of a campaign's ideas downloads from. */
export function ideasCsvUrl(campaignId: string): string {
  return `/api/v1/campaigns/${encodeURIComponent(campaignId)}/ideas.csv`;
}

export type CampaignInput = {
  fiscalYear: number;
  title: string;
  description: string;
  themes: Theme[];
  phases: Record<string, { from: PreciseDate; to: PreciseDate }>;
};

/** Opens a campaign (reform office). */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) => apiClient.post<Campaign>('/campaigns', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platinumQueryKey }),
  });
}

export type CampaignChanges = Partial<Omit<CampaignInput, 'fiscalYear' | 'phases'>> & {
  /** Every phase to keep: a phase left out or null has no dates. */
  phases?: Partial<Record<Phase, { from: PreciseDate; to: PreciseDate } | null>>;
};

/** Changes a campaign (reform office; If-Match: the version read). */
export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: CampaignChanges }) =>
      apiClient.patch<Campaign>(`/campaigns/${encodeURIComponent(campaignId)}`, changes, {
        headers: { 'If-Match': ifMatchOf(version) },
      }),
    onSuccess: (campaign) => {
      queryClient.setQueryData([...platinumQueryKey, 'campaign', campaignId], campaign);
      return queryClient.invalidateQueries({ queryKey: platinumQueryKey });
    },
  });
}

/** Members of staff whose name matches, to put on the PT (reform office). */
export function useTeamCandidates(campaignId: string, q: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'candidates', campaignId, q],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: { id: string; displayName: string; orgUnitName: string | null }[] }>(
          `/campaigns/${encodeURIComponent(campaignId)}/team/candidates`,
          { query: { q }, signal },
        ),
      enabled: q.trim().length > 0,
    }),
  );
}

/** Puts someone on the PT or takes them off (reform office). */
export function useSetTeamMember(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, isMember }: { userId: string; isMember: boolean }) => {
      await apiRequest(
        isMember ? 'PUT' : 'DELETE',
        `/campaigns/${encodeURIComponent(campaignId)}/team/${encodeURIComponent(userId)}`,
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platinumQueryKey }),
  });
}
