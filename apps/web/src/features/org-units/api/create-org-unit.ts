import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { OrgUnit, OrgUnitInput } from '../types';
import { orgUnitsQueryKey } from './get-org-units';

/** Adds an org unit (system administrators only). */
export function createOrgUnit(input: OrgUnitInput): Promise<OrgUnit> {
  return apiClient.post<OrgUnit>('/org-units', input);
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgUnitsQueryKey }),
  });
}
