import { type FormEvent, useEffect, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { API_BASE } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import {
  useImportActions,
  useImportHistory,
  useImportJob,
  useImportKinds,
  useImportRows,
} from '../api/imports';
import { useImportText } from '../messages';
import type { ImportJob, ImportKind } from '../types';

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM付き）',
  shift_jis: 'Shift_JIS',
};

const tableClass = 'w-full border-collapse text-left text-std-16N-170';
const cellClass = 'border border-solid-gray-420 px-3 py-2 align-top';
const headClass = `${cellClass} bg-solid-gray-50 font-bold`;

/** Excel・CSV の取込: choose a file, match its columns, read the check of every row, import all or nothing. */
export function ImportsPage() {
  const text = useImportText();
  const kinds = useImportKinds();
  const [jobId, setJobId] = useState<string | null>(null);
  useDocumentTitle(text('title'));

  return (
    <div>
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {kinds.isPending ? <Loading /> : null}
      {kinds.isError ? <QueryError error={kinds.error} onRetry={() => void kinds.refetch()} /> : null}
      {kinds.data && kinds.data.items.length === 0 ? <Alert tone="info">{text('noKinds')}</Alert> : null}
      {kinds.data && kinds.data.items.length > 0 ? (
        <>
          {jobId ? (
            <ImportJobPanel jobId={jobId} onRestart={() => setJobId(null)} />
          ) : (
            <UploadForm kinds={kinds.data.items} onUploaded={setJobId} />
          )}
          <ImportHistory />
        </>
      ) : null}
    </div>
  );
}

