import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, ifMatchOf } from '@/lib/api-client';
import type { User, UserChanges } from '../types';
import { usersQueryKey } from './get-users';

export type UpdateUserInput = { id: string; version: number; changes: UserChanges };

/** Changes a user (system administrators only); 412 when someone saved in between. */
export function updateUser({ id, version, changes }: UpdateUserInput): Promise<User> {
  return apiClient.patch<User>(`/users/${encodeURIComponent(id)}`, changes, {
    headers: { 'If-Match': ifMatchOf(version) },
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
