import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meetingsQueryKey } from './get-meeting';

/** A write on a meeting's record; afterwards the meeting (and lists, proposals) are read afresh. */
export function useMeetingMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}
