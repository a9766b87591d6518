import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OrgUnit, OrgUnitInput } from '../types';
import { orgUnitsQueryKey } from './get-org-units';

export type UpdateOrgUnitInput = { id: string; etag: string; changes: Partial<OrgUnitInput> };

/** Changes an org unit (system administrators only); 412 when someone saved in between. */
export function updateOrgUnit({ id, etag, changes }: UpdateOrgUnitInput): Promise<OrgUnit> {
  return apiClient.patch<OrgUnit>(`/org-units/${encodeURIComponent(id)}`, changes, {
    headers: { 'If-Match': etag },
  });
}

export function useUpdateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey }),
  });
}
