import { type FormEvent, useEffect, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { useMailSettings } from '../api/get-mail-settings';
import { useUpdateMailSettings } from '../api/update-mail-settings';
import { useMailText } from '../messages';
import type { MailDelivery } from '../types';

const DELIVERIES: MailDelivery[] = ['immediate', 'daily_digest', 'off'];

/** メール通知の設定: at once, a daily digest, or none — each person's own choice. */
export function MailSettingsPage() {
  const text = useMailText();
  const errorText = useErrorText();
  const settings = useMailSettings();
  const update = useUpdateMailSettings();
  const [delivery, setDelivery] = useState<MailDelivery | null>(null);
  const [status, setStatus] = useState('');
  const idPrefix = useId();
  useDocumentTitle(text('title'));

  useEffect(() => {
    if (settings.data && delivery === null) setDelivery(settings.data.delivery);
  }, [settings.data, delivery]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings.data || !delivery || update.isPending) return;
    setStatus('');
    update.mutate(
      { delivery, version: settings.data.version },
      {
        onSuccess: () => setStatus(text('saved')),
        onError: (error) => {
          // Someone (this person in another tab) saved first: show the latest.
          if (isApiError(error, 412)) void settings.refetch().then(() => setDelivery(null));
        },
      },
    );
  }

  return (
    <div className="max-w-3xl">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data ? (
        <form onSubmit={onSubmit} className="flex flex-col gap-6" noValidate>
          {!settings.data.isMailConfigured ? <Alert tone="info">{text('notConfigured')}</Alert> : null}
          {!settings.data.email ? <Alert tone="warning">{text('noAddress')}</Alert> : null}
          {settings.data.email ? (
            <p className="text-std-16N-170 text-solid-gray-800">
              {text('address')}：<span className="font-bold">{settings.data.email}</span>
            </p>
          ) : null}
          {update.isError ? (
            <Alert tone="error" announce="assertive">
              {errorText(update.error)}
            </Alert>
          ) : null}
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{text('legend')}</legend>
            {DELIVERIES.map((value) => {
              const id = `${idPrefix}-${value}`;
              return (
                <div key={value} className="flex items-start gap-3">
                  <input
                    type="radio"
                    id={id}
                    name="delivery"
                    value={value}
                    checked={delivery === value}
                    onChange={() => setDelivery(value)}
                    aria-describedby={`${id}-hint`}
                    className="mt-1 size-6 accent-blue-900"
                  />
                  <div>
                    <label htmlFor={id} className="text-std-16B-170 text-solid-gray-900">
                      {text(value)}
                    </label>
                    <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
                      {text(`${value}Hint` as 'immediateHint', { hour: settings.data.digestHour })}
                    </p>
                  </div>
                </div>
              );
            })}
          </fieldset>
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit" aria-disabled={update.isPending || undefined}>
              {update.isPending ? text('saving') : text('save')}
            </Button>
            <p role="status" className="text-std-16N-170 text-success-2">
              {status}
            </p>
          </div>
        </form>
      ) : null}
    </div>
  );
}
