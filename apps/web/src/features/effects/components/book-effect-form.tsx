import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import type { Me } from '@/types/api';
import { useBookEffect, useSources } from '../api/effects';
import { useEffectText } from '../messages';
import type { Target } from '../types';
import { type YenUnit, yenFromInput } from '../utils/yen';

/** Books a line against the target; only the reform office may book an actual. */
export function BookEffectForm({ target, me, onBooked }: { target: Target; me: Me; onBooked: () => void }) {
  const text = useEffectText();
  const id = useId();
  const errorText = useErrorText();
  const book = useBookEffect();
  const fieldErrors = useFieldErrors(book.error);
  const sources = useSources(target.startFiscalYear);
  const isReformOffice = me.roles.some((grant) => grant.role === 'reform_office');
  const [form, setForm] = useState({
    title: '',
    source: '',
    fiscalYear: String(target.startFiscalYear),
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: '',
    unit: 'million' as YenUnit,
    basis: '',
  });
  const [amountError, setAmountError] = useState<string | undefined>(undefined);
  const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });
  const years = Array.from(
    { length: target.endFiscalYear - target.startFiscalYear + 1 },
    (_, index) => target.startFiscalYear + index,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = yenFromInput(form.amount, form.unit);
    setAmountError(amount === null ? text('form.amount') : undefined);
    if (amount === null) return;
    const [sourceKind, sourceId] = form.source.split(':');
    book.mutate(
      {
        targetId: target.id,
        title: form.title,
        fiscalYear: Number(form.fiscalYear),
        category: form.category,
        recurrence: form.recurrence,
        stage: form.stage,
        amount,
        basis: form.basis,
        sourceKind,
        sourceId,
      },
      {
        onSuccess: () => {
          setForm({ ...form, title: '', amount: '', basis: '' });
          onBooked();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-4">
      <ErrorSummary
        errors={Object.entries(fieldErrors).map(([field, message]) => ({
          fieldId: `${id}-${field}`,
          message,
        }))}
        message={book.error ? errorText(book.error) : undefined}
      />
      <TextField
        id={`${id}-title`}
        label={text('form.title')}
        required
        maxLength={200}
        value={form.title}
        onChange={(event) => set({ title: event.target.value })}
      />
      <SelectField
        id={`${id}-sourceId`}
        label={text('form.source')}
        required
        value={form.source}
        onChange={(event) => set({ source: event.target.value })}
        options={[
          { value: '', label: '—' },
          ...(sources.data?.initiatives ?? []).map((initiative) => ({
            value: `initiative:${initiative.id}`,
            label: text('form.sourceInitiative', {
              title: `${initiative.title}（${initiative.ownerOrgUnit.name}）`,
            }),
            lang: 'ja',
          })),
          ...(sources.data?.analyses ?? []).map((analysis) => ({
            value: `analysis:${analysis.id}`,
            label: text('form.sourceAnalysis', {
              number: analysis.cluster.number,
              name: analysis.cluster.name,
            }),
            lang: 'ja',
          })),
        ]}
      />
      <div className="flex flex-wrap gap-4">
        <SelectField
          id={`${id}-fiscalYear`}
          label={text('form.fiscalYear')}
          value={form.fiscalYear}
          onChange={(event) => set({ fiscalYear: event.target.value })}
          options={years.map((year) => ({ value: String(year), label: `${year}年度` }))}
          error={fieldErrors.fiscalYear}
        />
        <SelectField
          label={text('form.category')}
          value={form.category}
          onChange={(event) => set({ category: event.target.value })}
          options={[
            { value: 'expenditure_cut', label: '歳出削減' },
            { value: 'revenue_gain', label: '歳入確保' },
          ]}
        />
        <SelectField
          label={text('form.recurrence')}
          value={form.recurrence}
          onChange={(event) => set({ recurrence: event.target.value })}
          options={[
            { value: 'recurring', label: '継続' },
            { value: 'one_off', label: '単年度' },
          ]}
        />
        <SelectField
          label={text('form.stage')}
          value={form.stage}
          onChange={(event) => set({ stage: event.target.value })}
          options={[
            { value: 'planned', label: '見込み' },
            ...(isReformOffice ? [{ value: 'actual', label: '実績' }] : []),
          ]}
        />
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <TextField
          id={`${id}-amount`}
          label={text('form.amount')}
          required
          inputMode="decimal"
          value={form.amount}
          onChange={(event) => set({ amount: event.target.value })}
          error={amountError ?? fieldErrors.amount}
        />
        <SelectField
          label={text('form.amountUnit')}
          value={form.unit}
          onChange={(event) => set({ unit: event.target.value as YenUnit })}
          options={[
            { value: 'oku', label: '億円' },
            { value: 'million', label: '百万円' },
            { value: 'thousand', label: '千円' },
            { value: 'yen', label: '円' },
          ]}
        />
      </div>
      <TextField
        label={text('form.basis')}
        maxLength={5000}
        value={form.basis}
        onChange={(event) => set({ basis: event.target.value })}
      />
      <Button
        type="submit"
        className="self-start"
        disabled={book.isPending || !form.source || !form.title.trim()}
      >
        {text('form.submit')}
      </Button>
    </form>
  );
}
