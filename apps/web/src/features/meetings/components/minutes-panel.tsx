import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { useT } from '@/lib/i18n/i18n-provider';
import { createMinutes, moveMinutes, updateMinutes } from '../api/records';
import { useMeetingMutation } from '../api/use-meeting-mutation';
import { useMeetingText } from '../messages';
import type { Minutes } from '../types';
import { FormError } from './form-error';

type MinutesPanelProps = {
  meetingId: string;
  minutes: Minutes | null;
  hasHiddenMinutes: boolean;
  canManage: boolean;
};

/** 議事要旨: read it; the office drafts, approves, publishes or withdraws it. */
export function MinutesPanel({ meetingId, minutes, hasHiddenMinutes, canManage }: MinutesPanelProps) {
  const mt = useMeetingText();
  const move = useMeetingMutation(moveMinutes);
  const isDraft = minutes?.status === 'draft';
  return (
    <section
      aria-labelledby="minutes-heading"
      className="print-avoid-break flex flex-col gap-4 border-t-2 border-solid-gray-600 pt-6"
    >
      <h2 id="minutes-heading" className="text-std-24B-150 text-solid-gray-900">
        {mt('meeting.minutes')}
      </h2>
      {minutes ? (
        <p className="text-std-16N-170 text-solid-gray-700">
          {mt('minutes.status', { status: minutes.statusLabel })}
        </p>
      ) : null}
      {minutes && !(canManage && isDraft) ? (
        <div
          lang="ja"
          className="whitespace-pre-wrap rounded-8 border border-solid-gray-200 px-4 py-4 text-std-16N-175"
        >
          {minutes.body}
        </div>
      ) : null}
      {!minutes ? (
        <p className="text-std-16N-170 text-solid-gray-700">
          {hasHiddenMinutes ? mt('meeting.hiddenMinutes') : mt('meeting.noMinutes')}
        </p>
      ) : null}
      {canManage ? (
        <div className="flex flex-col gap-4" data-print-hide>
          {!minutes || isDraft ? <MinutesEditor meetingId={meetingId} minutes={minutes} /> : null}
          <FormError error={move.error} />
          {minutes ? (
            <div className="flex flex-wrap gap-3">
              {(
                [
                  ['draft', 'approved', 'minutes.approve'],
                  ['approved', 'published', 'minutes.publish'],
                  ['approved', 'draft', 'minutes.toDraft'],
                  ['published', 'approved', 'minutes.withdraw'],
                ] as const
              )
                .filter(([from]) => from === minutes.status)
                .map(([, to, label]) => (
                  <Button
                    key={to}
                    variant={to === 'published' || to === 'approved' ? 'primary' : 'secondary'}
                    size="sm"
                    aria-disabled={move.isPending || undefined}
                    onClick={() => {
                      if (!move.isPending) move.mutate({ meetingId, status: to, version: minutes.version });
                    }}
                  >
                    {mt(label)}
                  </Button>
                ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function MinutesEditor({ meetingId, minutes }: { meetingId: string; minutes: Minutes | null }) {
  const t = useT();
  const mt = useMeetingText();
  const create = useMeetingMutation(createMinutes);
  const update = useMeetingMutation(updateMinutes);
  const [body, setBody] = useState(minutes?.body ?? '');
  const [isMissing, setIsMissing] = useState(false);
  const bodyId = useId();
  const isPending = create.isPending || update.isPending;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsMissing(!body.trim());
    if (!body.trim() || isPending) return;
    if (minutes) update.mutate({ meetingId, body, version: minutes.version });
    else create.mutate({ meetingId, body });
  }
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
      <FormField
        id={bodyId}
        label={mt('minutes.body')}
        error={isMissing ? mt('minutes.required') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            lang="ja"
            rows={10}
            maxLength={50000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <FormError error={create.error ?? update.error} />
      <div>
        <Button type="submit" variant="secondary" size="sm" aria-disabled={isPending || undefined}>
          {isPending ? t('common.saving') : minutes ? mt('minutes.save') : mt('minutes.create')}
        </Button>
      </div>
    </form>
  );
}
