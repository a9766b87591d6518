import { getRouteApi } from '@tanstack/react-router';
import { useRef } from 'react';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { AUDIT_PAGE_SIZE, useAuditEvents } from '@/features/audit/api/get-audit-events';
import { AuditEventsTable } from '@/features/audit/components/audit-events-table';
import { AuditFilters } from '@/features/audit/components/audit-filters';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ACCESS } from '@/lib/authorization';
import { useT } from '@/lib/i18n/i18n-provider';
import { RequireRoles } from '../forbidden';

const routeApi = getRouteApi('/authenticated/admin/audit');

/** 監査ログ (reform office and system administrators). */
export function AdminAuditRoute() {
  return (
    <RequireRoles roles={ACCESS.audit}>
      <AdminAuditPage />
    </RequireRoles>
  );
}

function AdminAuditPage() {
  const t = useT();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const events = useAuditEvents(search);
  const resultsRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('nav.audit'));

  return (
    <>
      <PageHeading lead={t('audit.lead')}>{t('nav.audit')}</PageHeading>
      <AuditFilters
        key={JSON.stringify(search)}
        value={search}
        onSearch={(next) => void navigate({ search: next })}
      />
      <div ref={resultsRef} tabIndex={-1}>
        {events.isPending ? (
          <Loading />
        ) : events.isError ? (
          <QueryError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <>
            <AuditEventsTable
              events={events.data.items}
              total={events.data.total}
              onFilter={(next) => {
                void navigate({ search: next });
                resultsRef.current?.focus();
              }}
            />
            <Pagination
              label={t('audit.pagination')}
              page={events.data.page}
              pageSize={events.data.pageSize || AUDIT_PAGE_SIZE}
              total={events.data.total}
              onPageChange={(page) => {
                void navigate({ search: (previous) => ({ ...previous, page }) });
                resultsRef.current?.focus();
              }}
            />
          </>
        )}
      </div>
    </>
  );
}
