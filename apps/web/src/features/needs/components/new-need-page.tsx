import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { todayInTokyo } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { useCreateNeed, useNeedReference } from '../api/needs';
import { needLabel, useNeedText } from '../messages';
import { CHANNELS, SIDES } from '../types';

type Unit = { id: string; name: string; parentId: string | null };

/** The units a person may record needs for: every unit for the reform office, else their own and those below. */
export function recordableUnits(me: Me, units: readonly Unit[]): Unit[] {
  if (me.roles.some((grant) => grant.role === 'reform_office')) return [...units];
  const scoped = new Set(
    me.roles
      .filter((grant) => grant.role === 'bureau_head' || grant.role === 'department_staff')
      .map((grant) => grant.orgUnitId)
      .filter((unitId): unitId is string => unitId !== null),
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return units.filter((unit) => {
    for (
      let current: Unit | undefined = unit;
      current;
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      if (scoped.has(current.id)) return true;
    }
    return false;
  });
}

/** Recording one need as it was heard. */
export function NewNeedPage({ me }: { me: Me }) {
  const text = useNeedText();
  const { language } = useLanguage();
  const id = useId();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const units = useNeedReference<Unit>('org-units', '/org-units');
  const create = useCreateNeed();
  const fieldErrors = useFieldErrors(create.error);
  const [form, setForm] = useState({
    side: 'recipient',
    channel: 'counter',
    receivedOn: todayInTokyo(),
    orgUnitId: '',
    body: '',
    reporterName: '',
    reporterContact: '',
  });
  useDocumentTitle(text('newNeed'));
  if (!units.data) return <Loading />;
  const choices = recordableUnits(me, units.data.items);
  const unit = form.orgUnitId || choices[0]?.id || '';
  const set = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        side: form.side,
        channel: form.channel,
        receivedOn: form.receivedOn,
        orgUnitId: unit,
        body: form.body,
        reporterName: form.reporterName.trim() || null,
        reporterContact: form.reporterContact.trim() || null,
      },
      { onSuccess: (need) => void navigate({ to: '/needs/$needId', params: { needId: need.id } }) },
    );
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{text('newNeed')}</PageHeading>
      <form onSubmit={submit} noValidate className="flex max-w-3xl flex-col gap-5">
        <ErrorSummary
          errors={Object.entries(fieldErrors).map(([field, message]) => ({
            fieldId: `${id}-${field}`,
            message,
          }))}
          message={create.error ? errorText(create.error) : undefined}
        />
        <div className="flex flex-wrap gap-4">
          <SelectField
            id={`${id}-side`}
            label={text('form.side')}
            value={form.side}
            onChange={(event) => set({ side: event.target.value })}
            options={SIDES.map((value) => ({ value, label: needLabel('side', value, language) }))}
          />
          <SelectField
            id={`${id}-channel`}
            label={text('form.channel')}
            value={form.channel}
            onChange={(event) => set({ channel: event.target.value })}
            options={CHANNELS.map((value) => ({ value, label: needLabel('channel', value, language) }))}
          />
          <TextField
            id={`${id}-receivedOn`}
            type="date"
            label={text('form.receivedOn')}
            required
            value={form.receivedOn}
            onChange={(event) => set({ receivedOn: event.target.value })}
            error={fieldErrors.receivedOn}
          />
        </div>
        <SelectField
          id={`${id}-orgUnitId`}
          label={text('form.unit')}
          required
          value={unit}
          onChange={(event) => set({ orgUnitId: event.target.value })}
          options={choices.map((choice) => ({ value: choice.id, label: choice.name, lang: 'ja' }))}
        />
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-body`} className="text-std-17B-170">
            {text('form.body')}
          </label>
          <textarea
            id={`${id}-body`}
            required
            aria-required="true"
            rows={5}
            maxLength={5000}
            className={inputClassName}
            value={form.body}
            onChange={(event) => set({ body: event.target.value })}
          />
        </div>
        <TextField
          label={text('form.reporterName')}
          maxLength={100}
          value={form.reporterName}
          onChange={(event) => set({ reporterName: event.target.value })}
        />
        <TextField
          label={text('form.reporterContact')}
          maxLength={200}
          value={form.reporterContact}
          onChange={(event) => set({ reporterContact: event.target.value })}
        />
        <Button
          type="submit"
          className="self-start"
          disabled={create.isPending || form.body.trim() === '' || !unit}
        >
          {text('form.create')}
        </Button>
      </form>
    </div>
  );
}
