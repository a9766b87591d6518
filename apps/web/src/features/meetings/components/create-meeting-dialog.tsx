import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';
import { useCreateMeeting } from '../api/save-meeting';
import { useMeetingText } from '../messages';
import { PLANNING_PRECISIONS, type PlanningPrecision, plannedSpan } from '../utils/planned-date';

type CreateMeetingDialogProps = {
  open: boolean;
  fiscalYear: number;
  nextSequence: number;
  onClose: () => void;
};

/** Adds a meeting to the year's series, also beyond the plan (a 第6回 in January). */
export function CreateMeetingDialog({ open, fiscalYear, nextSequence, onClose }: CreateMeetingDialogProps) {
  const mt = useMeetingText();
  return (
    <Dialog open={open} onClose={onClose} title={mt('create.title')}>
      <CreateMeetingForm fiscalYear={fiscalYear} nextSequence={nextSequence} onCancel={onClose} />
    </Dialog>
  );
}

function CreateMeetingForm({
  fiscalYear,
  nextSequence,
  onCancel,
}: {
  fiscalYear: number;
  nextSequence: number;
  onCancel: () => void;
}) {
  const t = useT();
  const mt = useMeetingText();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const createMeeting = useCreateMeeting();
  const serverErrors = useFieldErrors(createMeeting.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);
  const [sequence, setSequence] = useState(String(nextSequence));
  const [title, setTitle] = useState('');
  const [precision, setPrecision] = useState<PlanningPrecision>('day');
  const [date, setDate] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const [clientErrors, setClientErrors] = useState<{ sequence?: string; date?: string }>({});

  const ids = { sequence: 'meeting-sequence', date: 'meeting-date', title: 'meeting-title' };
  const errors = {
    sequence: clientErrors.sequence ?? serverErrors.sequence,
    date:
      clientErrors.date ??
      serverErrors.planned ??
      serverErrors['planned.start'] ??
      serverErrors['planned.end'],
    title: serverErrors.title,
  };
  const summary: FieldError[] = (['sequence', 'date', 'title'] as const).flatMap((field) =>
    errors[field] ? [{ fieldId: ids[field], message: errors[field]! }] : [],
  );
  const general = createMeeting.isError && summary.length === 0 ? errorText(createMeeting.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMeeting.isPending) return;
    const number = Number(sequence);
    const planned = plannedSpan(precision, date);
    const next = {
      sequence:
        Number.isInteger(number) && number >= 0 && number <= 99 && sequence.trim() !== ''
          ? undefined
          : mt('create.invalidSequence'),
      date: planned ? undefined : mt('create.invalidDate'),
    };
    setClientErrors(next);
    if (next.sequence || next.date || !planned) {
      createMeeting.reset();
      setFailedSubmits((count) => count + 1);
      return;
    }
    createMeeting.mutate(
      { fiscalYear, sequence: number, planned, isPublic, ...(title.trim() ? { title: title.trim() } : {}) },
      {
        onSuccess: (meeting) =>
          void navigate({ to: '/meetings/$meetingId', params: { meetingId: meeting.id } }),
        onError: () => setFailedSubmits((count) => count + 1),
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <ErrorSummary ref={summaryRef} errors={summary} message={general} />
      <TextField
        id={ids.sequence}
        label={mt('create.sequence')}
        hint={mt('create.sequenceHint')}
        required
        inputMode="numeric"
        value={sequence}
        onChange={(event) => setSequence(event.target.value)}
        error={errors.sequence}
        className="max-w-32"
      />
      <TextField
        id={ids.title}
        label={mt('create.titleLabel')}
        hint={mt('create.titleHint')}
        lang="ja"
        maxLength={100}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title}
      />
      <SelectField
        label={mt('create.precision')}
        options={PLANNING_PRECISIONS.map((value) => ({ value, label: mt(`precision.${value}`) }))}
        value={precision}
        onChange={(event) => {
          setPrecision(event.target.value as PlanningPrecision);
          setDate('');
        }}
      />
      <TextField
        id={ids.date}
        label={precision === 'day' ? mt('create.date') : mt('create.month')}
        required
        type={precision === 'day' ? 'date' : 'month'}
        placeholder={precision === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}
        value={date}
        onChange={(event) => setDate(event.target.value)}
        error={errors.date}
        className="max-w-64"
      />
      <CheckboxField
        label={mt('create.isPublic')}
        checked={isPublic}
        onChange={(event) => setIsPublic(event.target.checked)}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={createMeeting.isPending || undefined}>
          {createMeeting.isPending ? t('common.saving') : mt('create.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
