import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { Attachment, Benchmarks, Comment, Comparison, Effects, Section, VersionSummary } from '../types';
import { analysesKey } from './analyses';
import { sendRaw } from './send-raw';

const base = (analysisId: string) => `/analyses/${encodeURIComponent(analysisId)}`;

/** The submitted versions (only the reported ones for those outside the review). */
export function useVersions(analysisId: string) {
  return useQuery({
    queryKey: [...analysesKey, 'versions', analysisId],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: VersionSummary[] }>(`${base(analysisId)}/versions`, { signal }),
  });
}

/** What changed between two versions, or a version and the working copy (`current`). */
export function useComparison(
  analysisId: string,
  from: number | undefined,
  to: number | 'current' | undefined,
) {
  return useQuery({
    queryKey: [...analysesKey, 'compare', analysisId, from ?? null, to ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<Comparison>(`${base(analysisId)}/versions/compare`, { query: { from, to }, signal }),
    enabled: from !== undefined && to !== undefined,
  });
}

/** The review comments. */
export function useComments(analysisId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...analysesKey, 'comments', analysisId],
    queryFn: ({ signal }) => apiClient.get<{ items: Comment[] }>(`${base(analysisId)}/comments`, { signal }),
    enabled,
  });
}

export function useAddComment(analysisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      body: string;
      versionNumber: number | null;
      section: Section | null;
      parentId: string | null;
    }) => apiClient.post<Comment>(`${base(analysisId)}/comments`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...analysesKey, 'comments', analysisId] }),
  });
}

/** The effect lines and the programme period they must fall in. */
export function useEffects(analysisId: string) {
  return useQuery({
    queryKey: [...analysesKey, 'effects', analysisId],
    queryFn: ({ signal }) => apiClient.get<Effects>(`${base(analysisId)}/effects`, { signal }),
  });
}

/** The benchmark indicators with values and this city's ranks. */
export function useBenchmarks(analysisId: string) {
  return useQuery({
    queryKey: [...analysesKey, 'benchmarks', analysisId],
    queryFn: ({ signal }) => apiClient.get<Benchmarks>(`${base(analysisId)}/benchmarks`, { signal }),
  });
}

/** Imports benchmark values from a CSV file (If-Match of the analysis). */
export function useImportBenchmarks(analysisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, version }: { file: File; version: number }) =>
      // The file goes as it is: the server reads UTF-8 or Shift_JIS.
      sendRaw<Benchmarks & { importedRows: number }>('POST', `${base(analysisId)}/benchmarks/import`, file, {
        'Content-Type': 'text/csv',
        'If-Match': ifMatchOf(version),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analysesKey }),
  });
}

/** The attached files. */
export function useAttachments(analysisId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...analysesKey, 'attachments', analysisId],
    queryFn: ({ signal }) =>
      apiClient.get<{ items: Attachment[] }>(`${base(analysisId)}/attachments`, { signal }),
    enabled,
  });
}

export function useUploadAttachment(analysisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title }: { file: File; title: string }) => {
      const form = new FormData();
      form.set('file', file);
      if (title) form.set('title', title);
      return sendRaw<Attachment>('POST', `${base(analysisId)}/attachments`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...analysesKey, 'attachments', analysisId] }),
  });
}

export function useDeleteAttachment(analysisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      apiRequest<void>('DELETE', `${base(analysisId)}/attachments/${encodeURIComponent(attachmentId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...analysesKey, 'attachments', analysisId] }),
  });
}

/** The URL a browser downloads an attachment from. */
export function attachmentUrl(analysisId: string, attachmentId: string): string {
  return `/api/v1${base(analysisId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
