import { type FormEvent, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n/i18n-provider';
import { uploadMaterial, uploadRedactedFile } from '../api/materials';
import { useMeetingMutation } from '../api/use-meeting-mutation';
import { useMeetingText } from '../messages';
import type { Material } from '../types';
import { FormError } from './form-error';

/** Uploads a material to an agenda item (reform office or the presenting unit). */
export function MaterialUploadForm({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const t = useT();
  const mt = useMeetingText();
  const upload = useMeetingMutation(uploadMaterial);
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [isRedactionRequired, setIsRedactionRequired] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fileId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    setDone(null);
    if (!file || upload.isPending) return;
    upload.mutate(
      { meetingId, itemId, file, title, isRedactionRequired },
      {
        onSuccess: (material) => {
          setDone(mt('upload.done', { label: material.label }));
          setTitle('');
          setIsRedactionRequired(false);
          if (fileRef.current) fileRef.current.value = '';
        },
      },
    );
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 px-4 py-4"
      data-print-hide
    >
      <h4 className="text-std-17B-170">{mt('upload.title')}</h4>
      <FormField
        id={fileId}
        label={mt('upload.file')}
        hint={mt('upload.fileHint')}
        required
        error={missingFile ? mt('upload.noFile') : undefined}
      >
        {(control) => <input {...control} ref={fileRef} type="file" className={inputClassName} />}
      </FormField>
      <TextField
        label={mt('upload.titleLabel')}
        hint={mt('upload.titleHint')}
        lang="ja"
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <CheckboxField
        label={mt('upload.redaction')}
        checked={isRedactionRequired}
        onChange={(event) => setIsRedactionRequired(event.target.checked)}
      />
      <FormError error={upload.error} />
      {done ? (
        <Alert tone="success" announce="polite">
          <p>{done}</p>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" size="sm" aria-disabled={upload.isPending || undefined}>
          {upload.isPending ? t('common.saving') : mt('upload.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Uploads or replaces the redacted (黒塗り) edition of a material. */
export function RedactedFileForm({ meetingId, material }: { meetingId: string; material: Material }) {
  const mt = useMeetingText();
  const upload = useMeetingMutation(uploadRedactedFile);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [missingFile, setMissingFile] = useState(false);
  return (
    <form
      noValidate
      className="mt-3 flex flex-col gap-3"
      data-print-hide
      onSubmit={(event) => {
        event.preventDefault();
        const file = fileRef.current?.files?.[0];
        setMissingFile(!file);
        if (file && !upload.isPending) upload.mutate({ meetingId, material, file });
      }}
    >
      <FormField
        id={fileId}
        label={`${mt('upload.redactedFile')}（${material.label}）`}
        error={missingFile ? mt('upload.noFile') : undefined}
      >
        {(control) => <input {...control} ref={fileRef} type="file" className={inputClassName} />}
      </FormField>
      <FormError error={upload.error} />
      <div>
        <Button type="submit" variant="secondary" size="xs" aria-disabled={upload.isPending || undefined}>
          {mt('upload.redactedSubmit')}
        </Button>
      </div>
    </form>
  );
}
