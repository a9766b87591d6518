import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, ifMatchOf } from '@/lib/api-client';
import { clustersQueryKey } from './get-clusters';

/** A cluster to add to the register (new, or the result of a merge or split). */
export type NewCluster = {
  number: number;
  name: string;
  group: string;
  kind: string | null;
  owningOrgUnitIds?: string[];
};

/** What every register change answers: the clusters it made or touched. */
export type RegisterChangeResult = { clusterIds: string[] };

/** One change of the register (reform office). Versions go as If-Match (or in the body for merges). */
export type RegisterChange =
  | { kind: 'create'; fiscalYear: number; cluster: NewCluster; note: string }
  | {
      kind: 'update';
      clusterId: string;
      version: number;
      fiscalYear: number;
      changes: { number?: number; name?: string; group?: string; kind?: string | null };
      note: string;
    }
  | {
      kind: 'owners';
      clusterId: string;
      version: number;
      fiscalYear: number;
      orgUnitIds: string[];
      note: string;
    }
  | {
      kind: 'merge';
      fiscalYear: number;
      sources: { id: string; version: number }[];
      into: NewCluster;
      note: string;
    }
  | {
      kind: 'split';
      clusterId: string;
      version: number;
      fiscalYear: number;
      parts: NewCluster[];
      note: string;
    }
  | { kind: 'retire'; clusterId: string; version: number; fiscalYear: number; note: string };

const pathOf = (id: string) => `/clusters/${encodeURIComponent(id)}`;

/** Sends one register change. */
export async function sendRegisterChange(change: RegisterChange): Promise<RegisterChangeResult> {
  switch (change.kind) {
    case 'create': {
      const { kind: _, ...body } = change;
      return (await apiRequest<RegisterChangeResult>('POST', '/clusters', { body })).data;
    }
    case 'update':
      await apiRequest('PATCH', pathOf(change.clusterId), {
        query: { fy: change.fiscalYear },
        body: { ...change.changes, ...(change.note ? { note: change.note } : {}) },
        headers: { 'If-Match': ifMatchOf(change.version) },
      });
      return { clusterIds: [change.clusterId] };
    case 'owners':
      return (
        await apiRequest<RegisterChangeResult>('PUT', `${pathOf(change.clusterId)}/owners`, {
          body: { fiscalYear: change.fiscalYear, orgUnitIds: change.orgUnitIds, note: change.note },
          headers: { 'If-Match': ifMatchOf(change.version) },
        })
      ).data;
    case 'merge': {
      const { kind: _, ...body } = change;
      return (await apiRequest<RegisterChangeResult>('POST', '/clusters/merge', { body })).data;
    }
    case 'split':
      return (
        await apiRequest<RegisterChangeResult>('POST', `${pathOf(change.clusterId)}/split`, {
          body: { fiscalYear: change.fiscalYear, parts: change.parts, note: change.note },
          headers: { 'If-Match': ifMatchOf(change.version) },
        })
      ).data;
    case 'retire':
      return (
        await apiRequest<RegisterChangeResult>('POST', `${pathOf(change.clusterId)}/retire`, {
          body: { fiscalYear: change.fiscalYear, note: change.note },
          headers: { 'If-Match': ifMatchOf(change.version) },
        })
      ).data;
  }
}

/**
 * A register change as a mutation; afterwards the register, every cluster's history and the
 * analysis screens (which show clusters) are read again.
 */
export function useRegisterChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendRegisterChange,
    // Not awaited: the form's own onSuccess must run before the refetched version remounts it.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clustersQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['analyses'] });
    },
  });
}
