import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { tokyoDayBoundary } from '@/lib/format';
import type { Page } from '@/types/api';
import type { AuditEvent, AuditSearch } from '../types';

export const AUDIT_PAGE_SIZE = 20;

/**
 * A page of audit events, newest first (reform office and system administrators). The days
 * chosen are sent as instants: `from` at 00:00 and `to` at 23:59:59.999 Tokyo time.
 */
export function getAuditEvents(search: AuditSearch, signal?: AbortSignal) {
  return apiClient.get<Page<AuditEvent>>('/audit-events', {
    query: {
      actorId: search.actorId,
      entityType: search.entityType,
      entityId: search.entityId,
      from: search.from ? tokyoDayBoundary(search.from, 'start') : undefined,
      to: search.to ? tokyoDayBoundary(search.to, 'end') : undefined,
      page: search.page ?? 1,
      pageSize: AUDIT_PAGE_SIZE,
    },
    signal,
  });
}

export function getAuditEventsQueryOptions(search: AuditSearch) {
  return queryOptions({
    queryKey: ['audit-events', 'list', search],
    queryFn: ({ signal }) => getAuditEvents(search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(search: AuditSearch) {
  return useQuery(getAuditEventsQueryOptions(search));
}
