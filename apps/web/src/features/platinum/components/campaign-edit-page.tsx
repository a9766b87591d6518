import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { formatDate, todayInTokyo } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCampaign, useUpdateCampaign } from '../api/campaigns';
import { usePlatinumText } from '../messages';
import { type Campaign, PHASES, type Phase, THEMES, type Theme } from '../types';
import {
  type EdgeInput,
  type PhaseInput,
  phaseInputsOf,
  phasesFromInputs,
  phasesWith,
  submissionAfter,
} from '../utils/phase-form';
import { INPUT_PRECISIONS, type InputPrecision } from '../utils/precise-date-input';
import { CampaignNav } from './campaign-nav';

/** 募集の内容を編集: the reform office changes a campaign's texts, themes and phase dates, and opens or closes submission. */
export function CampaignEditPage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const campaign = useCampaign(campaignId);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const isSaved = savedVersion !== null && savedVersion === campaign.data?.version;
  // After a save the form starts again from the top; focus moves to the message so it is seen and heard.
  useEffect(() => {
    if (isSaved) savedRef.current?.focus();
  }, [isSaved]);
  useDocumentTitle(campaign.data ? `${text('editCampaign')}：${campaign.data.title}` : text('editCampaign'));
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const data = campaign.data;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <PageHeading lead={text('editCampaignLead')}>{text('editCampaign')}</PageHeading>
      <CampaignNav campaign={data} />
      {isSaved ? (
        <div ref={savedRef} tabIndex={-1}>
          <Alert tone="success" announce="polite">
            {text('saved')}
          </Alert>
        </div>
      ) : null}
      {data.viewer.canManage ? (
        <>
          <SubmissionStatus campaign={data} onSaved={setSavedVersion} />
          {/* Keyed by version: after a save (or someone else's), the form starts again from what is stored. */}
          <CampaignEditForm key={data.version} campaign={data} onSaved={setSavedVersion} />
        </>
      ) : (
        <Alert tone="info">{text('editForbidden')}</Alert>
      )}
    </div>
  );
}

type Saved = (version: number) => void;

function SubmissionStatus({ campaign, onSaved }: { campaign: Campaign; onSaved: Saved }) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  const update = useUpdateCampaign(campaign.id);
  const errorText = useErrorText();
  const submission = campaign.phases.find((phase) => phase.phase === 'submission');
  if (!submission) return null;
  const today = todayInTokyo();
  const label = (iso: string) => formatDate(iso, language, { weekday: false });
  const state =
    submission.timing === 'current' ? 'open' : submission.timing === 'upcoming' ? 'upcoming' : 'closed';
  const save = (action: 'open' | 'close') => {
    const span = submissionAfter(submission.span, action, today);
    if (!span || update.isPending) return;
    // mutateAsync: the save re-keys the form, and a mutate() callback would not run once it unmounted.
    update
      .mutateAsync({
        version: campaign.version,
        changes: { phases: phasesWith(campaign, 'submission', span) },
      })
      .then((saved) => onSaved(saved.version))
      .catch(() => undefined);
  };
  const closed = submissionAfter(submission.span, 'close', today);
  return (
    <section
      aria-labelledby="submission-status-heading"
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
    >
      <h2 id="submission-status-heading" className="text-std-20B-150">
        {text('submissionStatus')}
      </h2>
      <p className="text-std-16B-170">
        {text(`submissionState.${state}`, {
          start: label(submission.span.from.start),
          end: label(submission.span.to.end),
        })}
      </p>
      {update.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(update.error)}
        </Alert>
      ) : null}
      {state === 'upcoming' ? (
        <div className="flex flex-col gap-1">
          <div>
            <Button variant="secondary" onClick={() => save('open')} aria-describedby="open-now-hint">
              {text('openNow')}
            </Button>
          </div>
          <p id="open-now-hint" className="text-dns-14N-130 text-solid-gray-700">
            {text('openNowHint')}
          </p>
        </div>
      ) : null}
      {state === 'open' && closed ? (
        <div className="flex flex-col gap-1">
          <div>
            <Button variant="secondary" onClick={() => save('close')} aria-describedby="close-now-hint">
              {text('closeNow')}
            </Button>
          </div>
          <p id="close-now-hint" className="text-dns-14N-130 text-solid-gray-700">
            {text('closeNowHint')}
          </p>
        </div>
      ) : null}
      {state === 'open' && !closed ? <p>{text('closeNotPossible')}</p> : null}
      {state === 'closed' ? <p>{text('reopenHint')}</p> : null}
    </section>
  );
}

