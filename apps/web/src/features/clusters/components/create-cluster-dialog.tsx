import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useOrgUnits } from '@/features/org-units/api/get-org-units';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { FiscalYear } from '@/types/api';
import { useRegisterChange } from '../api/register-changes';
import { useClusterText } from '../messages';
import type { ClusterGroupDefinition } from '../types';
import { ChangeForm } from './change-form';
import {
  ClusterFields,
  emptyClusterForm,
  type NewClusterForm,
  OwnerChecklist,
  ownerOptionsOf,
  readClusterForm,
  useChangeFeedback,
} from './cluster-fields';

const ID = 'cluster-create';

/** 事業クラスターの追加 (reform office): a button that opens the form in a dialog. */
export function CreateClusterButton({
  groups,
  fiscalYears,
  fiscalYear,
}: {
  groups: readonly ClusterGroupDefinition[];
  fiscalYears: readonly FiscalYear[];
  /** The year the register shows: the default year the cluster is added from. */
  fiscalYear: number;
}) {
  const text = useClusterText();
  const { language } = useLanguage();
  const [isOpen, setIsOpen] = useState(false);
  const [added, setAdded] = useState<{ id: string; name: string; year: string } | null>(null);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button variant="secondary" onClick={() => setIsOpen(true)}>
          {text('addCluster')}
        </Button>
      </div>
      {added ? (
        <Alert tone="success" announce="polite">
          <p>{text('added', { name: added.name, year: added.year })}</p>
          <Link to="/clusters/$clusterId" params={{ clusterId: added.id }} className="link">
            {added.name}
          </Link>
        </Alert>
      ) : null}
      <Dialog open={isOpen} onClose={() => setIsOpen(false)} title={text('addTitle')} size="lg">
        <CreateClusterForm
          groups={groups}
          fiscalYears={fiscalYears}
          fiscalYear={fiscalYear}
          onCancel={() => setIsOpen(false)}
          onCreated={(id, name, year) => {
            setIsOpen(false);
            const item = fiscalYears.find((candidate) => candidate.year === year);
            setAdded({
              id,
              name,
              year: fiscalYearLabel(item ?? { year, label: '', isCurrent: false }, language),
            });
          }}
        />
      </Dialog>
    </div>
  );
}

function CreateClusterForm({
  groups,
  fiscalYears,
  fiscalYear,
  onCancel,
  onCreated,
}: {
  groups: readonly ClusterGroupDefinition[];
  fiscalYears: readonly FiscalYear[];
  fiscalYear: number;
  onCancel: () => void;
  onCreated: (id: string, name: string, year: number) => void;
}) {
  const text = useClusterText();
  const orgUnits = useOrgUnits();
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(
    fiscalYears.some((item) => item.year === fiscalYear) ? fiscalYear : null,
  );
  const [form, setForm] = useState<NewClusterForm>(emptyClusterForm);
  const [owners, setOwners] = useState<string[]>([]);
  const [note, setNote] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const read = readClusterForm(form, groups, 'cluster', text);
    // In the order of the form, so the summary reads top to bottom.
    const problems = { ...(year === null ? { fiscalYear: text('yearRequired') } : {}), ...read.errors };
    if (!feedback.check(problems) || !read.value || year === null) {
      change.reset();
      return;
    }
    const cluster = { ...read.value, owningOrgUnitIds: owners };
    change.mutate(
      { kind: 'create', fiscalYear: year, cluster, note: note.trim() },
      {
        onSuccess: (result) => onCreated(result.clusterIds[0]!, `${cluster.number}. ${cluster.name}`, year),
        onError: feedback.failed,
      },
    );
  };

  return (
    <ChangeForm
      idPrefix={ID}
      feedback={feedback}
      onSubmit={onSubmit}
      onReload={() => change.reset()}
      year={{ years: fiscalYears, value: year, onChange: setYear }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('add'), busyLabel: text('adding'), isBusy: change.isPending }}
      secondaryAction={
        <Button variant="secondary" onClick={onCancel}>
          {text('cancel')}
        </Button>
      }
    >
      <ClusterFields
        idPrefix={ID}
        path="cluster"
        legend={text('newCluster')}
        value={form}
        onChange={setForm}
        groups={groups}
        errors={feedback.errors}
      />
      <OwnerChecklist
        idPrefix={ID}
        options={ownerOptionsOf(orgUnits.data?.items ?? [])}
        selected={owners}
        onChange={setOwners}
        error={feedback.errors['cluster.owningOrgUnitIds']}
      />
    </ChangeForm>
  );
}
