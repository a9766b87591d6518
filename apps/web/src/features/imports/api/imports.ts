import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiClient, apiRequest, apiUrl, ifMatchOf } from '@/lib/api-client';
import type { ImportJob, ImportKind, ImportRow } from '../types';

export const importsQueryKey = ['imports'] as const;

/** The kinds the person may import. */
export function useImportKinds() {
  return useQuery({
    queryKey: [...importsQueryKey, 'kinds'],
    queryFn: ({ signal }) => apiClient.get<{ items: ImportKind[] }>('/import-kinds', { signal }),
  });
}

/** Past imports, newest first. */
export function useImportHistory() {
  return useQuery({
    queryKey: [...importsQueryKey, 'history'],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: ImportJob[]; total: number }>('/imports', { query: { pageSize: 20 }, signal }),
  });
}

/** One import, polled while its rows are checked or written. */
export function getImportJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...importsQueryKey, 'job', id],
    queryFn: ({ signal }) => apiClient.get<ImportJob>(`/imports/${id}`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.status === 'validating' || query.state.data?.status === 'committing' ? 500 : false,
  });
}

export function useImportJob(id: string | null) {
  return useQuery({ ...getImportJobQueryOptions(id ?? ''), enabled: id !== null });
}

/** A page of the preview rows. */
export function useImportRows(
  id: string,
  options: { filter: 'all' | 'errors'; page: number; isReady: boolean },
) {
  return useQuery({
    queryKey: [...importsQueryKey, 'rows', id, options.filter, options.page],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: ImportRow[]; total: number; page: number; pageSize: number }>(
        `/imports/${id}/rows`,
        {
          query: { filter: options.filter, page: options.page, pageSize: 50 },
          signal,
        },
      ),
    enabled: options.isReady,
    placeholderData: keepPreviousData,
  });
}

async function jsonOrProblem(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** Uploads a file (multipart) for a kind, with an encoding when the person chose one. */
export async function uploadImport(input: {
  kind: string;
  file: File;
  encoding: string;
}): Promise<ImportJob> {
  const form = new FormData();
  form.set('kind', input.kind);
  form.set('file', input.file);
  if (input.encoding) form.set('encoding', input.encoding);
  let response: Response;
  try {
    response = await fetch(apiUrl('/imports'), { method: 'POST', body: form, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, null, error instanceof Error ? error.message : 'Network error');
  }
  const body = await jsonOrProblem(response);
  if (!response.ok) throw new ApiError(response.status, (body as ApiError['problem']) ?? null);
  return body as ImportJob;
}

export function useImportActions() {
  const queryClient = useQueryClient();
  const remember = (job: ImportJob) => {
    queryClient.setQueryData([...importsQueryKey, 'job', job.id], job);
    void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'rows', job.id] });
    void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'history'] });
  };
  return {
    upload: useMutation({ mutationFn: uploadImport, onSuccess: remember }),
    setEncoding: useMutation({
      mutationFn: async (input: { job: ImportJob; encoding: string }) =>
        (
          await apiRequest<ImportJob>('PUT', `/imports/${input.job.id}/encoding`, {
            body: { encoding: input.encoding },
            headers: { 'If-Match': ifMatchOf(input.job.version) },
          })
        ).data,
      onSuccess: remember,
    }),
    setMapping: useMutation({
      mutationFn: async (input: { job: ImportJob; mapping: Record<string, number | null> }) =>
        (
          await apiRequest<ImportJob>('PUT', `/imports/${input.job.id}/mapping`, {
            body: { mapping: input.mapping },
            headers: { 'If-Match': ifMatchOf(input.job.version) },
          })
        ).data,
      onSuccess: remember,
    }),
    commit: useMutation({
      mutationFn: async (job: ImportJob) =>
        (
          await apiRequest<ImportJob>('POST', `/imports/${job.id}/commit`, {
            headers: { 'If-Match': ifMatchOf(job.version) },
          })
        ).data,
      onSuccess: remember,
      onError: (_error, job) =>
        void queryClient.invalidateQueries({ queryKey: [...importsQueryKey, 'job', job.id] }),
    }),
    discard: useMutation({
      mutationFn: async (job: ImportJob) =>
        (
          await apiRequest<ImportJob>('DELETE', `/imports/${job.id}`, {
            headers: { 'If-Match': ifMatchOf(job.version) },
          })
        ).data,
      onSuccess: remember,
    }),
  };
}
