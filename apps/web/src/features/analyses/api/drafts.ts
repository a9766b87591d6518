import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type { Section } from '../types';
import { analysesKey } from './analyses';

/** A section's draft as the server keeps it: the form as typed and the section when editing began. */
export type ServerDraft<T = unknown> = {
  section: Section;
  content: { form: T; base: T };
  baseVersion: number;
  version: number;
  updatedBy: { displayName: string } | null;
  updatedAt: string;
};

export function reportDraftsKey(analysisId: string) {
  return [...analysesKey, 'drafts', analysisId] as const;
}

/** The saved drafts of the report's sections (owning department and reform office). */
export function getReportDraftsQueryOptions(analysisId: string) {
  return queryOptions({
    queryKey: reportDraftsKey(analysisId),
    queryFn: ({ signal }) =>
      apiClient.get<{ items: ServerDraft[] }>(`/analyses/${encodeURIComponent(analysisId)}/drafts`, {
        signal,
      }),
    // Drafts change while typing elsewhere; the editor reads them when it opens.
    staleTime: 0,
  });
}

export function useReportDrafts(analysisId: string, enabled: boolean) {
  return useQuery({ ...getReportDraftsQueryOptions(analysisId), enabled });
}

/** Saves a section's draft; `version` 0 when there is none yet. Resolves with the saved draft. */
export async function saveReportDraft<T>(input: {
  analysisId: string;
  section: Section;
  version: number;
  form: T;
  base: T;
  baseVersion: number;
}): Promise<ServerDraft<T>> {
  const response = await apiRequest<ServerDraft<T>>(
    'PUT',
    `/analyses/${encodeURIComponent(input.analysisId)}/drafts/${input.section}`,
    {
      body: { content: { form: input.form, base: input.base }, baseVersion: input.baseVersion },
      headers: { 'If-Match': ifMatchOf(input.version) },
    },
  );
  return response.data;
}

/** Throws a section's draft away. */
export async function discardReportDraft(input: {
  analysisId: string;
  section: Section;
  version: number;
}): Promise<void> {
  await apiRequest('DELETE', `/analyses/${encodeURIComponent(input.analysisId)}/drafts/${input.section}`, {
    headers: { 'If-Match': ifMatchOf(input.version) },
  });
}
