import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { todayInTokyo } from '@/lib/format';
import { useCreateCampaign } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { PHASES, type Phase, type PreciseDate, THEMES, type Theme } from '../types';
import { preciseDateFromInput } from '../utils/precise-date-input';

const MONTH_PHASES = PHASES.filter((phase) => phase !== 'submission');

/** The reform office opens a campaign: year, title, themes, submission days and the other phases by month. */
export function CreateCampaignForm() {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const today = todayInTokyo();
  const [fiscalYear, setFiscalYear] = useState(
    String(Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1),
  );
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [themes, setThemes] = useState<Theme[]>([...THEMES]);
  const [submissionFrom, setSubmissionFrom] = useState(today);
  const [submissionTo, setSubmissionTo] = useState('');
  const [months, setMonths] = useState<Record<string, { from: string; to: string }>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const from = preciseDateFromInput('day', '', submissionFrom);
    const to = preciseDateFromInput('day', '', submissionTo);
    if (!title.trim() || !from || !to || themes.length === 0) return;
    const phases: Record<string, { from: PreciseDate; to: PreciseDate }> = { submission: { from, to } };
    for (const phase of MONTH_PHASES) {
      const span = months[phase];
      const first = span ? preciseDateFromInput('month', span.from, '') : null;
      const last = span ? preciseDateFromInput('month', span.to || span.from, '') : null;
      if (first && last) phases[phase] = { from: first, to: last };
    }
    create.mutate(
      { fiscalYear: Number(fiscalYear), title, description, themes, phases },
      {
        onSuccess: (campaign) =>
          void navigate({ to: '/platinum/campaigns/$campaignId', params: { campaignId: campaign.id } }),
      },
    );
  }

  const setMonth = (phase: Phase, edge: 'from' | 'to', value: string) =>
    setMonths({
      ...months,
      [phase]: { from: months[phase]?.from ?? '', to: months[phase]?.to ?? '', [edge]: value },
    });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-300 p-4"
    >
      <h2 className="text-std-20B-150">{text('newCampaign')}</h2>
      {create.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(create.error)}
        </Alert>
      ) : null}
      <TextField
        label={text('fiscalYear')}
        type="number"
        min={1989}
        max={2100}
        required
        value={fiscalYear}
        onChange={(event) => setFiscalYear(event.target.value)}
      />
      <TextField
        label={text('campaignTitle')}
        required
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <FormField label={text('campaignDescription')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-std-17B-170">{text('themes')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-5 accent-blue-900"
              checked={themes.includes(theme)}
              onChange={() =>
                setThemes(
                  themes.includes(theme) ? themes.filter((value) => value !== theme) : [...themes, theme],
                )
              }
            />
            {text(`theme.${theme}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={text('submissionFrom')}
          type="date"
          required
          value={submissionFrom}
          onChange={(event) => setSubmissionFrom(event.target.value)}
        />
        <TextField
          label={text('submissionTo')}
          type="date"
          required
          value={submissionTo}
          onChange={(event) => setSubmissionTo(event.target.value)}
        />
      </div>
      {MONTH_PHASES.map((phase) => (
        <fieldset key={phase} className="grid gap-4 md:grid-cols-2">
          <legend className="mb-1 text-std-16B-170">
            {text('phaseMonths', { phase: text(`phase.${phase}`) })}
          </legend>
          <TextField
            label={text('fromMonth')}
            type="month"
            value={months[phase]?.from ?? ''}
            onChange={(event) => setMonth(phase, 'from', event.target.value)}
          />
          <TextField
            label={text('toMonth')}
            type="month"
            value={months[phase]?.to ?? ''}
            onChange={(event) => setMonth(phase, 'to', event.target.value)}
          />
        </fieldset>
      ))}
      <div>
        <Button type="submit" aria-disabled={create.isPending || undefined}>
          {text('create')}
        </Button>
      </div>
    </form>
  );
}
