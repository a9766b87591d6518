import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type {
  ClusterOption,
  InboxItem,
  OrgUnitOption,
  Policy,
  PolicyContentInput,
  PolicySummary,
  PublicPolicy,
  PublicPolicySummary,
  TransitionInput,
} from '../types';

export const policiesQueryKey = ['bureau-policies'] as const;

/** The policies of a fiscal year with their approval state. */
export function usePolicies(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...policiesQueryKey, 'list', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<{ fiscalYear: number; items: PolicySummary[] }>('/bureau-policies', {
          query: { fy: fiscalYear },
          signal,
        }),
    }),
  );
}

/** The versions waiting for the signed-in user. */
export function useApprovalInbox() {
  return useQuery(
    queryOptions({
      queryKey: [...policiesQueryKey, 'inbox'],
      queryFn: ({ signal }) => apiClient.get<{ items: InboxItem[] }>('/bureau-policies/inbox', { signal }),
    }),
  );
}

/** One policy as the user may see it. */
export function usePolicy(policyId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...policiesQueryKey, 'detail', policyId],
      queryFn: ({ signal }) =>
        apiClient.get<Policy>(`/bureau-policies/${encodeURIComponent(policyId)}`, { signal }),
    }),
  );
}

/** Drafts a unit's policy. */
export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PolicyContentInput & { orgUnitId: string; fiscalYear: number }) =>
      apiClient.post<Policy>('/bureau-policies', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesQueryKey }),
  });
}

type PolicyCall =
  | { kind: 'edit'; body: Partial<PolicyContentInput> }
  | { kind: 'transition'; body: TransitionInput }
  | { kind: 'revise'; body: { revisionNote: string | null } };

/** Every write on one policy (edit, a route step, a revision), each under If-Match with the version read. */
export function usePolicyAction(policyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ call, version }: { call: PolicyCall; version: number }) => {
      const base = `/bureau-policies/${encodeURIComponent(policyId)}`;
      const headers = { 'If-Match': ifMatchOf(version) };
      const [method, path] =
        call.kind === 'edit'
          ? (['PATCH', base] as const)
          : call.kind === 'transition'
            ? (['POST', `${base}/transitions`] as const)
            : (['POST', `${base}/revisions`] as const);
      return (await apiRequest<Policy>(method, path, { body: call.body, headers })).data;
    },
    onSuccess: (policy) => {
      queryClient.setQueryData([...policiesQueryKey, 'detail', policyId], policy);
      void queryClient.invalidateQueries({ queryKey: policiesQueryKey });
    },
  });
}

/** Published policies of a year, for the public. */
export function usePublicPolicies(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...policiesQueryKey, 'public', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<{ fiscalYear: number; items: PublicPolicySummary[] }>('/public/bureau-policies', {
          query: { fy: fiscalYear },
          signal,
        }),
    }),
  );
}

/** The published version of one policy, for the public. */
export function usePublicPolicy(policyId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...policiesQueryKey, 'public-detail', policyId],
      queryFn: ({ signal }) =>
        apiClient.get<PublicPolicy>(`/public/bureau-policies/${encodeURIComponent(policyId)}`, { signal }),
    }),
  );
}

/** The organisation (for naming units to consult and choosing the drafting unit). */
export function useOrgUnitOptions() {
  return useQuery(
    queryOptions({
      queryKey: ['org-units', 'options'],
      queryFn: ({ signal }) => apiClient.get<{ items: OrgUnitOption[] }>('/org-units', { signal }),
      staleTime: 10 * 60_000,
    }),
  );
}

/** The cluster register of a year (for the clusters a policy touches). */
export function useClusterOptions(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: ['clusters', 'options', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: ClusterOption[] }>('/clusters', { query: { fy: fiscalYear }, signal }),
      enabled: fiscalYear !== undefined,
      staleTime: 10 * 60_000,
    }),
  );
}
