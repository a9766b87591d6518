import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useOrgUnits } from '@/features/org-units/api/get-org-units';
import { orgUnitOptions } from '@/features/org-units/utils/org-unit-tree';
import { USERS_PAGE_SIZE, useUsers } from '@/features/users/api/get-users';
import { UserFormDialog, type UserFormMode } from '@/features/users/components/user-form-dialog';
import { UserSearchForm } from '@/features/users/components/user-search-form';
import { UsersTable } from '@/features/users/components/users-table';
import type { User } from '@/features/users/types';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ACCESS } from '@/lib/authorization';
import { todayInTokyo } from '@/lib/format';
import { useT } from '@/lib/i18n/i18n-provider';
import { RequireRoles } from '../forbidden';
import { AdminNav } from './admin-nav';

const routeApi = getRouteApi('/authenticated/admin/users');

type DialogState = { type: 'create' } | { type: 'edit'; id: string } | null;

/** 管理 › ユーザー (system administrators). */
export function AdminUsersRoute() {
  return (
    <RequireRoles roles={ACCESS.admin}>
      <AdminUsersPage />
    </RequireRoles>
  );
}

function AdminUsersPage() {
  const t = useT();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const users = useUsers(search);
  const orgUnits = useOrgUnits();
  const resultsRef = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [status, setStatus] = useState('');
  useDocumentTitle(t('admin.users'));

  const units = orgUnits.data?.items ?? [];
  const editingUser =
    dialog?.type === 'edit' ? users.data?.items.find((user) => user.id === dialog.id) : undefined;
  const mode: UserFormMode | null =
    dialog?.type === 'create' ? dialog : editingUser ? { type: 'edit', user: editingUser } : null;
  const options = orgUnitOptions(units, {
    today: todayInTokyo(),
    keepIds: [
      search.orgUnitId,
      editingUser?.orgUnitId,
      ...(editingUser?.roles.map((role) => role.orgUnitId) ?? []),
    ],
  });
  const nameOf = (id: string) => units.find((unit) => unit.id === id)?.name;

  const onSaved = (user: User) => {
    setStatus(t(dialog?.type === 'create' ? 'users.created' : 'users.saved', { name: user.displayName }));
    setDialog(null);
  };

  return (
    <>
      <PageHeading lead={t('admin.usersLead')}>{t('admin.users')}</PageHeading>
      <AdminNav />
      <UserSearchForm
        key={JSON.stringify(search)}
        value={search}
        orgUnitOptions={options}
        onSearch={(next) => void navigate({ search: next })}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <p role="status" className="text-std-16N-170 text-success-2">
          {status}
        </p>
        <Button
          onClick={() => {
            setStatus('');
            setDialog({ type: 'create' });
          }}
        >
          {t('users.add')}
        </Button>
      </div>
      <div ref={resultsRef} tabIndex={-1}>
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <UsersTable
              users={users.data.items}
              total={users.data.total}
              orgUnitName={nameOf}
              onEdit={(user) => {
                setStatus('');
                setDialog({ type: 'edit', id: user.id });
              }}
            />
            <Pagination
              label={t('users.pagination')}
              page={users.data.page}
              pageSize={users.data.pageSize || USERS_PAGE_SIZE}
              total={users.data.total}
              onPageChange={(page) => {
                void navigate({ search: (previous) => ({ ...previous, page }) });
                resultsRef.current?.focus();
              }}
            />
          </>
        )}
      </div>
      <UserFormDialog
        mode={mode}
        orgUnitOptions={options}
        onClose={() => setDialog(null)}
        onSaved={onSaved}
        onReload={() => void users.refetch()}
      />
    </>
  );
}
