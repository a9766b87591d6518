import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Me } from '@/types/api';
import { meQueryKey } from './get-me';

export type SignInInput = { login: string; password: string };

/** Signs in; the server sets the HttpOnly session cookie. */
export function createSession(input: SignInInput): Promise<{ user: Me }> {
  return apiClient.post<{ user: Me }>('/session', input);
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: ({ user }) => {
      // Drop whatever an earlier session (or nobody) had loaded, then remember who signed in.
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
