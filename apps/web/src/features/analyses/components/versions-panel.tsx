import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useComparison, useVersions } from '../api/records';
import { useAnalysisText } from '../messages';
import type { AnalysisDetail, Comparison, TextDiffPart } from '../types';
import { Part } from './parts';

function Leaf({ value }: { value: string | number | boolean | null }) {
  const text = useAnalysisText();
  if (value === null || value === '') return <span className="text-solid-gray-600">{text('empty')}</span>;
  return <span className="whitespace-pre-wrap">{String(value)}</span>;
}

/** A sentence diff: removed text struck through and added text underlined, each also named in words. */
function TextDiff({ parts }: { parts: TextDiffPart[] }) {
  const text = useAnalysisText();
  return (
    <p className="whitespace-pre-wrap text-std-16N-175">
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence.
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence.
          <del key={index} className="bg-red-50 text-error-2 decoration-2">
            <span className="sr-only">［{text('removed')}：</span>
            {part.text}
            <span className="sr-only">］</span>
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence.
          <ins key={index} className="bg-green-50 text-success-2 decoration-2">
            <span className="sr-only">［{text('added')}：</span>
            {part.text}
            <span className="sr-only">］</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** A change's place in words: 「2件目 見出し」 for `items[1].title`, 「本文」 for `text`. */
export function usePathLabel(): (path: string) => string {
  const text = useAnalysisText();
  return (path: string) =>
    path
      .split('.')
      .flatMap((segment) => {
        const match = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(segment);
        if (!match) return [segment];
        const key = `field.${match[1]}` as Parameters<typeof text>[0];
        let label: string;
        try {
          label = text(key);
        } catch {
          label = match[1]!;
        }
        const indexes = [...(match[2] ?? '').matchAll(/\[(\d+)\]/g)].map((found) =>
          text('itemOrdinal', { index: Number(found[1]) + 1 }),
        );
        return [label, ...indexes].filter(Boolean);
      })
      .join(' ');
}

/** What changed, section by section; unchanged sections are named in one line. */
export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const text = useAnalysisText();
  const pathLabel = usePathLabel();
  const changed = comparison.sections.filter((section) => section.isChanged);
  const unchanged = comparison.sections.filter((section) => !section.isChanged);
  return (
    <div className="flex flex-col gap-6" aria-live="polite">
      {changed.map((section) => (
        <section
          key={section.section}
          aria-labelledby={`compare-${section.section}`}
          className="flex flex-col gap-3"
        >
          <h3 id={`compare-${section.section}`} className="text-std-17B-170">
            {text(`section.${section.section}`)}
          </h3>
          <ul className="flex flex-col gap-3">
            {section.changes.map((change) => (
              <li
                key={`${change.path}-${change.kind}`}
                className="rounded-8 border border-solid-gray-300 p-3"
              >
                <p className="text-dns-14B-130 text-solid-gray-700">
                  {text(change.kind)}
                  {change.path ? `：${pathLabel(change.path)}` : ''}
                </p>
                {change.textDiff ? (
                  <TextDiff parts={change.textDiff} />
                ) : (
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-4">
                    <dt className="font-bold">{text('before')}</dt>
                    <dd>
                      <Leaf value={change.before} />
                    </dd>
                    <dt className="font-bold">{text('after')}</dt>
                    <dd>
                      <Leaf value={change.after} />
                    </dd>
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {unchanged.length > 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">
          {text('unchangedSections', {
            sections: unchanged.map((section) => text(`section.${section.section}`)).join('、'),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** 提出版と比較: the versions with their review steps, and a comparison of any two (or one and the working copy). */
export function VersionsPanel({
  analysis,
  from,
  to,
  onCompare,
}: {
  analysis: AnalysisDetail;
  from: number | undefined;
  to: number | 'current' | undefined;
  onCompare: (from: number, to: number | 'current') => void;
}) {
  const text = useAnalysisText();
  const { language } = useLanguage();
  const versions = useVersions(analysis.id);
  const comparison = useComparison(analysis.id, from, to);
  const items = versions.data?.items ?? [];
  const last = items.at(-1)?.number;
  const [fromChoice, setFromChoice] = useState<string>('');
  const [toChoice, setToChoice] = useState<string>('');
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  const defaultFrom = from ?? (items.length >= 2 ? items.at(-2)!.number : last);
  const defaultTo =
    to ?? (items.length >= 2 ? last : analysis.permissions.canReadWorkingCopy ? 'current' : last);
  const options = [
    ...items.map((version) => ({
      value: String(version.number),
      label: text('versionNumber', { number: version.number }),
    })),
    ...(analysis.permissions.canReadWorkingCopy ? [{ value: 'current', label: text('current') }] : []),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const fromValue = Number(fromChoice || defaultFrom);
    const toValue = (toChoice || String(defaultTo)) === 'current' ? 'current' : Number(toChoice || defaultTo);
    if (Number.isInteger(fromValue)) onCompare(fromValue, toValue);
  };

  return (
    <Part id="analysis-versions" title={text('versionsHeading')} lead={text('versionsLead')}>
      {items.length === 0 ? (
        <p>{text('noVersions')}</p>
      ) : (
        <>
          <ol className="flex flex-col gap-2">
            {items.map((version) => (
              <li
                key={version.number}
                className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-solid-gray-200 pb-2"
              >
                <span className="text-std-17B-170">{text('versionNumber', { number: version.number })}</span>
                <span>{text('versionFor', { report: text(`stage.${version.report}`) })}</span>
                <span>{text(`version.${version.status}`)}</span>
                <span className="text-solid-gray-700">{formatDateTime(version.submittedAt, language)}</span>
                {version.submittedBy ? (
                  <span className="text-solid-gray-700">
                    {text('submittedBy', { name: version.submittedBy.displayName })}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4" aria-label={text('compare')}>
            <SelectField
              label={text('compareFrom')}
              value={fromChoice || String(defaultFrom ?? '')}
              onChange={(event) => setFromChoice(event.target.value)}
              options={options.filter((option) => option.value !== 'current')}
            />
            <SelectField
              label={text('compareTo')}
              value={toChoice || String(defaultTo ?? '')}
              onChange={(event) => setToChoice(event.target.value)}
              options={options}
            />
            <Button type="submit" variant="secondary">
              {text('compare')}
            </Button>
          </form>
          {comparison.isPending && from !== undefined ? <Loading /> : null}
          {comparison.isError ? <QueryError error={comparison.error} /> : null}
          {comparison.data ? <ComparisonView comparison={comparison.data} /> : null}
        </>
      )}
    </Part>
  );
}
