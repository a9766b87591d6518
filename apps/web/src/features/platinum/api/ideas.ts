import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, apiRequest, ifMatchOf } from '@/lib/api-client';
import type {
  IdeaComment,
  IdeaDetail,
  IdeaInput,
  IdeaProgress,
  IdeaSort,
  IdeaSummary,
  SimilarIdea,
  SupportResult,
  Theme,
} from '../types';
import { platinumQueryKey } from './campaigns';

export type IdeaFilter = {
  campaignId: string;
  theme?: Theme | undefined;
  status?: IdeaProgress | undefined;
  q?: string | undefined;
  mine?: boolean | undefined;
  sort?: IdeaSort | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

export type IdeaPage = { items: IdeaSummary[]; total: number; page: number; pageSize: number };

/** A page of ideas of a campaign. */
export function useIdeas(filter: IdeaFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'ideas', filter],
      queryFn: ({ signal }) =>
        apiClient.get<IdeaPage>('/ideas', {
          query: {
            campaign: filter.campaignId,
            theme: filter.theme,
            status: filter.status,
            q: filter.q,
            mine: filter.mine ? 'true' : undefined,
            sort: filter.sort,
            page: filter.page,
            pageSize: filter.pageSize,
          },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  );
}

/** Ideas like a text being typed; runs once the text has two characters. */
export function useSimilarIdeas(campaignId: string, text: string) {
  const trimmed = text.trim();
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'similar', campaignId, trimmed],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: SimilarIdea[] }>('/ideas/similar', {
          query: { campaign: campaignId, text: trimmed },
          signal,
        }),
      enabled: Array.from(trimmed).length >= 2,
      placeholderData: keepPreviousData,
    }),
  );
}

/** One idea. */
export function useIdea(ideaId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'idea', ideaId],
      queryFn: ({ signal }) => apiClient.get<IdeaDetail>(`/ideas/${encodeURIComponent(ideaId)}`, { signal }),
    }),
  );
}

/** The comments of an idea. */
export function useIdeaComments(ideaId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...platinumQueryKey, 'comments', ideaId],
      queryFn: ({ signal }) =>
        apiClient.get<{ items: IdeaComment[] }>(`/ideas/${encodeURIComponent(ideaId)}/comments`, { signal }),
    }),
  );
}

function useInvalidatePlatinum() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: platinumQueryKey });
}

/** Submits an idea. */
export function useSubmitIdea() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: (input: IdeaInput & { campaignId: string; isAnonymous: boolean }) =>
      apiClient.post<IdeaDetail>('/ideas', input),
    onSuccess: invalidate,
  });
}

/** Saves the author's changes (If-Match: the version read). */
export function useUpdateIdea() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: Partial<IdeaInput> }) =>
      apiClient.patch<IdeaDetail>(`/ideas/${encodeURIComponent(id)}`, changes, {
        headers: { 'If-Match': ifMatchOf(version) },
      }),
    onSuccess: invalidate,
  });
}

/** Supports an idea, or withdraws the support. */
export function useToggleSupport() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: async ({ id, isSupported }: { id: string; isSupported: boolean }) =>
      (
        await apiRequest<SupportResult>(
          isSupported ? 'DELETE' : 'PUT',
          `/ideas/${encodeURIComponent(id)}/supports`,
        )
      ).data,
    onSuccess: invalidate,
  });
}

/** Withdraws one's own idea. */
export function useWithdrawIdea() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: (id: string) =>
      apiClient.post<IdeaDetail>(`/ideas/${encodeURIComponent(id)}/withdraw`, undefined),
    onSuccess: invalidate,
  });
}

/** Hides or restores an idea (reform office). */
export function useModerateIdea() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'hide' | 'restore'; reason: string }) =>
      apiClient.post<IdeaDetail>(`/ideas/${encodeURIComponent(id)}/moderation`, { action, reason }),
    onSuccess: invalidate,
  });
}

/** Adds a comment. */
export function useAddComment() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      apiClient.post<IdeaComment>(`/ideas/${encodeURIComponent(id)}/comments`, { body }),
    onSuccess: invalidate,
  });
}

/** Hides a comment (reform office). */
export function useHideComment() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: ({ ideaId, commentId, reason }: { ideaId: string; commentId: string; reason: string }) =>
      apiClient.post<void>(
        `/ideas/${encodeURIComponent(ideaId)}/comments/${encodeURIComponent(commentId)}/hide`,
        { reason },
      ),
    onSuccess: invalidate,
  });
}

/** Merges a duplicate into the idea to keep, or undoes the merge (PT). */
export function useMergeIdea() {
  const invalidate = useInvalidatePlatinum();
  return useMutation({
    mutationFn: async ({ id, keptIdeaId }: { id: string; keptIdeaId: string | null }) =>
      (
        await apiRequest<IdeaDetail>(
          keptIdeaId ? 'PUT' : 'DELETE',
          `/ideas/${encodeURIComponent(id)}/merge`,
          {
            body: keptIdeaId ? { keptIdeaId } : undefined,
          },
        )
      ).data,
    onSuccess: invalidate,
  });
}
