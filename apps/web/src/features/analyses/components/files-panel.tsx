import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { attachmentUrl, useAttachments, useDeleteAttachment, useUploadAttachment } from '../api/records';
import { useAnalysisText } from '../messages';
import type { AnalysisDetail } from '../types';
import { Part } from './parts';

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 添付ファイル: files checked by content on upload and downloaded as attachments. */
export function FilesPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const files = useAttachments(analysis.id, analysis.permissions.canReadWorkingCopy);
  const upload = useUploadAttachment(analysis.id);
  const remove = useDeleteAttachment(analysis.id);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [inputKey, setInputKey] = useState(0);
  if (files.isPending) return <Loading />;
  if (files.isError) return <QueryError error={files.error} onRetry={() => void files.refetch()} />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, title },
      {
        onSuccess: () => {
          setFile(null);
          setTitle('');
          setInputKey((key) => key + 1);
        },
      },
    );
  };
  return (
    <Part id="analysis-files" title={text('filesHeading')} lead={text('filesLead')}>
      {files.data.items.length === 0 ? <p>{text('noFiles')}</p> : null}
      <ul className="flex flex-col gap-2">
        {files.data.items.map((item) => (
          <li
            key={item.id}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-solid-gray-200 pb-2"
          >
            <a href={attachmentUrl(analysis.id, item.id)} className="link" download={item.fileName}>
              {item.fileName}
              <span className="sr-only">（{text('download')}）</span>
            </a>
            {item.title ? <span>{item.title}</span> : null}
            <span className="text-solid-gray-700">{fileSize(item.byteSize)}</span>
            <span className="text-solid-gray-700">
              {item.uploadedBy?.displayName ?? ''} {formatDateTime(item.createdAt, language)}
            </span>
            {analysis.permissions.canUploadAttachment ? (
              <Button variant="danger" size="xs" onClick={() => remove.mutate(item.id)}>
                {text('deleteFile')}
                <span className="sr-only">：{item.fileName}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {remove.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(remove.error)}
        </Alert>
      ) : null}
      {analysis.permissions.canUploadAttachment ? (
        <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-3">
          {upload.isError ? (
            <Alert tone="error" announce="assertive">
              {errorText(upload.error)}
            </Alert>
          ) : null}
          <FormField label={text('chooseFile')} required>
            {(control) => (
              <input
                key={inputKey}
                {...control}
                type="file"
                accept=".pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.png,.jpg,.jpeg,.gif,.webp,.csv,.txt"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                className={inputClassName}
              />
            )}
          </FormField>
          <TextField
            label={text('fileTitle')}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
          />
          <div>
            <Button type="submit" aria-disabled={!file || upload.isPending || undefined}>
              {upload.isPending ? text('uploading') : text('upload')}
            </Button>
          </div>
        </form>
      ) : null}
    </Part>
  );
}
