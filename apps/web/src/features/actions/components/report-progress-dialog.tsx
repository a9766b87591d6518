import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import { useAction, useMeetingsOfYear, useReportProgress } from '../api/actions';
import { useActionText } from '../messages';
import type { Action, ActionStatus } from '../types';

/** Reports how an action stands and, where the state machine allows, moves its status. */
export function ReportProgressDialog({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const at = useActionText();
  return (
    <Dialog open={action !== null} onClose={onClose} title={at('dialog.title')} size="lg">
      {action ? <ReportProgressForm id={action.id} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ReportProgressForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT();
  const at = useActionText();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const query = useAction(id);
  const report = useReportProgress();
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [reviewedAtMeetingId, setReviewedAtMeetingId] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const bodyId = useId();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { action, etag } = query.data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsMissing(!body.trim());
    if (!body.trim() || report.isPending) return;
    report.mutate(
      {
        id,
        etag,
        body: body.trim(),
        status: status || undefined,
        reviewedAtMeetingId: status === 'closed' && reviewedAtMeetingId ? reviewedAtMeetingId : undefined,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <p lang="ja" className="text-std-17B-170">
        {action.body}
      </p>
      <section aria-labelledby={`${bodyId}-history`} className="flex flex-col gap-2">
        <h3 id={`${bodyId}-history`} className="text-std-17B-170">
          {at('dialog.history')}
        </h3>
        {action.updates.length === 0 ? <p>{at('dialog.noHistory')}</p> : null}
        <ul className="flex flex-col gap-2">
          {action.updates.map((update) => (
            <li key={update.id} className="rounded-8 border border-solid-gray-200 px-3 py-2">
              <p className="text-std-16N-170 text-solid-gray-700">
                {formatDateTime(update.createdAt, language)} {update.authorName ?? ''}{' '}
                {update.fromStatus !== update.toStatus
                  ? `${at(`status.${update.fromStatus}`)} → ${at(`status.${update.toStatus}`)}`
                  : ''}
                {update.reviewedAtMeeting ? `（${update.reviewedAtMeeting.title}）` : ''}
              </p>
              <p lang="ja">{update.body}</p>
            </li>
          ))}
        </ul>
      </section>
      {action.canReport ? (
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <FormField
            id={bodyId}
            label={at('dialog.body')}
            required
            error={isMissing ? at('dialog.required') : undefined}
          >
            {(control) => (
              <textarea
                {...control}
                lang="ja"
                rows={4}
                maxLength={4000}
                value={body}
                onChange={(event) => setBody(event.target.value)}
                className={inputClassName}
              />
            )}
          </FormField>
          {action.nextStatuses.length > 0 ? (
            <SelectField
              label={at('dialog.status')}
              value={status}
              onChange={(event) => setStatus(event.target.value as ActionStatus | '')}
              options={[
                { value: '', label: at('dialog.keep', { status: action.statusLabel }) },
                ...action.nextStatuses.map((next) => ({ value: next, label: at(`status.${next}`) })),
              ]}
            />
          ) : null}
          {status === 'closed' ? (
            <ReviewedAtSelect action={action} value={reviewedAtMeetingId} onChange={setReviewedAtMeetingId} />
          ) : null}
          {report.isError ? (
            <Alert tone="error" announce="assertive">
              <p>{errorText(report.error)}</p>
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" aria-disabled={report.isPending || undefined}>
              {report.isPending ? t('common.saving') : at('dialog.submit')}
            </Button>
          </div>
        </form>
      ) : (
        <p>{at('dialog.cannot')}</p>
      )}
    </div>
  );
}

/** The later meeting at which the reform office reviewed the action and closed it (optional). */
function ReviewedAtSelect({
  action,
  value,
  onChange,
}: {
  action: Action;
  value: string;
  onChange: (meetingId: string) => void;
}) {
  const at = useActionText();
  const meetings = useMeetingsOfYear(action.meeting.fiscalYear);
  const later = (meetings.data?.items ?? []).filter((meeting) => meeting.sequence > action.meeting.sequence);
  return (
    <SelectField
      label={at('dialog.reviewedAt')}
      hint={at('dialog.reviewedAtHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={[
        { value: '', label: at('dialog.noMeeting') },
        ...later.map((meeting) => ({ value: meeting.id, label: meeting.title, lang: 'ja' })),
      ]}
    />
  );
}
