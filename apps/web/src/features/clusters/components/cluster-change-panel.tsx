import { Link } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useOrgUnits } from '@/features/org-units/api/get-org-units';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { FiscalYear } from '@/types/api';
import { useClusters } from '../api/get-clusters';
import { type NewCluster, useRegisterChange } from '../api/register-changes';
import { useClusterText } from '../messages';
import type { ClusterGroupDefinition } from '../types';
import { ChangeForm } from './change-form';
import {
  ChoiceFieldset,
  ClusterFields,
  emptyClusterForm,
  fieldId,
  type NewClusterForm,
  OwnerChecklist,
  ownerOptionsOf,
  readClusterForm,
  useChangeFeedback,
} from './cluster-fields';

/** A cluster's revisions and version, as its history page has them. */
export type ClusterForChange = {
  id: string;
  version: number;
  owningOrgUnits: { id: string; name: string }[];
  revisions: {
    validFromFiscalYear: number;
    validToFiscalYear: number | null;
    number: number;
    name: string;
    group: { code: string; name: string };
    kind: { code: string; name: string } | null;
  }[];
};

type Done = { message: string; links: { id: string; label: string }[] };

type ChangeProps = {
  cluster: ClusterForChange;
  groups: readonly ClusterGroupDefinition[];
  fiscalYears: readonly FiscalYear[];
  onDone: (done: Done) => void;
  onReload: () => void;
};

function revisionIn(cluster: ClusterForChange, year: number) {
  return cluster.revisions.find(
    (revision) =>
      revision.validFromFiscalYear <= year &&
      (revision.validToFiscalYear === null || revision.validToFiscalYear >= year),
  );
}

function formOf(revision: ClusterForChange['revisions'][number] | undefined): NewClusterForm {
  return revision
    ? {
        number: String(revision.number),
        name: revision.name,
        group: revision.group.code,
        kind: revision.kind?.code ?? '',
      }
    : emptyClusterForm;
}

function useYearLabel() {
  const { language } = useLanguage();
  return (years: readonly FiscalYear[], year: number) =>
    fiscalYearLabel(
      years.find((item) => item.year === year) ?? { year, label: '', isCurrent: false },
      language,
    );
}

/** The years a change may take effect from: open years in which the cluster is listed. */
function yearsListed(cluster: ClusterForChange, fiscalYears: readonly FiscalYear[], laterThanStart: boolean) {
  const start = cluster.revisions[0]?.validFromFiscalYear ?? Number.POSITIVE_INFINITY;
  return fiscalYears.filter(
    (item) => revisionIn(cluster, item.year) && (!laterThanStart || item.year > start),
  );
}

function defaultYear(years: readonly FiscalYear[]): number | null {
  return (years.find((item) => item.isCurrent) ?? years.at(-1))?.year ?? null;
}

/** One change as a disclosure: the summary is a heading-like button reached by Tab. */
function ChangeSection({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <details id={id} className="rounded-8 border border-solid-gray-420 px-4 py-3 open:pb-6">
      <summary className="cursor-pointer py-1 text-std-17B-170 text-blue-900 underline underline-offset-[3px]">
        {title}
      </summary>
      <div className="mt-4 flex flex-col gap-6">
        <p className="max-w-3xl text-std-16N-170 text-solid-gray-700">{lead}</p>
        {children}
      </div>
    </details>
  );
}

function RenameForm({ cluster, groups, fiscalYears, onDone, onReload }: ChangeProps) {
  const text = useClusterText();
  const yearLabel = useYearLabel();
  const ID = `cluster-${cluster.id}-rename`;
  const years = yearsListed(cluster, fiscalYears, false);
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(defaultYear(years));
  const revision = year === null ? undefined : revisionIn(cluster, year);
  const [form, setForm] = useState<NewClusterForm>(formOf(revision));
  const [note, setNote] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const read = readClusterForm(form, groups, 'cluster', text);
    // In the order of the form, so the summary reads top to bottom.
    const problems = { ...(year === null ? { fiscalYear: text('yearRequired') } : {}), ...read.errors };
    if (!feedback.check(problems) || !read.value || year === null || !revision) {
      change.reset();
      return;
    }
    const next = read.value;
    const changes: { number?: number; name?: string; group?: string; kind?: string | null } = {};
    if (next.number !== revision.number) changes.number = next.number;
    if (next.name !== revision.name) changes.name = next.name;
    if (next.group !== revision.group.code) changes.group = next.group;
    if (next.kind !== (revision.kind?.code ?? null)) changes.kind = next.kind;
    if (Object.keys(changes).length === 0) {
      feedback.check({ 'cluster.name': text('noChange') });
      return;
    }
    change.mutate(
      {
        kind: 'update',
        clusterId: cluster.id,
        version: cluster.version,
        fiscalYear: year,
        changes,
        note: note.trim(),
      },
      {
        onSuccess: () =>
          onDone({ message: text('renamed', { year: yearLabel(fiscalYears, year) }), links: [] }),
        onError: feedback.failed,
      },
    );
  };

  // The PATCH names fields without the `cluster.` prefix; show its messages beside the same fields.
  const errors = Object.fromEntries(
    Object.entries(feedback.errors).map(([path, message]) => [
      path.startsWith('cluster.') || path === 'fiscalYear' ? path : `cluster.${path}`,
      message,
    ]),
  );
  return (
    <ChangeForm
      idPrefix={ID}
      feedback={{ ...feedback, errors }}
      onSubmit={onSubmit}
      onReload={() => {
        change.reset();
        onReload();
      }}
      year={{
        years,
        value: year,
        onChange: (next) => {
          setYear(next);
          setForm(formOf(revisionIn(cluster, next)));
        },
      }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('rename'), isBusy: change.isPending }}
    >
      <ClusterFields
        idPrefix={ID}
        path="cluster"
        legend={text('renameFields')}
        value={form}
        onChange={setForm}
        groups={groups}
        errors={errors}
      />
    </ChangeForm>
  );
}

