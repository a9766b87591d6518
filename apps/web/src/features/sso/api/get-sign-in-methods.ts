import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type SignInMethods = { isLocalLoginEnabled: boolean; isSingleSignOnEnabled: boolean };

/** Which ways of signing in the installation offers (public). */
export function getSignInMethods(signal?: AbortSignal) {
  return apiClient.get<SignInMethods>('/sign-in-methods', { signal });
}

export function getSignInMethodsQueryOptions() {
  return queryOptions({
    queryKey: ['sign-in-methods'],
    queryFn: ({ signal }) => getSignInMethods(signal),
    staleTime: 10 * 60_000,
  });
}

export function useSignInMethods() {
  return useQuery(getSignInMethodsQueryOptions());
}
