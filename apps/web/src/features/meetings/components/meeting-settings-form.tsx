import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextField } from '@/components/ui/text-field';
import { useFieldErrors } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';
import { type MeetingChanges, useUpdateMeeting } from '../api/save-meeting';
import { useMeetingText } from '../messages';
import type { MeetingDetail } from '../types';
import { FormError } from './form-error';

/** The office fixes the date, time and place, the public/closed flag, the video and what is published. */
export function MeetingSettingsForm({ meeting, etag }: { meeting: MeetingDetail; etag: string }) {
  const t = useT();
  const mt = useMeetingText();
  const update = useUpdateMeeting();
  const fieldErrors = useFieldErrors(update.error);
  const [values, setValues] = useState({
    actualDate: meeting.actualDate ?? '',
    startTime: meeting.startTime ?? '',
    endTime: meeting.endTime ?? '',
    place: meeting.place ?? '',
    isPublic: meeting.isPublic,
    videoUrl: meeting.videoUrl ?? '',
    isAgendaPublished: meeting.isAgendaPublished,
    isVideoPublished: meeting.isVideoPublished,
  });
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const changes: MeetingChanges = {
      actualDate: values.actualDate || null,
      startTime: values.startTime || null,
      endTime: values.endTime || null,
      place: values.place.trim() || null,
      isPublic: values.isPublic,
      videoUrl: values.videoUrl.trim() || null,
      isAgendaPublished: values.isAgendaPublished,
      isVideoPublished: values.isVideoPublished,
    };
    update.mutate({ id: meeting.id, etag, changes }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" data-print-hide>
      <h2 className="text-std-24B-150 text-solid-gray-900">{mt('settings.title')}</h2>
      <div className="flex flex-wrap gap-4">
        <TextField
          label={mt('settings.actualDate')}
          type="date"
          value={values.actualDate}
          onChange={(event) => set('actualDate', event.target.value)}
          error={fieldErrors.actualDate}
        />
        <TextField
          label={mt('settings.startTime')}
          type="time"
          value={values.startTime}
          onChange={(event) => set('startTime', event.target.value)}
          error={fieldErrors.startTime}
        />
        <TextField
          label={mt('settings.endTime')}
          type="time"
          value={values.endTime}
          onChange={(event) => set('endTime', event.target.value)}
          error={fieldErrors.endTime}
        />
      </div>
      <TextField
        label={mt('settings.place')}
        lang="ja"
        maxLength={200}
        value={values.place}
        onChange={(event) => set('place', event.target.value)}
        error={fieldErrors.place}
      />
      <CheckboxField
        label={mt('settings.isPublic')}
        checked={values.isPublic}
        onChange={(event) => set('isPublic', event.target.checked)}
      />
      <TextField
        label={mt('settings.videoUrl')}
        type="url"
        maxLength={500}
        value={values.videoUrl}
        onChange={(event) => set('videoUrl', event.target.value)}
        error={fieldErrors.videoUrl}
      />
      <CheckboxField
        label={mt('settings.publishAgenda')}
        checked={values.isAgendaPublished}
        onChange={(event) => set('isAgendaPublished', event.target.checked)}
      />
      <CheckboxField
        label={mt('settings.publishVideo')}
        checked={values.isVideoPublished}
        onChange={(event) => set('isVideoPublished', event.target.checked)}
      />
      <FormError error={update.error} />
      {saved && !update.isError ? (
        <Alert tone="success" announce="polite">
          <p>{mt('settings.saved')}</p>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {update.isPending ? t('common.saving') : mt('settings.save')}
        </Button>
      </div>
    </form>
  );
}
