import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useActions } from '@/features/actions/api/actions';
import { ActionsTable } from '@/features/actions/components/actions-table';
import { ReportProgressDialog } from '@/features/actions/components/report-progress-dialog';
import { useActionText } from '@/features/actions/messages';
import type { Action, ActionsSearch } from '@/features/actions/types';
import { useDocumentTitle } from '@/hooks/use-document-title';

const routeApi = getRouteApi('/authenticated/actions');

/** 指示事項: the actions of the user's units with due and overdue marks, and progress reports. */
export function MyActionsRoute() {
  const at = useActionText();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const actions = useActions(search);
  const [reporting, setReporting] = useState<Action | null>(null);
  useDocumentTitle(at('title'));
  return (
    <>
      <PageHeading lead={at('lead')}>{at('title')}</PageHeading>
      <ActionFilters
        key={JSON.stringify(search)}
        value={search}
        onApply={(next) => void navigate({ search: next })}
      />
      {actions.isPending ? <Loading /> : null}
      {actions.isError ? <QueryError error={actions.error} onRetry={() => void actions.refetch()} /> : null}
      {actions.data ? <ActionsTable actions={actions.data.items} onReport={setReporting} /> : null}
      <ReportProgressDialog action={reporting} onClose={() => setReporting(null)} />
    </>
  );
}

function ActionFilters({ value, onApply }: { value: ActionsSearch; onApply: (next: ActionsSearch) => void }) {
  const at = useActionText();
  const [owner, setOwner] = useState(value.owner ?? 'mine');
  const [status, setStatus] = useState(value.status ?? '');
  const [overdue, setOverdue] = useState(value.overdue === true);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      owner: owner === 'all' ? 'all' : undefined,
      status: status === 'open' || status === 'closed' ? status : undefined,
      overdue: overdue ? true : undefined,
    });
  }
  return (
    <form onSubmit={onSubmit} className="mb-8">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="mb-2 text-std-17B-170">{at('filter.legend')}</legend>
        <SelectField
          label={at('filter.owner')}
          value={owner}
          onChange={(event) => setOwner(event.target.value === 'all' ? 'all' : 'mine')}
          options={[
            { value: 'mine', label: at('filter.mine') },
            { value: 'all', label: at('filter.all') },
          ]}
        />
        <SelectField
          label={at('filter.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as '' | 'open' | 'closed')}
          options={[
            { value: '', label: at('filter.any') },
            { value: 'open', label: at('filter.open') },
            { value: 'closed', label: at('filter.closed') },
          ]}
        />
        <CheckboxField
          label={at('filter.overdue')}
          checked={overdue}
          onChange={(event) => setOverdue(event.target.checked)}
          className="pb-3"
        />
        <Button type="submit" variant="secondary">
          {at('filter.apply')}
        </Button>
      </fieldset>
    </form>
  );
}
