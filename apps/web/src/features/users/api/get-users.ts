import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Page } from '@/types/api';
import type { User, UserSearch } from '../types';

export const usersQueryKey = ['users'] as const;
export const USERS_PAGE_SIZE = 20;

/** A page of users matching the search (system administrators only). */
export function getUsers(search: UserSearch, signal?: AbortSignal) {
  return apiClient.get<Page<User>>('/users', {
    query: {
      q: search.q,
      orgUnitId: search.orgUnitId,
      role: search.role,
      active: search.active,
      page: search.page ?? 1,
      pageSize: USERS_PAGE_SIZE,
    },
    signal,
  });
}

export function getUsersQueryOptions(search: UserSearch) {
  return queryOptions({
    queryKey: [...usersQueryKey, 'list', search],
    queryFn: ({ signal }) => getUsers(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(search: UserSearch) {
  return useQuery(getUsersQueryOptions(search));
}
