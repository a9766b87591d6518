import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useOrgUnits } from '@/features/org-units/api/get-org-units';
import {
  OrgUnitFormDialog,
  type OrgUnitFormMode,
} from '@/features/org-units/components/org-unit-form-dialog';
import { OrgUnitTree } from '@/features/org-units/components/org-unit-tree';
import type { OrgUnit } from '@/features/org-units/types';
import { buildOrgUnitTree, isInEffect } from '@/features/org-units/utils/org-unit-tree';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ACCESS } from '@/lib/authorization';
import { todayInTokyo } from '@/lib/format';
import { useT } from '@/lib/i18n/i18n-provider';
import { RequireRoles } from '../forbidden';
import { AdminNav } from './admin-nav';

type DialogState = { type: 'create'; parentId: string | null } | { type: 'edit'; id: string } | null;

/** 管理 › 組織 (system administrators). */
export function AdminOrgUnitsRoute() {
  return (
    <RequireRoles roles={ACCESS.admin}>
      <AdminOrgUnitsPage />
    </RequireRoles>
  );
}

function AdminOrgUnitsPage() {
  const t = useT();
  const orgUnits = useOrgUnits();
  const [showEnded, setShowEnded] = useState(false);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [status, setStatus] = useState('');
  useDocumentTitle(t('admin.orgUnits'));

  const today = todayInTokyo();
  const units = orgUnits.data?.items ?? [];
  const find = (id: string | null) => (id ? units.find((unit) => unit.id === id) : undefined);
  let mode: OrgUnitFormMode | null = null;
  if (dialog?.type === 'create') mode = { type: 'create', parent: find(dialog.parentId) ?? null };
  if (dialog?.type === 'edit') {
    const unit = find(dialog.id);
    if (unit) mode = { type: 'edit', unit };
  }
  const shownUnits = showEnded ? units : units.filter((unit) => isInEffect(unit, today));

  const onSaved = (unit: OrgUnit) => {
    setStatus(t(dialog?.type === 'edit' ? 'orgUnits.saved' : 'orgUnits.created', { name: unit.name }));
    setDialog(null);
  };

  return (
    <>
      <PageHeading lead={t('admin.orgUnitsLead')}>{t('admin.orgUnits')}</PageHeading>
      <AdminNav />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <CheckboxField
          label={t('orgUnits.showEnded')}
          checked={showEnded}
          onChange={(event) => setShowEnded(event.target.checked)}
        />
        <Button
          onClick={() => {
            setStatus('');
            setDialog({ type: 'create', parentId: null });
          }}
        >
          {t('orgUnits.add')}
        </Button>
      </div>
      <p role="status" className="mb-4 text-std-16N-170 text-success-2">
        {status}
      </p>
      {orgUnits.isPending ? (
        <Loading />
      ) : orgUnits.isError ? (
        <QueryError error={orgUnits.error} onRetry={() => void orgUnits.refetch()} />
      ) : (
        <OrgUnitTree
          roots={buildOrgUnitTree(shownUnits)}
          today={today}
          onEdit={(unit) => {
            setStatus('');
            setDialog({ type: 'edit', id: unit.id });
          }}
          onAddChild={(parent) => {
            setStatus('');
            setDialog({ type: 'create', parentId: parent.id });
          }}
        />
      )}
      <OrgUnitFormDialog
        mode={mode}
        units={units}
        onClose={() => setDialog(null)}
        onSaved={onSaved}
        onReload={() => void orgUnits.refetch()}
      />
    </>
  );
}
