import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, ifMatchOf } from '@/lib/api-client';
import type { OrgUnit } from '../types';
import { orgUnitsQueryKey } from './get-org-units';

/**
 * One org unit and its ETag. Used for If-Match when the list did not carry `version`
 * (the list contract does not promise it).
 */
export async function getOrgUnit(
  id: string,
  signal?: AbortSignal,
): Promise<{ orgUnit: OrgUnit; etag: string }> {
  const response = await apiRequest<OrgUnit>('GET', `/org-units/${encodeURIComponent(id)}`, { signal });
  const etag =
    response.etag ?? (response.data.version === undefined ? null : ifMatchOf(response.data.version));
  if (!etag) throw new Error('The server sent no ETag for the org unit.');
  return { orgUnit: response.data, etag };
}

export function getOrgUnitQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...orgUnitsQueryKey, 'detail', id],
    queryFn: ({ signal }) => getOrgUnit(id, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useOrgUnit(id: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...getOrgUnitQueryOptions(id), enabled });
}
