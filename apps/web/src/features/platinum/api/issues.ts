import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { Decision, IssueDetail, IssueSummary, PreciseDate, Theme } from '../types';
import { platinumQueryKey } from './campaigns';

export type IssueFilter = { campaignId?: string | undefined; assignedToMe?: boolean | undefined };

/** Issues of a campaign, or those sent to the viewer's bureau. */
export function useIssues(filter: IssueFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'issues', filter],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: IssueSummary[] }>('/issues', {
          query: { campaign: filter.campaignId, assignedToMe: filter.assignedToMe ? 'true' : undefined },
          signal,
        }),
    }),
  );
}

/** One issue as the viewer may see it. */
export function useIssue(issueId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'issue', issueId],
      queryFn: ({ signal }) =>
        apiClient.get<IssueDetail>(`/issues/${encodeURIComponent(issueId)}`, { signal }),
    }),
  );
}

type IssueCall = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  version?: number | null;
};

/**
 * One mutation for every issue step (they all answer with the issue): the caller names the
 * sub-path, body and the version for If-Match.
 */
export function useIssueAction(issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ method, path, body, version }: IssueCall) =>
      (
        await apiRequest<IssueDetail>(method, `/issues/${encodeURIComponent(issueId)}${path}`, {
          body,
          headers: version === undefined || version === null ? undefined : { 'If-Match': ifMatchOf(version) },
        })
      ).data,
    onSuccess: (issue) => {
      queryClient.setQueryData([...platinumQueryKey, 'issue', issueId], issue);
      void queryClient.invalidateQueries({ queryKey: platinumQueryKey });
    },
  });
}

/** Groups ideas into a new issue (PT). */
export function useCreateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      campaignId: string;
      theme: Theme;
      title: string;
      summary: string;
      ideaIds: string[];
    }) => apiClient.post<IssueDetail>('/issues', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platinumQueryKey }),
  });
}

export type DecisionInput = {
  options?: { title: string; summary: string }[];
  decision?: Decision;
  decisionReason?: string;
  implementationDate?: PreciseDate | null;
};
