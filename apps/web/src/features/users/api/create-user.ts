import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { CreateUserInput, User } from '../types';
import { usersQueryKey } from './get-users';

/** Adds a user account (system administrators only). */
export function createUser(input: CreateUserInput): Promise<User> {
  return apiClient.post<User>('/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
