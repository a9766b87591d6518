import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { inputClassName } from '@/components/ui/form-field';
import { PageHeading } from '@/components/ui/page-heading';
import { SelectField } from '@/components/ui/select-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useCommitImport, usePreviewImport } from '../api/needs';
import { useNeedText } from '../messages';
import type { ImportPreview } from '../types';

const thClass = 'px-3 py-2 text-std-16B-170';
const cellClass = 'px-3 py-3 align-top';

/** CSV import: choose a file, check every row (nothing is written), then import all rows or none. */
export function ImportPage() {
  const text = useNeedText();
  const { language } = useLanguage();
  const id = useId();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('auto');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const previewing = usePreviewImport();
  const committing = useCommitImport();
  useDocumentTitle(text('import'));
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    committing.reset();
    previewing.mutate({ file, encoding }, { onSuccess: setPreview });
  };
  const canCommit =
    preview !== null && preview.fileErrors.length === 0 && preview.errorCount === 0 && preview.rowCount > 0;
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('importLead')}>{text('import')}</PageHeading>
      <p>
        <Link to="/needs" className="link">
          {text('backToList')}
        </Link>
      </p>
      <p className="max-w-4xl">{text('importColumns')}</p>
      <form onSubmit={check} className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-file`} className="text-std-17B-170">
            {text('file')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            className={inputClassName}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </div>
        <SelectField
          label={text('encoding')}
          value={encoding}
          onChange={(event) => {
            setEncoding(event.target.value);
            setPreview(null);
          }}
          options={(['auto', 'utf-8', 'shift_jis'] as const).map((value) => ({
            value,
            label: text(`encoding.${value}`),
          }))}
        />
        <Button type="submit" variant="secondary" disabled={!file || previewing.isPending}>
          {text('preview')}
        </Button>
      </form>
      {previewing.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(previewing.error)}
        </Alert>
      ) : null}
      {committing.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(committing.error)}
        </Alert>
      ) : null}
      {committing.data ? (
        <Alert tone="success" announce="polite">
          {text('imported', { count: committing.data.created })}
        </Alert>
      ) : null}
      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-4">
          <h2 id={`${id}-preview`} className="text-std-20B-150" aria-live="polite">
            {text('previewSummary', {
              encoding:
                preview.encoding === 'shift_jis' ? 'Shift_JIS' : preview.encoding === 'utf-8' ? 'UTF-8' : '—',
              rows: preview.rowCount,
              valid: preview.validCount,
              errors: preview.errorCount,
            })}
          </h2>
          {preview.fileErrors.length > 0 ? (
            <Alert tone="error" title={text('fileErrors')}>
              <ul className="list-disc pl-6">
                {preview.fileErrors.map((error) => (
                  <li key={error.ja}>{error[language]}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {preview.rows.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-std-16N-170">
                <caption className="mb-2 text-left text-std-17B-170">
                  {text('previewCaption', { rows: preview.rowCount, errors: preview.errorCount })}
                </caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-600">
                    <th scope="col" className={thClass}>
                      {text('preview.line')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('preview.result')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('column.receivedOn')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('column.side')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('column.channel')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('column.unit')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('column.body')}
                    </th>
                    <th scope="col" className={thClass}>
                      {text('preview.errors')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr
                      key={row.line}
                      className={`border-b border-solid-gray-200 ${row.isValid ? '' : 'bg-red-50'}`}
                    >
                      <th scope="row" className={`${cellClass} tabular-nums`}>
                        {row.line}
                      </th>
                      <td className={cellClass}>
                        {row.isValid ? (
                          <Badge tone="neutral">{text('preview.ok')}</Badge>
                        ) : (
                          <Badge tone="target">{text('preview.error')}</Badge>
                        )}
                      </td>
                      <td className={`${cellClass} tabular-nums`}>{row.values.receivedOn}</td>
                      <td className={cellClass}>{row.values.side}</td>
                      <td className={cellClass}>{row.values.channel}</td>
                      <td className={cellClass}>{row.values.orgUnitCode}</td>
                      <td className={`${cellClass} max-w-md`} lang="ja">
                        {row.values.body}
                      </td>
                      <td className={cellClass}>
                        {row.errors.length > 0 ? (
                          <ul className="list-disc pl-5 text-error-2">
                            {row.errors.map((error) => (
                              <li key={`${error.column}-${error.messages.ja}`}>{error.messages[language]}</li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {canCommit && file && !committing.data ? (
            <Button
              className="self-start"
              disabled={committing.isPending}
              onClick={() => committing.mutate({ file, encoding })}
            >
              {text('commit', { count: preview.rowCount })}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