function UploadForm({ kinds, onUploaded }: { kinds: ImportKind[]; onUploaded: (id: string) => void }) {
  const text = useImportText();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const { upload } = useImportActions();
  const prefix = useId();
  const [kind, setKind] = useState(kinds[0]!.kind);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [isFileMissing, setIsFileMissing] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setIsFileMissing(true);
      return;
    }
    upload.mutate({ kind, file, encoding }, { onSuccess: (job) => onUploaded(job.id) });
  }

  return (
    <section aria-labelledby={`${prefix}-heading`} className="mb-10">
      <h2 id={`${prefix}-heading`} className="mb-4 text-std-20B-150">
        {text('uploadHeading')}
      </h2>
      <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-5">
        {upload.isError ? (
          <Alert tone="error" announce="assertive">
            {errorText(upload.error)}
          </Alert>
        ) : null}
        <div className="flex flex-col gap-2">
          <label htmlFor={`${prefix}-kind`} className="text-std-16B-170">
            {text('kind')}
          </label>
          <select
            id={`${prefix}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            className="min-h-12 rounded-8 border border-solid-gray-600 px-3"
          >
            {kinds.map((item) => (
              <option key={item.kind} value={item.kind}>
                {item.label[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-2">
          <label htmlFor={`${prefix}-file`} className="text-std-16B-170">
            {text('file')}
          </label>
          <input
            id={`${prefix}-file`}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={isFileMissing || undefined}
            aria-describedby={isFileMissing ? `${prefix}-file-error` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setIsFileMissing(false);
            }}
          />
          {isFileMissing ? (
            <p id={`${prefix}-file-error`} className="text-std-16N-170 text-error-2">
              {text('chooseFile')}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-2">
          <label htmlFor={`${prefix}-encoding`} className="text-std-16B-170">
            {text('encoding')}
          </label>
          <select
            id={`${prefix}-encoding`}
            value={encoding}
            aria-describedby={`${prefix}-encoding-hint`}
            onChange={(event) => setEncoding(event.target.value)}
            className="min-h-12 rounded-8 border border-solid-gray-600 px-3"
          >
            <option value="">{text('encodingAuto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="shift_jis">Shift_JIS</option>
          </select>
          <p id={`${prefix}-encoding-hint`} className="text-std-16N-170 text-solid-gray-700">
            {text('encodingHint')}
          </p>
        </div>
        <div>
          <Button type="submit" aria-disabled={upload.isPending || undefined}>
            {upload.isPending ? text('uploading') : text('upload')}
          </Button>
        </div>
      </form>
      <h3 className="mt-8 mb-2 text-std-17B-170">{text('exportHeading')}</h3>
      <ul className="flex flex-col gap-1">
        {kinds.map((item) => (
          <li key={item.kind}>
            <span className="mr-3">{item.label[language]}：</span>
            <a className="link mr-3" href={`${API_BASE}/import-kinds/${item.kind}/export?format=xlsx`}>
              {text('exportXlsx')}
            </a>
            <a
              className="link mr-3"
              href={`${API_BASE}/import-kinds/${item.kind}/export?format=csv&encoding=utf-8`}
            >
              {text('exportCsv')}
            </a>
            <a
              className="link"
              href={`${API_BASE}/import-kinds/${item.kind}/export?format=csv&encoding=shift_jis`}
            >
              {text('exportSjis')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ImportJobPanel({ jobId, onRestart }: { jobId: string; onRestart: () => void }) {
  const text = useImportText();
  const errorText = useErrorText();
  const job = useImportJob(jobId);
  const actions = useImportActions();
  if (job.isPending) return <Loading />;
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;
  const failure =
    actions.setMapping.error ?? actions.commit.error ?? actions.setEncoding.error ?? actions.discard.error;
  return (
    <div className="mb-10 flex flex-col gap-8">
      <p className="text-std-17B-170">
        {data.kindLabel.ja}：{text('fileInfo', { fileName: data.fileName, rows: data.totalRows })}
      </p>
      {failure ? (
        <Alert tone="error" announce="assertive">
          {errorText(failure)}
        </Alert>
      ) : null}
      {data.error && !failure ? (
        <Alert tone="warning" announce="polite">
          {data.error.messages.ja}
        </Alert>
      ) : null}
      {data.status === 'uploaded' || data.status === 'previewed' ? <MappingForm job={data} /> : null}
      {data.status === 'validating' || data.status === 'committing' ? (
        <div>
          <label htmlFor="import-progress" className="text-std-16B-170">
            {data.status === 'validating' ? text('checking') : text('committing')}
          </label>
          <progress
            id="import-progress"
            className="mt-2 block h-4 w-full max-w-xl"
            max={100}
            value={data.status === 'validating' ? data.progress : undefined}
            aria-valuetext={`${data.progress}%`}
          />
          <p role="status" className="text-std-16N-170">
            {data.status === 'validating' ? `${data.processedRows} / ${data.totalRows}` : ''}
          </p>
        </div>
      ) : null}
      {data.status === 'previewed' ? <Preview job={data} /> : null}
      {data.status === 'committed' ? (
        <Alert tone="success" announce="polite">
          {text('committed', data.counts)}
        </Alert>
      ) : null}
      {data.status === 'discarded' ? <Alert tone="info">{text('discarded')}</Alert> : null}
      <div className="flex flex-wrap gap-4">
        {data.status === 'previewed' ? (
          <Button
            onClick={() => actions.commit.mutate(data)}
            disabled={!data.isCommittable}
            aria-disabled={actions.commit.isPending || undefined}
          >
            {actions.commit.isPending ? text('committing') : text('commit')}
          </Button>
        ) : null}
        {data.status === 'uploaded' || data.status === 'previewed' ? (
          <Button variant="secondary" onClick={() => actions.discard.mutate(data)}>
            {text('discard')}
          </Button>
        ) : null}
        <Button variant="tertiary" onClick={onRestart}>
          {text('newImport')}
        </Button>
      </div>
      {data.status === 'previewed' && !data.isCommittable && data.counts.error > 0 ? (
        <p className="text-std-16N-170">{text('fixAndRetry')}</p>
      ) : null}
    </div>
  );
}

function MappingForm({ job }: { job: ImportJob }) {
  const text = useImportText();
  const { language } = useLanguage();
  const { setMapping, setEncoding } = useImportActions();
  const prefix = useId();
  const [mapping, setLocalMapping] = useState(job.mapping);
  const [encoding, setLocalEncoding] = useState(
    job.encoding === 'utf-8-bom' ? 'utf-8' : (job.encoding ?? ''),
  );
  useEffect(() => setLocalMapping(job.mapping), [job.mapping]);
  const sample = job.sampleRows[0] ?? [];
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="mb-4 text-std-20B-150">
        {text('mappingHeading')}
      </h2>
      {job.format === 'csv' ? (
        <div className="mb-6 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-2">
            <label htmlFor={`${prefix}-encoding`} className="text-std-16B-170">
              {text('detectedEncoding', { encoding: ENCODING_NAMES[job.encoding ?? ''] ?? '' })}
            </label>
            <select
              id={`${prefix}-encoding`}
              value={encoding}
              onChange={(event) => setLocalEncoding(event.target.value)}
              className="min-h-12 rounded-8 border border-solid-gray-600 px-3"
            >
              <option value="utf-8">UTF-8</option>
              <option value="shift_jis">Shift_JIS</option>
            </select>
          </div>
          <Button variant="secondary" onClick={() => setEncoding.mutate({ job, encoding })}>
            {text('changeEncoding')}
          </Button>
        </div>
      ) : null}
      <table className={tableClass}>
        <caption className="mb-2 text-left text-std-16N-170 text-solid-gray-700">
          {text('mappingCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={headClass}>
              {text('field')}
            </th>
            <th scope="col" className={headClass}>
              {text('column')}
            </th>
            <th scope="col" className={headClass}>
              {text('example')}
            </th>
          </tr>
        </thead>
        <tbody>
          {job.fields.map((field) => {
            const id = `${prefix}-${field.key}`;
            const column = mapping[field.key] ?? null;
            return (
              <tr key={field.key}>
                <th scope="row" className={cellClass}>
                  <label htmlFor={id}>{field.label[language]}</label>
                  {field.isRequired ? (
                    <span className="ml-2 rounded-4 border border-error-2 px-1 text-dns-14N-130 text-error-2">
                      {text('required')}
                    </span>
                  ) : null}
                  {field.hint ? (
                    <p id={`${id}-hint`} className="font-normal text-dns-14N-130 text-solid-gray-700">
                      {field.hint[language]}
                    </p>
                  ) : null}
                </th>
                <td className={cellClass}>
                  <select
                    id={id}
                    value={column === null ? '' : String(column)}
                    aria-describedby={field.hint ? `${id}-hint` : undefined}
                    onChange={(event) =>
                      setLocalMapping({
                        ...mapping,
                        [field.key]: event.target.value === '' ? null : Number(event.target.value),
                      })
                    }
                    className="min-h-10 w-full rounded-6 border border-solid-gray-600 px-2"
                  >
                    <option value="">{text('notMapped')}</option>
                    {job.headers.map((header, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their place
                      <option key={index} value={index}>
                        {header || `(${index + 1})`}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={cellClass} lang="ja">
                  {column === null ? '' : (sample[column] ?? '')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-4">
        <Button
          onClick={() => setMapping.mutate({ job, mapping })}
          aria-disabled={setMapping.isPending || undefined}
        >
          {setMapping.isPending ? text('checking') : text('check')}
        </Button>
      </div>
    </section>
  );
}

function Preview({ job }: { job: ImportJob }) {
  const text = useImportText();
  const { language } = useLanguage();
  const prefix = useId();
  const [isErrorsOnly, setIsErrorsOnly] = useState(job.counts.error > 0);
  const [page, setPage] = useState(1);
  const rows = useImportRows(job.id, { filter: isErrorsOnly ? 'errors' : 'all', page, isReady: true });
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} className="mb-2 text-std-20B-150">
        {text('previewHeading')}
      </h2>
      <p role="status" className="mb-4 text-std-17B-170">
        {text('counts', job.counts)}
      </p>
      <div className="mb-4 flex items-center gap-2">
        <input
          id={`${prefix}-errors`}
          type="checkbox"
          checked={isErrorsOnly}
          onChange={(event) => {
            setIsErrorsOnly(event.target.checked);
            setPage(1);
          }}
          className="size-5"
        />
        <label htmlFor={`${prefix}-errors`}>{text('errorsOnly')}</label>
      </div>
      {rows.isError ? <QueryError error={rows.error} /> : null}
      {rows.data ? (
        <>
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className="mb-2 text-left text-std-16N-170 text-solid-gray-700">
                {text('rowsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={headClass}>
                    {text('row')}
                  </th>
                  <th scope="col" className={headClass}>
                    {text('action')}
                  </th>
                  {job.fields
                    .filter((field) => job.mapping[field.key] !== null)
                    .map((field) => (
                      <th key={field.key} scope="col" className={headClass}>
                        {field.label[language]}
                      </th>
                    ))}
                  <th scope="col" className={headClass}>
                    {text('problems')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row) => (
                  <tr key={row.rowNumber} className={row.action === 'error' ? 'bg-red-50' : undefined}>
                    <th scope="row" className={cellClass}>
                      {row.rowNumber}
                    </th>
                    <td className={cellClass}>
                      {row.action === 'error' ? (
                        <strong>{text('action.error')}</strong>
                      ) : (
                        text(`action.${row.action}`)
                      )}
                    </td>
                    {job.fields
                      .filter((field) => job.mapping[field.key] !== null)
                      .map((field) => (
                        <td key={field.key} className={cellClass} lang="ja">
                          {row.values[field.key]}
                        </td>
                      ))}
                    <td className={cellClass}>
                      {row.errors.length > 0 ? (
                        <ul className="list-disc pl-5">
                          {row.errors.map((error, index) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: a row's errors have no identity beyond their order
                            <li key={index}>{error.messages[language]}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.data.total > rows.data.pageSize ? (
            <Pagination
              page={page}
              pageSize={rows.data.pageSize}
              total={rows.data.total}
              label={text('rowsPagination')}
              onPageChange={setPage}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ImportHistory() {
  const text = useImportText();
  const { language } = useLanguage();
  const history = useImportHistory();
  if (!history.data || history.data.items.length === 0) return null;
  return (
    <section aria-labelledby="import-history-heading" className="mt-10">
      <h2 id="import-history-heading" className="mb-4 text-std-20B-150">
        {text('historyHeading')}
      </h2>
      <div className="overflow-x-auto">
        <table className={tableClass}>
          <caption className="mb-2 text-left text-std-16N-170 text-solid-gray-700">
            {text('historyCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={headClass}>
                {text('when')}
              </th>
              <th scope="col" className={headClass}>
                {text('kind')}
              </th>
              <th scope="col" className={headClass}>
                {text('file')}
              </th>
              <th scope="col" className={headClass}>
                {text('status')}
              </th>
              <th scope="col" className={headClass}>
                {text('who')}
              </th>
            </tr>
          </thead>
          <tbody>
            {history.data.items.map((job) => (
              <tr key={job.id}>
                <td className={cellClass}>{formatDateTime(job.createdAt, language)}</td>
                <td className={cellClass}>{job.kindLabel[language]}</td>
                <td className={cellClass}>
                  <a className="link" href={`${API_BASE}/imports/${job.id}/file`}>
                    {job.fileName}
                  </a>
                </td>
                <td className={cellClass}>
                  {text(`status.${job.status}`)}
                  {job.status === 'committed' ? `（${text('counts', job.counts)}）` : ''}
                </td>
                <td className={cellClass} lang="ja">
                  {job.createdBy.displayName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
