import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OpenDataIndex, PublicProgramme } from '../types';

/** The programme as published (no sign-in). */
export function usePublicProgramme(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ['public', 'programme', fiscalYear ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<PublicProgramme>('/public/programme', { query: { fy: fiscalYear }, signal }),
  });
}

/** The open-data index (no sign-in). */
export function useOpenDataIndex(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ['public', 'open-data', fiscalYear ?? null],
    queryFn: ({ signal }) =>
      apiClient.get<OpenDataIndex>('/public/open-data', { query: { fy: fiscalYear }, signal }),
  });
}
