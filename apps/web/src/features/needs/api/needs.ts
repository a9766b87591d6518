import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiClient, apiRequest, apiUrl, ifMatchOf } from '@/lib/api-client';
import type { ImportPreview, LinkKind, Need, NeedFilter, PublicNeed } from '../types';

export const needsQueryKey = ['needs'] as const;
const PAGE_SIZE = 50;

/** A page of needs as the signed-in user may see them. */
export function useNeeds(filter: NeedFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...needsQueryKey, 'list', filter],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: Need[]; total: number; page: number; pageSize: number }>('/needs', {
          query: {
            fy: filter.fy,
            status: filter.status,
            side: filter.side,
            channel: filter.channel,
            page: filter.page,
            pageSize: PAGE_SIZE,
          },
          signal,
        }),
    }),
  );
}

/** One need. */
export function useNeed(needId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...needsQueryKey, 'detail', needId],
      queryFn: ({ signal }) => apiClient.get<Need>(`/needs/${encodeURIComponent(needId)}`, { signal }),
    }),
  );
}

/** Records a need. */
export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiClient.post<Need>('/needs', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needsQueryKey }),
  });
}

type NeedCall =
  | { kind: 'update'; body: Record<string, unknown> }
  | { kind: 'links'; body: { links: { kind: LinkKind; targetId: string }[] } };

/** Changes a need or its links, under If-Match with the version read. */
export function useNeedAction(needId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ call, version }: { call: NeedCall; version: number }) => {
      const path = `/needs/${encodeURIComponent(needId)}${call.kind === 'links' ? '/links' : ''}`;
      return (
        await apiRequest<Need>(call.kind === 'links' ? 'PUT' : 'PATCH', path, {
          body: call.body,
          headers: { 'If-Match': ifMatchOf(version) },
        })
      ).data;
    },
    onSuccess: (need) => {
      queryClient.setQueryData([...needsQueryKey, 'detail', needId], need);
      void queryClient.invalidateQueries({ queryKey: needsQueryKey });
    },
  });
}

async function sendCsv<T>(path: string, file: File, encoding: string): Promise<T> {
  const response = await fetch(apiUrl(path, { encoding, fileName: file.name }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json, application/problem+json' },
    body: file,
  }).catch((error: unknown) => {
    throw new ApiError(0, null, error instanceof Error ? error.message : 'Network error');
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const problem = body && typeof body === 'object' && 'code' in body ? (body as ApiError['problem']) : null;
    throw new ApiError(response.status, problem);
  }
  return body as T;
}

/** Checks a CSV row by row without writing anything. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: string }) =>
      sendCsv<ImportPreview>('/needs/import/preview', file, encoding),
  });
}

/** Imports a CSV: every row or nothing. */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: string }) =>
      sendCsv<{ importId: string; created: number; encoding: string }>('/needs/import', file, encoding),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: needsQueryKey }),
  });
}

/** Clusters, analyses, initiatives and org units, for linking and recording. */
export function useNeedReference<T>(
  key: string,
  path: string,
  query?: Record<string, string | number | undefined>,
) {
  return useQuery(
    queryOptions({
      queryKey: ['needs-reference', key, query],
      queryFn: ({ signal }) => apiClient.get<{ items: T[] }>(path, { query, signal }),
      staleTime: 5 * 60_000,
    }),
  );
}

/** Needs the reform office made public, for a fiscal year (no sign-in needed). */
export function usePublicNeeds(fiscalYear: number | undefined) {
  return useQuery(
    queryOptions({
      queryKey: [...needsQueryKey, 'public', fiscalYear],
      queryFn: ({ signal }) =>
        apiClient.get<{ fiscalYear: number; items: PublicNeed[] }>('/public/needs', {
          query: { fy: fiscalYear },
          signal,
        }),
    }),
  );
}
