import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { MailSettings } from '../types';

export const mailSettingsQueryKey = ['mail-settings'] as const;

/** How I receive e-mail. */
export function getMailSettings(signal?: AbortSignal) {
  return apiClient.get<MailSettings>('/me/mail-settings', { signal });
}

export function getMailSettingsQueryOptions() {
  return queryOptions({ queryKey: mailSettingsQueryKey, queryFn: ({ signal }) => getMailSettings(signal) });
}

export function useMailSettings() {
  return useQuery(getMailSettingsQueryOptions());
}
