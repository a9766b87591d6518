import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { inputClassName } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useClusterOptions } from '../api/bureau-policies';
import { usePolicyText } from '../messages';
import type { PolicyContentInput, PolicyKpi } from '../types';

const emptyKpi = (): PolicyKpi => ({
  name: '',
  unit: '',
  baseline: null,
  target: null,
  targetFiscalYear: null,
});

/** The policy editor: title, vision, priority themes, clusters and KPIs. */
export function PolicyForm({
  initial,
  fiscalYear,
  onSubmit,
  isPending,
  error,
  submitLabel,
  onCancel,
  before,
}: {
  initial: PolicyContentInput;
  fiscalYear: number;
  onSubmit: (content: PolicyContentInput) => void;
  isPending: boolean;
  error: unknown;
  submitLabel: string;
  onCancel?: () => void;
  before?: ReactNode;
}) {
  const text = usePolicyText();
  const id = useId();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors(error);
  const clusters = useClusterOptions(fiscalYear);
  const [content, setContent] = useState<PolicyContentInput>(initial);
  const set = (changes: Partial<PolicyContentInput>) => setContent((current) => ({ ...current, ...changes }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      ...content,
      priorityThemes: content.priorityThemes.filter((theme) => theme.title.trim() !== ''),
      kpis: content.kpis
        .filter((kpi) => kpi.name.trim() !== '')
        .map((kpi) => ({ ...kpi, baseline: kpi.baseline || null, target: kpi.target || null })),
    });
  };
  const summaryErrors = Object.entries(fieldErrors).map(([field, message]) => ({
    fieldId: field === 'title' ? `${id}-title` : `${id}-${field.split('.')[0]}`,
    message,
  }));

  return (
    <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-6">
      <ErrorSummary errors={summaryErrors} message={error ? errorText(error) : undefined} />
      {before}
      <TextField
        id={`${id}-title`}
        label={text('form.title')}
        required
        maxLength={200}
        value={content.title}
        onChange={(event) => set({ title: event.target.value })}
        error={fieldErrors.title}
      />
      <div className="flex flex-col gap-2">
        <label htmlFor={`${id}-vision`} className="text-std-17B-170 text-solid-gray-800">
          {text('form.vision')}
        </label>
        <textarea
          id={`${id}-vision`}
          rows={4}
          maxLength={10_000}
          className={inputClassName}
          value={content.vision}
          onChange={(event) => set({ vision: event.target.value })}
        />
      </div>
      <fieldset id={`${id}-priorityThemes`} className="flex flex-col gap-4">
        <legend className="text-std-17B-170 text-solid-gray-800">{text('form.themes')}</legend>
        {content.priorityThemes.map((theme, index) => {
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={index} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
              <TextField
                label={text('form.themeTitle', { number })}
                maxLength={200}
                value={theme.title}
                onChange={(event) =>
                  set({
                    priorityThemes: content.priorityThemes.map((entry, at) =>
                      at === index ? { ...entry, title: event.target.value } : entry,
                    ),
                  })
                }
              />
              <TextField
                label={text('form.themeDescription', { number })}
                maxLength={2000}
                value={theme.description}
                onChange={(event) =>
                  set({
                    priorityThemes: content.priorityThemes.map((entry, at) =>
                      at === index ? { ...entry, description: event.target.value } : entry,
                    ),
                  })
                }
              />
              <Button
                variant="tertiary"
                size="xs"
                className="self-start"
                onClick={() =>
                  set({ priorityThemes: content.priorityThemes.filter((_, at) => at !== index) })
                }
              >
                {text('form.removeTheme', { number })}
              </Button>
            </div>
          );
        })}
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          onClick={() => set({ priorityThemes: [...content.priorityThemes, { title: '', description: '' }] })}
        >
          {text('form.addTheme')}
        </Button>
      </fieldset>
      <fieldset id={`${id}-clusterIds`} className="flex flex-col gap-2">
        <legend className="text-std-17B-170 text-solid-gray-800">{text('form.clusters')}</legend>
        <div className="grid max-h-72 grid-cols-1 gap-1 overflow-y-auto rounded-8 border border-solid-gray-420 p-3 md:grid-cols-2">
          {(clusters.data?.items ?? []).map((cluster) => (
            <label key={cluster.id} className="flex items-start gap-2 text-std-16N-170" lang="ja">
              <input
                type="checkbox"
                className="mt-1.5 size-5"
                checked={content.clusterIds.includes(cluster.id)}
                onChange={(event) =>
                  set({
                    clusterIds: event.target.checked
                      ? [...content.clusterIds, cluster.id]
                      : content.clusterIds.filter((clusterId) => clusterId !== cluster.id),
                  })
                }
              />
              <span>
                <span className="tabular-nums">{cluster.number}</span> {cluster.name}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset id={`${id}-kpis`} className="flex flex-col gap-4">
        <legend className="text-std-17B-170 text-solid-gray-800">{text('form.kpis')}</legend>
        {content.kpis.map((kpi, index) => {
          const number = index + 1;
          const update = (changes: Partial<PolicyKpi>) =>
            set({ kpis: content.kpis.map((entry, at) => (at === index ? { ...entry, ...changes } : entry)) });
          return (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={index}
              className="grid grid-cols-1 gap-3 rounded-8 border border-solid-gray-420 p-4 md:grid-cols-5"
            >
              <legend className="px-1 text-std-16B-170">{text('form.kpiRow', { number })}</legend>
              <TextField
                fieldClassName="md:col-span-2"
                label={text('kpi.name')}
                maxLength={200}
                value={kpi.name}
                onChange={(event) => update({ name: event.target.value })}
                error={fieldErrors[`kpis.${index}.name`]}
              />
              <TextField
                label={text('kpi.unit')}
                maxLength={40}
                value={kpi.unit}
                onChange={(event) => update({ unit: event.target.value })}
              />
              <TextField
                label={text('kpi.baseline')}
                inputMode="decimal"
                value={kpi.baseline ?? ''}
                onChange={(event) => update({ baseline: event.target.value })}
                error={fieldErrors[`kpis.${index}.baseline`]}
              />
              <TextField
                label={text('kpi.target')}
                inputMode="decimal"
                value={kpi.target ?? ''}
                onChange={(event) => update({ target: event.target.value })}
                error={fieldErrors[`kpis.${index}.target`]}
              />
              <SelectField
                label={text('kpi.targetYear')}
                value={kpi.targetFiscalYear === null ? '' : String(kpi.targetFiscalYear)}
                onChange={(event) =>
                  update({ targetFiscalYear: event.target.value ? Number(event.target.value) : null })
                }
                options={[
                  { value: '', label: '—' },
                  ...Array.from({ length: 8 }, (_, offset) => fiscalYear - 1 + offset).map((year) => ({
                    value: String(year),
                    label: `${year}年度`,
                  })),
                ]}
              />
              <Button
                variant="tertiary"
                size="xs"
                className="self-end"
                onClick={() => set({ kpis: content.kpis.filter((_, at) => at !== index) })}
              >
                {text('form.removeKpi', { number })}
              </Button>
            </fieldset>
          );
        })}
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          onClick={() => set({ kpis: [...content.kpis, emptyKpi()] })}
        >
          {text('form.addKpi')}
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={isPending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {text('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
