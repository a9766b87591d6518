import { useEffect, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClassName } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { apiUrl } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useReportJob, useRequestReport } from '../api/dashboard';
import { type DashboardTextKey, useDashboardText } from '../messages';
import type { ReportKind } from '../types';

const FORMATS: { kind: Exclude<ReportKind, 'csv'>; label: DashboardTextKey }[] = [
  { kind: 'progress_pptx', label: 'reports.pptx' },
  { kind: 'progress_pdf', label: 'reports.pdf' },
  { kind: 'progress_xlsx', label: 'reports.xlsx' },
];

const LISTS = [
  'clusters',
  'analyses',
  'meetings',
  'decisions',
  'policies',
  'initiatives',
  'effects',
  'platinum-issues',
  'schedule',
  'needs',
] as const;

/** One export: a button that asks for it, a progress bar while it is made, then the download link. */
function ReportExport({
  kind,
  label,
  fiscalYear,
}: {
  kind: Exclude<ReportKind, 'csv'>;
  label: string;
  fiscalYear: number;
}) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const errorText = useErrorText();
  const request = useRequestReport();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useReportJob(jobId);
  const status = job.data?.status;
  const isWorking = request.isPending || status === 'queued' || status === 'running';
  const progressId = useId();

  // A new year means a new export.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the year changes
  useEffect(() => setJobId(null), [fiscalYear]);

  return (
    <li className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
      <Button
        variant="secondary"
        disabled={isWorking}
        aria-describedby={isWorking ? progressId : undefined}
        onClick={() => request.mutate({ kind, fiscalYear }, { onSuccess: (created) => setJobId(created.id) })}
      >
        {text('reports.make', { format: label })}
      </Button>
      {isWorking ? (
        <div id={progressId} role="status" className="flex flex-col gap-1">
          <span>{text('reports.making', { format: label, progress: job.data?.progress ?? 0 })}</span>
          <progress max={100} value={job.data?.progress ?? 0} className="w-full" aria-label={label} />
        </div>
      ) : null}
      {status === 'done' && job.data?.downloadUrl ? (
        <div role="status" className="flex flex-col gap-2">
          <span>{text('reports.ready', { format: label })}</span>
          <a href={job.data.downloadUrl} className={buttonClassName('primary', 'sm')} download>
            {text('reports.download', { file: job.data.fileName ?? label })}
          </a>
        </div>
      ) : null}
      {status === 'failed' ? (
        <Alert tone="error" announce="assertive" title={text('reports.failed', { format: label })}>
          {job.data?.error?.messages[language]}
        </Alert>
      ) : null}
      {request.isError ? (
        <Alert tone="error" announce="assertive" title={text('reports.failed', { format: label })}>
          {errorText(request.error)}
        </Alert>
      ) : null}
    </li>
  );
}

/** The progress report as PowerPoint, PDF and Excel (made off the request path), and any list as CSV. */
export function ReportDownloads({ fiscalYear }: { fiscalYear: number }) {
  const text = useDashboardText();
  const [list, setList] = useState<(typeof LISTS)[number]>('clusters');
  const [encoding, setEncoding] = useState<'utf-8' | 'shift_jis'>('utf-8');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 print:hidden">
      <h2 id={headingId} className="text-std-24B-150">
        {text('reports.title')}
      </h2>
      <p>{text('reports.lead')}</p>
      <ul className="grid gap-4 md:grid-cols-3">
        {FORMATS.map((format) => (
          <ReportExport
            key={format.kind}
            kind={format.kind}
            label={text(format.label)}
            fiscalYear={fiscalYear}
          />
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          label={text('reports.csvList')}
          value={list}
          onChange={(event) => setList(event.target.value as (typeof LISTS)[number])}
          options={LISTS.map((value) => ({ value, label: text(`list.${value}` as DashboardTextKey) }))}
        />
        <SelectField
          label={text('reports.csvEncoding')}
          value={encoding}
          onChange={(event) => setEncoding(event.target.value as 'utf-8' | 'shift_jis')}
          options={[
            { value: 'utf-8', label: text('reports.utf8') },
            { value: 'shift_jis', label: text('reports.sjis') },
          ]}
        />
        <a
          href={apiUrl(`/reports/lists/${list}`, { fy: fiscalYear, encoding })}
          className={buttonClassName('secondary')}
          download
        >
          {text('reports.csvDownload')}
        </a>
      </div>
    </section>
  );
}