function OwnersForm({ cluster, fiscalYears, onDone, onReload }: ChangeProps) {
  const text = useClusterText();
  const ID = `cluster-${cluster.id}-owners`;
  const orgUnits = useOrgUnits();
  const years = yearsListed(cluster, fiscalYears, false);
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(defaultYear(years));
  const [owners, setOwners] = useState(cluster.owningOrgUnits.map((unit) => unit.id));
  const [note, setNote] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    if (!feedback.check(year === null ? { fiscalYear: text('yearRequired') } : {}) || year === null) return;
    change.mutate(
      {
        kind: 'owners',
        clusterId: cluster.id,
        version: cluster.version,
        fiscalYear: year,
        orgUnitIds: owners,
        note: note.trim(),
      },
      { onSuccess: () => onDone({ message: text('ownersSaved'), links: [] }), onError: feedback.failed },
    );
  };
  return (
    <ChangeForm
      idPrefix={ID}
      feedback={feedback}
      onSubmit={onSubmit}
      onReload={() => {
        change.reset();
        onReload();
      }}
      year={{ years, value: year, onChange: setYear }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('ownersSave'), isBusy: change.isPending }}
    >
      <OwnerChecklist
        idPrefix={ID}
        options={ownerOptionsOf(orgUnits.data?.items ?? [], cluster.owningOrgUnits)}
        selected={owners}
        onChange={setOwners}
        error={feedback.errors.orgUnitIds}
      />
    </ChangeForm>
  );
}

function MergeForm({ cluster, groups, fiscalYears, onDone, onReload }: ChangeProps) {
  const text = useClusterText();
  const yearLabel = useYearLabel();
  const ID = `cluster-${cluster.id}-merge`;
  const years = yearsListed(cluster, fiscalYears, true);
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(defaultYear(years));
  const register = useClusters({ fiscalYear: year ?? undefined });
  const [others, setOthers] = useState<string[]>([]);
  const [form, setForm] = useState<NewClusterForm>(() => ({
    ...formOf(year === null ? undefined : revisionIn(cluster, year)),
    name: '',
  }));
  const [note, setNote] = useState('');
  if (years.length === 0) return <p className="max-w-3xl text-std-16N-170">{text('noLaterYear')}</p>;
  const candidates = (register.data?.items ?? []).filter((item) => item.id !== cluster.id);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const read = readClusterForm(form, groups, 'into', text);
    // In the order of the form, so the summary reads top to bottom.
    const problems = {
      ...(year === null ? { fiscalYear: text('yearRequired') } : {}),
      ...(others.length === 0 ? { sources: text('mergeWithRequired') } : {}),
      ...read.errors,
    };
    if (!feedback.check(problems) || !read.value || year === null) {
      change.reset();
      return;
    }
    const into: NewCluster = read.value;
    const sources = [
      { id: cluster.id, version: cluster.version },
      ...others.map((id) => ({ id, version: candidates.find((item) => item.id === id)?.version ?? 1 })),
    ];
    change.mutate(
      { kind: 'merge', fiscalYear: year, sources, into, note: note.trim() },
      {
        onSuccess: (result) =>
          onDone({
            message: text('merged', {
              name: `${into.number}. ${into.name}`,
              year: yearLabel(fiscalYears, year),
            }),
            links: [{ id: result.clusterIds[0]!, label: `${into.number}. ${into.name}` }],
          }),
        onError: feedback.failed,
      },
    );
  };
  return (
    <ChangeForm
      idPrefix={ID}
      feedback={feedback}
      onSubmit={onSubmit}
      onReload={() => {
        change.reset();
        onReload();
        void register.refetch();
      }}
      year={{
        years,
        value: year,
        onChange: (next) => {
          setYear(next);
          setOthers([]);
        },
      }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('merge'), isBusy: change.isPending }}
    >
      <ChoiceFieldset idBase={`${ID}-sources`} legend={text('mergeWith')} error={feedback.errors.sources}>
        {register.isPending ? <Loading /> : null}
        {register.isError ? (
          <QueryError error={register.error} onRetry={() => void register.refetch()} />
        ) : null}
        <div className="grid max-h-80 gap-x-6 gap-y-1 overflow-y-auto sm:grid-cols-2">
          {candidates.map((item, index) => (
            <CheckboxField
              key={item.id}
              id={index === 0 ? fieldId(ID, 'sources') : undefined}
              label={<span lang="ja">{`${item.number}. ${item.name}`}</span>}
              checked={others.includes(item.id)}
              onChange={(event) =>
                setOthers(
                  event.target.checked ? [...others, item.id] : others.filter((other) => other !== item.id),
                )
              }
            />
          ))}
        </div>
      </ChoiceFieldset>
      <ClusterFields
        idPrefix={ID}
        path="into"
        legend={text('mergeInto')}
        value={form}
        onChange={setForm}
        groups={groups}
        errors={feedback.errors}
      />
    </ChangeForm>
  );
}

