import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, ifMatchOf } from '@/lib/api-client';
import type { MailDelivery, MailSettings } from '../types';
import { mailSettingsQueryKey } from './get-mail-settings';

/** Changes how I receive e-mail (If-Match: the version read). */
export async function updateMailSettings(input: { delivery: MailDelivery; version: number }) {
  const response = await apiRequest<MailSettings>('PUT', '/me/mail-settings', {
    body: { delivery: input.delivery },
    headers: { 'If-Match': ifMatchOf(input.version) },
  });
  return response.data;
}

export function useUpdateMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMailSettings,
    onSuccess: (saved) => queryClient.setQueryData(mailSettingsQueryKey, saved),
  });
}
