import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { SearchParams, SearchResults } from '../types';

export const SEARCH_PAGE_SIZE = 20;

/** Searches everything the person may read (the public: what is published). */
export function getSearchResults(params: SearchParams, signal?: AbortSignal) {
  return apiClient.get<SearchResults>('/search', {
    query: {
      q: params.q,
      kind: params.kind,
      fy: params.fy,
      page: params.page,
      scope: params.scope,
      pageSize: SEARCH_PAGE_SIZE,
    },
    signal,
  });
}

export function getSearchResultsQueryOptions(params: SearchParams) {
  return queryOptions({
    queryKey: ['search', params],
    queryFn: ({ signal }) => getSearchResults(params, signal),
    enabled: Boolean(params.q?.trim()),
    placeholderData: keepPreviousData,
  });
}

export function useSearchResults(params: SearchParams) {
  return useQuery(getSearchResultsQueryOptions(params));
}
