import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';

/** Signs out (ends the session on the server). */
export function deleteSession(): Promise<void> {
  return apiClient.delete('/session');
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSettled: () => {
      // Whatever the server said, nothing the signed-in user saw may stay in memory.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
