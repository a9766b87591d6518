import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from '@/lib/errors';
import { useAnalysisWrite } from '../api/analyses';
import { useAnalysisText } from '../messages';
import type { AnalysisDetail, ReportingStage, ReviewAction } from '../types';
import { Part } from './parts';

/** 提出と審査: the actions the person may take on the submission now, each confirmed in a small form. */
export function ReviewPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const write = useAnalysisWrite(analysis.id);
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const [comment, setComment] = useState('');
  const [report, setReport] = useState<ReportingStage | ''>('');
  const [done, setDone] = useState<ReviewAction | null>(null);
  const actions = analysis.permissions.reviewActions;
  if (actions.length === 0 && !analysis.latestVersion) return null;

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    if (open === 'return' && !comment.trim()) return;
    write.mutate(
      {
        method: 'POST',
        path: '/review',
        version: analysis.version,
        body: {
          action: open,
          ...(open === 'submit' && report ? { report } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          setDone(open);
          setOpen(null);
          setComment('');
        },
      },
    );
  };

  return (
    <Part id="analysis-review" title={text('reviewHeading')} lead={text('reviewLead')}>
      {analysis.latestVersion ? (
        <p className="text-std-16N-170">
          {text('latestVersion', {
            number: analysis.latestVersion.number,
            report: text(`stage.${analysis.latestVersion.report}`),
            status: text(`version.${analysis.latestVersion.status}`),
          })}
        </p>
      ) : null}
      {done ? (
        <Alert tone="success" announce="polite">
          {text('doneAction', { action: text(`action.${done}`) })}
        </Alert>
      ) : null}
      {write.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(write.error)}
        </Alert>
      ) : null}
      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-3">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'return' || action === 'withdraw' ? 'secondary' : 'primary'}
              aria-expanded={open === action}
              onClick={() => {
                setOpen(open === action ? null : action);
                setDone(null);
                setReport(analysis.permissions.submittableReports[0] ?? '');
              }}
            >
              {text(`action.${action}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {open ? (
        <form
          onSubmit={onConfirm}
          className="flex max-w-3xl flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
        >
          {open === 'submit' && analysis.permissions.submittableReports.length > 1 ? (
            <SelectField
              label={text('submitFor')}
              value={report}
              onChange={(event) => setReport(event.target.value as ReportingStage)}
              options={analysis.permissions.submittableReports.map((stage) => ({
                value: stage,
                label: text(`stage.${stage}`),
              }))}
            />
          ) : null}
          <FormField
            label={open === 'return' ? text('returnReason') : text('commentOptional')}
            hint={open === 'return' ? text('returnReasonHint') : undefined}
            required={open === 'return'}
          >
            {(control) => (
              <textarea
                {...control}
                rows={4}
                maxLength={10_000}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                className={inputClassName}
              />
            )}
          </FormField>
          <div className="flex flex-wrap gap-3">
            <Button
              type="submit"
              aria-disabled={write.isPending || (open === 'return' && !comment.trim()) || undefined}
            >
              {text('confirmAction', { action: text(`action.${open}`) })}
            </Button>
            <Button variant="tertiary" onClick={() => setOpen(null)}>
              {text('cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </Part>
  );
}
