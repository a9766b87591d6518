import type { FormEvent, ReactNode } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { FiscalYear } from '@/types/api';
import { useClusterText } from '../messages';
import {
  ChangeSummary,
  EffectiveYearField,
  fieldId,
  SubmitButton,
  type useChangeFeedback,
} from './cluster-fields';

/**
 * One register change as a form, the same for all of them: the error summary (or the stale notice
 * after a 412) at the top, focused after a failed submit and linking to each field; the fiscal
 * year it takes effect from; the change's own fields; the reason; the submit button.
 */
export function ChangeForm({
  idPrefix,
  feedback,
  onSubmit,
  onReload,
  year,
  note,
  submit,
  secondaryAction,
  children,
}: {
  idPrefix: string;
  /** From `useChangeFeedback`; its errors are keyed by request path (`fiscalYear`, `cluster.name`…). */
  feedback: ReturnType<typeof useChangeFeedback>;
  onSubmit: (event: FormEvent) => void;
  /** After a 412: read the newest version again. */
  onReload: () => void;
  year: { years: readonly FiscalYear[]; value: number | null; onChange: (year: number) => void };
  note: { value: string; onChange: (note: string) => void };
  submit: { label: string; busyLabel?: string; isBusy: boolean; variant?: 'primary' | 'danger' };
  /** Beside the submit button (a dialog's cancel). */
  secondaryAction?: ReactNode;
  children?: ReactNode;
}) {
  const text = useClusterText();
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <ChangeSummary
        idPrefix={idPrefix}
        feedback={feedback}
        summaryRef={feedback.summaryRef}
        onReload={onReload}
      />
      <EffectiveYearField
        id={fieldId(idPrefix, 'fiscalYear')}
        years={year.years}
        value={year.value}
        onChange={year.onChange}
        error={feedback.errors.fiscalYear}
      />
      {children}
      <TextField
        id={fieldId(idPrefix, 'note')}
        label={text('note')}
        hint={text('noteHint')}
        maxLength={2000}
        value={note.value}
        onChange={(event) => note.onChange(event.target.value)}
        error={feedback.errors.note}
      />
      <div className="flex flex-wrap gap-4">
        <SubmitButton
          label={submit.label}
          busyLabel={submit.busyLabel ?? submit.label}
          isBusy={submit.isBusy}
          variant={submit.variant}
        />
        {secondaryAction}
      </div>
    </form>
  );
}