function EdgeFields({
  edge,
  value,
  onChange,
}: {
  edge: 'phaseStart' | 'phaseEnd';
  value: EdgeInput;
  onChange: (next: EdgeInput) => void;
}) {
  const text = usePlatinumText();
  const edgeLabel = text(edge);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        label={text('precisionOf', { edge: edgeLabel })}
        value={value.precision}
        onChange={(event) => onChange({ ...value, precision: event.target.value as InputPrecision })}
        options={INPUT_PRECISIONS.map((precision) => ({
          value: precision,
          label: text(`precision.${precision}`),
        }))}
        fieldClassName="w-36"
      />
      {value.precision === 'day' ? (
        <TextField
          label={text('dayOf', { edge: edgeLabel })}
          type="date"
          value={value.day}
          onChange={(event) =>
            onChange({ ...value, day: event.target.value, month: event.target.value.slice(0, 7) })
          }
        />
      ) : (
        <TextField
          label={text('monthOf', { edge: edgeLabel })}
          type="month"
          value={value.month}
          onChange={(event) => onChange({ ...value, month: event.target.value })}
        />
      )}
    </div>
  );
}

function PhaseFields({
  phase,
  value,
  error,
  onChange,
}: {
  phase: Phase;
  value: PhaseInput;
  error: string | undefined;
  onChange: (next: PhaseInput) => void;
}) {
  const text = usePlatinumText();
  const errorId = `phase-${phase}-error`;
  return (
    <fieldset
      id={`phase-${phase}`}
      tabIndex={-1}
      aria-describedby={error ? errorId : undefined}
      className={`flex flex-col gap-3 rounded-8 border p-4 ${error ? 'border-2 border-error-2' : 'border-solid-gray-300'}`}
    >
      <legend className="px-1 text-std-17B-170">{text(`phase.${phase}`)}</legend>
      {error ? (
        <p id={errorId} className="text-std-16B-170 text-error-2">
          {error}
        </p>
      ) : null}
      {phase !== 'submission' ? (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            className="size-5 accent-blue-900"
            checked={!value.isSet}
            onChange={() => onChange({ ...value, isSet: !value.isSet })}
          />
          {text('phaseUnset')}
        </label>
      ) : null}
      {value.isSet || phase === 'submission' ? (
        <div className="grid gap-3 lg:grid-cols-2">
          <EdgeFields
            edge="phaseStart"
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <EdgeFields edge="phaseEnd" value={value.to} onChange={(to) => onChange({ ...value, to })} />
        </div>
      ) : null}
    </fieldset>
  );
}

function CampaignEditForm({ campaign, onSaved }: { campaign: Campaign; onSaved: Saved }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const update = useUpdateCampaign(campaign.id);
  const serverErrors = useFieldErrors(update.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState(campaign.title);
  const [description, setDescription] = useState(campaign.description);
  const [themes, setThemes] = useState<Theme[]>(campaign.themes);
  const [phases, setPhases] = useState(() => phaseInputsOf(campaign, PHASES));
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const result = phasesFromInputs(phases);
    const found: FieldError[] = [];
    if (!title.trim()) found.push({ fieldId: 'campaign-title', message: text('titleRequired') });
    if (themes.length === 0) found.push({ fieldId: 'campaign-themes', message: text('themesRequired') });
    for (const phase of result.missing)
      found.push({
        fieldId: `phase-${phase}`,
        message: text('phaseRequired', { phase: text(`phase.${phase}`) }),
      });
    setErrors(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    update
      .mutateAsync({
        version: campaign.version,
        // Themes keep the order of the programme (ワークスタイル, オフィス, ルール).
        changes: {
          title,
          description,
          themes: THEMES.filter((theme) => themes.includes(theme)),
          phases: result.phases,
        },
      })
      .then((saved) => onSaved(saved.version))
      .catch(() => requestAnimationFrame(() => summaryRef.current?.focus()));
  }

  const errorOf = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        message={update.isError ? errorText(update.error) : undefined}
      />
      <TextField
        id="campaign-title"
        label={text('campaignTitle')}
        required
        maxLength={200}
        value={title}
        error={errorOf('campaign-title') ?? serverErrors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <FormField label={text('campaignDescription')} error={serverErrors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <fieldset
        id="campaign-themes"
        tabIndex={-1}
        aria-describedby="campaign-themes-hint"
        className="flex flex-col gap-2"
      >
        <legend className="mb-1 text-std-17B-170">{text('themes')}</legend>
        <p id="campaign-themes-hint" className="text-dns-14N-130 text-solid-gray-700">
          {text('themesHint')}
        </p>
        {errorOf('campaign-themes') ? (
          <p className="text-std-16B-170 text-error-2">{errorOf('campaign-themes')}</p>
        ) : null}
        <div className="flex flex-wrap gap-4">
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
        </div>
      </fieldset>
      <section aria-labelledby="phase-dates-heading" className="flex flex-col gap-3">
        <h2 id="phase-dates-heading" className="text-std-20B-150">
          {text('phases')}
        </h2>
        {PHASES.map((phase) => (
          <PhaseFields
            key={phase}
            phase={phase}
            value={phases[phase]}
            error={
              errorOf(`phase-${phase}`) ??
              serverErrors[`phases.${phase}.to`] ??
              serverErrors[`phases.${phase}`]
            }
            onChange={(next) => setPhases({ ...phases, [phase]: next })}
          />
        ))}
      </section>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {text('save')}
        </Button>
        <Link to="/platinum/campaigns/$campaignId" params={{ campaignId: campaign.id }} className="link">
          {text('cancelEdit')}
        </Link>
      </div>
    </form>
  );
}
