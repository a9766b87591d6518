import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useSaveScheduleEntry } from '../api/schedule';
import { type ScheduleTextKey, useScheduleText } from '../messages';
import { PRECISIONS, type Precision, type Schedule, type ScheduleEntry, type ScheduleLane } from '../types';

/** Adds or edits a hand-kept entry of the schedule (reform office); the server checks the span. */
export function EntryDialog({
  schedule,
  entry,
  open,
  onClose,
  onSaved,
}: {
  schedule: Schedule;
  entry: ScheduleEntry | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const text = useScheduleText();
  const { language } = useLanguage();
  const save = useSaveScheduleEntry();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors(save.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [lane, setLane] = useState<ScheduleLane>(entry?.lane ?? 'analysis');
  const [label, setLabel] = useState(entry?.label ?? '');
  const [precision, setPrecision] = useState<Precision>(entry?.span.precision ?? 'month');
  const [start, setStart] = useState(entry?.span.start ?? `${schedule.fiscalYear}-04-01`);
  const [end, setEnd] = useState(entry?.span.end ?? `${schedule.fiscalYear}-04-30`);
  const [isSpanningYear, setSpanningYear] = useState(entry?.isSpanningYear ?? false);

  useEffect(() => {
    if (save.isError) summaryRef.current?.focus();
  }, [save.isError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { lane, label, span: { precision, start, end }, isSpanningYear };
    save.mutate(
      entry
        ? { action: 'update', entry, input }
        : { action: 'create', fiscalYear: schedule.fiscalYear, input },
      { onSuccess: onSaved },
    );
  };
  const spanError = fieldErrors.span ?? fieldErrors['span.start'] ?? fieldErrors['span.end'];
  const errors = [
    ...(fieldErrors.label ? [{ fieldId: `${idPrefix}-label`, message: fieldErrors.label }] : []),
    ...(spanError ? [{ fieldId: `${idPrefix}-start`, message: spanError }] : []),
  ];
  return (
    <Dialog open={open} onClose={onClose} title={entry ? text('dialogEdit') : text('dialogAdd')}>
      <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
        {save.isError ? (
          <ErrorSummary
            ref={summaryRef}
            errors={errors}
            message={errors.length ? undefined : errorText(save.error)}
          />
        ) : null}
        <SelectField
          label={text('field.lane')}
          value={lane}
          onChange={(event) => setLane(event.target.value as ScheduleLane)}
          options={schedule.lanes.map((item) => ({ value: item.code, label: item.label[language] }))}
        />
        <TextField
          id={`${idPrefix}-label`}
          label={text('field.label')}
          value={label}
          maxLength={200}
          required
          error={fieldErrors.label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <SelectField
          label={text('field.precision')}
          value={precision}
          onChange={(event) => setPrecision(event.target.value as Precision)}
          options={PRECISIONS.map((value) => ({
            value,
            label: text(`precision.${value}` as ScheduleTextKey),
          }))}
        />
        <TextField
          id={`${idPrefix}-start`}
          type="date"
          label={text('field.start')}
          hint={text('field.startHint')}
          value={start}
          required
          error={spanError}
          onChange={(event) => setStart(event.target.value)}
        />
        <TextField
          type="date"
          label={text('field.end')}
          hint={text('field.endHint')}
          value={end}
          required
          onChange={(event) => setEnd(event.target.value)}
        />
        <CheckboxField
          label={text('field.spanning')}
          checked={isSpanningYear}
          onChange={(event) => setSpanningYear(event.target.checked)}
        />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {text('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