function SplitForm({ cluster, groups, fiscalYears, onDone, onReload }: ChangeProps) {
  const text = useClusterText();
  const yearLabel = useYearLabel();
  const ID = `cluster-${cluster.id}-split`;
  const years = yearsListed(cluster, fiscalYears, true);
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(defaultYear(years));
  const base = formOf(year === null ? undefined : revisionIn(cluster, year));
  const [parts, setParts] = useState<NewClusterForm[]>(() => [
    { ...base, name: '' },
    { ...base, number: '', name: '' },
  ]);
  const [note, setNote] = useState('');
  if (years.length === 0) return <p className="max-w-3xl text-std-16N-170">{text('noLaterYear')}</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const reads = parts.map((part, index) => readClusterForm(part, groups, `parts.${index}`, text));
    const problems = Object.assign(
      year === null ? { fiscalYear: text('yearRequired') } : {},
      ...reads.map((read) => read.errors),
    );
    if (!feedback.check(problems) || year === null) {
      change.reset();
      return;
    }
    const values = reads.map((read) => read.value!);
    change.mutate(
      {
        kind: 'split',
        clusterId: cluster.id,
        version: cluster.version,
        fiscalYear: year,
        parts: values,
        note: note.trim(),
      },
      {
        onSuccess: (result) =>
          onDone({
            message: text('splitDone', { count: values.length, year: yearLabel(fiscalYears, year) }),
            links: values.map((value, index) => ({
              id: result.clusterIds[index]!,
              label: `${value.number}. ${value.name}`,
            })),
          }),
        onError: feedback.failed,
      },
    );
  };
  return (
    <ChangeForm
      idPrefix={ID}
      feedback={feedback}
      onSubmit={onSubmit}
      onReload={() => {
        change.reset();
        onReload();
      }}
      year={{ years, value: year, onChange: setYear }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('split'), isBusy: change.isPending }}
    >
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity before they are saved
        <div key={index} className="flex flex-col gap-2">
          <ClusterFields
            idPrefix={ID}
            path={`parts.${index}`}
            legend={text('part', { index: index + 1 })}
            value={part}
            onChange={(next) => setParts(parts.map((item, at) => (at === index ? next : item)))}
            groups={groups}
            errors={feedback.errors}
          />
          {parts.length > 2 ? (
            <div>
              <Button
                variant="tertiary"
                size="xs"
                onClick={() => setParts(parts.filter((_, at) => at !== index))}
              >
                {text('removePart', { index: index + 1 })}
              </Button>
            </div>
          ) : null}
        </div>
      ))}
      <div>
        <Button
          variant="secondary"
          size="sm"
          aria-disabled={parts.length >= 20 || undefined}
          onClick={() => {
            if (parts.length < 20) setParts([...parts, { ...base, number: '', name: '' }]);
          }}
        >
          {text('addPart')}
        </Button>
      </div>
    </ChangeForm>
  );
}

