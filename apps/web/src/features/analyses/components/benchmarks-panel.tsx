import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { useAnalysisWrite } from '../api/analyses';
import { useBenchmarks, useImportBenchmarks } from '../api/records';
import { useAnalysisText } from '../messages';
import {
  type AnalysisDetail,
  BENCHMARK_DIRECTIONS,
  type BenchmarkDirection,
  type BenchmarkValue,
  type Indicator,
} from '../types';
import { BenchmarkChart, BenchmarkTable } from './benchmark-chart';
import { Part } from './parts';

const OWN_MARK = '本市';

/** Values as lines of 「比較対象,年度,値」 with 「,本市」 for this city, as the form edits them. */
export function valuesToText(values: BenchmarkValue[]): string {
  return values
    .map((value) => `${value.subject},${value.year},${value.value}${value.isOwnCity ? `,${OWN_MARK}` : ''}`)
    .join('\n');
}

/** Reads the lines back; null with the line number of the first that cannot be read. */
export function textToValues(text: string): { values: BenchmarkValue[] } | { badLine: number } {
  const values: BenchmarkValue[] = [];
  const lines = text.normalize('NFKC').split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const parts = line.split(',').map((part) => part.trim());
    const [subject, yearText, valueText, mark] = parts;
    const year = Number(yearText);
    const value = Number(valueText);
    if (!subject || !Number.isInteger(year) || !Number.isFinite(value) || parts.length > 4)
      return { badLine: index + 1 };
    values.push({ subject, year, value, isOwnCity: mark === OWN_MARK });
  }
  return { values };
}

function IndicatorForm({
  analysis,
  indicator,
  onDone,
}: {
  analysis: AnalysisDetail;
  indicator: Indicator | null;
  onDone: () => void;
}) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const write = useAnalysisWrite(analysis.id);
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [direction, setDirection] = useState<BenchmarkDirection>(indicator?.direction ?? 'lower_is_better');
  const [source, setSource] = useState(indicator?.source ?? '');
  const [valuesText, setValuesText] = useState(indicator ? valuesToText(indicator.values) : '');
  const [badLine, setBadLine] = useState<number | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = textToValues(valuesText);
    if ('badLine' in parsed) {
      setBadLine(parsed.badLine);
      return;
    }
    setBadLine(null);
    write.mutate(
      {
        method: indicator ? 'PUT' : 'POST',
        path: indicator ? `/benchmarks/${indicator.id}` : '/benchmarks',
        version: analysis.version,
        body: { name, unit, direction, source, values: parsed.values },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      onSubmit={onSubmit}
      className="grid max-w-4xl gap-4 rounded-8 border border-solid-gray-420 p-4 md:grid-cols-2"
    >
      {write.isError ? (
        <Alert tone="error" announce="assertive" className="md:col-span-2">
          {errorText(write.error)}
        </Alert>
      ) : null}
      <TextField
        label={text('indicatorName')}
        required
        value={name}
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={text('indicatorUnit')}
        value={unit}
        maxLength={30}
        onChange={(event) => setUnit(event.target.value)}
      />
      <SelectField
        label={text('indicatorDirection')}
        value={direction}
        onChange={(event) => setDirection(event.target.value as BenchmarkDirection)}
        options={BENCHMARK_DIRECTIONS.map((item) => ({
          value: item,
          label: text(`benchmarkDirection.${item}`),
        }))}
      />
      <TextField
        label={text('indicatorSource')}
        value={source}
        maxLength={1000}
        onChange={(event) => setSource(event.target.value)}
      />
      <FormField
        label={text('indicatorValues')}
        error={badLine === null ? undefined : text('rowLabel', { index: badLine })}
        className="md:col-span-2"
      >
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={valuesText}
            onChange={(event) => setValuesText(event.target.value)}
            className={`${inputClassName} font-mono`}
          />
        )}
      </FormField>
      <div className="flex flex-wrap gap-3 md:col-span-2">
        <Button type="submit" aria-disabled={write.isPending || !name.trim() || undefined}>
          {text('save')}
        </Button>
        <Button variant="tertiary" onClick={onDone}>
          {text('cancel')}
        </Button>
      </div>
    </form>
  );
}

function CsvImport({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const importer = useImportBenchmarks(analysis.id);
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="flex max-w-3xl flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (file) importer.mutate({ file, version: analysis.version });
      }}
    >
      <FormField label={text('importCsv')} hint={text('importCsvHint')}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className={inputClassName}
          />
        )}
      </FormField>
      {importer.isError ? (
        <Alert tone="error" announce="assertive">
          <p>{errorText(importer.error)}</p>
        </Alert>
      ) : null}
      {importer.isSuccess ? (
        <Alert tone="success" announce="polite">
          {text('imported', { count: importer.data.importedRows })}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" aria-disabled={!file || importer.isPending || undefined}>
          {text('importCsv')}
        </Button>
      </div>
    </form>
  );
}

/** 比較分析: each indicator as a chart and a table with this city's rank; the owning department edits them. */
export function BenchmarksPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const benchmarks = useBenchmarks(analysis.id);
  const write = useAnalysisWrite(analysis.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const canEdit = analysis.permissions.canEditReport;
  if (benchmarks.isPending) return <Loading />;
  if (benchmarks.isError)
    return <QueryError error={benchmarks.error} onRetry={() => void benchmarks.refetch()} />;
  const items = benchmarks.data.items;
  return (
    <Part id="analysis-benchmarks" title={text('benchmarksHeading')} lead={text('benchmarksLead')}>
      {items.length === 0 ? <p>{text('noIndicators')}</p> : null}
      {items.map((indicator) => (
        <article
          key={indicator.id}
          aria-label={indicator.name}
          className="flex flex-col gap-4 rounded-12 border border-solid-gray-300 p-4"
        >
          <h3 className="text-std-17B-170">{indicator.name}</h3>
          <ul className="flex flex-wrap gap-x-6 text-std-16N-170">
            {indicator.ranks.map((rank) => (
              <li key={rank.year}>
                {rank.rank === null
                  ? text('rankNone', { year: rank.year })
                  : text('rank', { year: rank.year, rank: rank.rank, of: rank.of })}
              </li>
            ))}
          </ul>
          {indicator.values.length > 0 ? (
            <>
              <BenchmarkChart indicator={indicator} />
              <BenchmarkTable indicator={indicator} />
            </>
          ) : null}
          {canEdit ? (
            editing === indicator.id ? (
              <IndicatorForm analysis={analysis} indicator={indicator} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap gap-3">
                <Button variant="secondary" size="sm" onClick={() => setEditing(indicator.id)}>
                  {text('editIndicator')}
                </Button>
                <Button
                  variant="danger"
                  size="sm"
                  onClick={() =>
                    write.mutate({
                      method: 'DELETE',
                      path: `/benchmarks/${indicator.id}`,
                      version: analysis.version,
                    })
                  }
                >
                  {text('deleteIndicator')}
                </Button>
              </div>
            )
          ) : null}
        </article>
      ))}
      {canEdit ? (
        <>
          {editing === 'new' ? (
            <IndicatorForm analysis={analysis} indicator={null} onDone={() => setEditing(null)} />
          ) : (
            <div>
              <Button onClick={() => setEditing('new')}>{text('addIndicator')}</Button>
            </div>
          )}
          <CsvImport analysis={analysis} />
        </>
      ) : null}
    </Part>
  );
}