function RetireForm({ cluster, fiscalYears, onDone, onReload }: ChangeProps) {
  const text = useClusterText();
  const yearLabel = useYearLabel();
  const ID = `cluster-${cluster.id}-retire`;
  const years = yearsListed(cluster, fiscalYears, true);
  const change = useRegisterChange();
  const feedback = useChangeFeedback(change.error);
  const [year, setYear] = useState<number | null>(defaultYear(years));
  const [note, setNote] = useState('');
  if (years.length === 0) return <p className="max-w-3xl text-std-16N-170">{text('noLaterYear')}</p>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    if (!feedback.check(year === null ? { fiscalYear: text('yearRequired') } : {}) || year === null) return;
    change.mutate(
      {
        kind: 'retire',
        clusterId: cluster.id,
        version: cluster.version,
        fiscalYear: year,
        note: note.trim(),
      },
      {
        onSuccess: () =>
          onDone({ message: text('retired', { year: yearLabel(fiscalYears, year) }), links: [] }),
        onError: feedback.failed,
      },
    );
  };
  return (
    <ChangeForm
      idPrefix={ID}
      feedback={feedback}
      onSubmit={onSubmit}
      onReload={() => {
        change.reset();
        onReload();
      }}
      year={{ years, value: year, onChange: setYear }}
      note={{ value: note, onChange: setNote }}
      submit={{ label: text('retire'), isBusy: change.isPending, variant: 'danger' }}
    />
  );
}

/**
 * The register's changes on a cluster's page (reform office only; the server checks again):
 * rename or regroup, owners, merge, split and retire, each from a fiscal year chosen.
 */
export function ClusterChangePanel({
  cluster,
  onReload,
}: {
  cluster: ClusterForChange;
  onReload: () => void;
}) {
  const text = useClusterText();
  const fiscalYears = useFiscalYears();
  const register = useClusters({ fiscalYear: undefined });
  const [done, setDone] = useState<Done | null>(null);
  // After "load the latest version" the form starts over; focus goes back to its section's summary.
  const refocus = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a reload brings a new version
  useEffect(() => {
    if (!refocus.current) return;
    document.querySelector<HTMLElement>(`#${refocus.current} summary`)?.focus();
    refocus.current = null;
  }, [cluster.version]);
  if (fiscalYears.isPending || register.isPending) return <Loading />;
  if (fiscalYears.isError)
    return <QueryError error={fiscalYears.error} onRetry={() => void fiscalYears.refetch()} />;
  if (register.isError) return <QueryError error={register.error} onRetry={() => void register.refetch()} />;
  const years = fiscalYears.data.items;
  const isListed = yearsListed(cluster, years, false).length > 0;
  const props: ChangeProps = {
    cluster,
    groups: register.data.groups,
    fiscalYears: years,
    onDone: (next) => {
      setDone(next);
      onReload();
    },
    onReload: () => {
      refocus.current = document.activeElement?.closest('details')?.id ?? null;
      onReload();
    },
  };
  // Each form starts over from the newest version after any change (its key is the version).
  const key = `${cluster.id}-${cluster.version}`;
  return (
    <section
      aria-labelledby="cluster-changes"
      className="flex flex-col gap-4 border-t border-solid-gray-300 pt-6"
    >
      <h2 id="cluster-changes" className="text-std-20B-150 text-solid-gray-900">
        {text('changesHeading')}
      </h2>
      <p className="max-w-3xl text-std-16N-170 text-solid-gray-700">{text('changesLead')}</p>
      <div role="status">
        {done ? (
          <Alert tone="success">
            <p>{done.message}</p>
            {done.links.length > 0 ? (
              <ul className="mt-1 flex flex-col gap-1">
                {done.links.map((link) => (
                  <li key={link.id}>
                    <Link
                      to="/clusters/$clusterId"
                      params={{ clusterId: link.id }}
                      className="link"
                      lang="ja"
                    >
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {isListed ? (
        <div className="flex flex-col gap-3">
          <ChangeSection id="change-rename" title={text('renameHeading')} lead={text('renameLead')}>
            <RenameForm key={key} {...props} />
          </ChangeSection>
          <ChangeSection id="change-owners" title={text('ownersHeading')} lead={text('ownersLead')}>
            <OwnersForm key={key} {...props} />
          </ChangeSection>
          <ChangeSection id="change-merge" title={text('mergeHeading')} lead={text('mergeLead')}>
            <MergeForm key={key} {...props} />
          </ChangeSection>
          <ChangeSection id="change-split" title={text('splitHeading')} lead={text('splitLead')}>
            <SplitForm key={key} {...props} />
          </ChangeSection>
          <ChangeSection id="change-retire" title={text('retireHeading')} lead={text('retireLead')}>
            <RetireForm key={key} {...props} />
          </ChangeSection>
        </div>
      ) : (
        <p className="text-std-16N-170">{text('notInRegister')}</p>
      )}
    </section>
  );
}
