import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { useEffectLines, useLedger, useTargets } from '../api/effects';
import { useEffectText } from '../messages';
import type { Amounts, Effect, Ledger } from '../types';
import { formatYenExact, formatYenNatural, parseYenText } from '../utils/yen';
import { BookEffectForm } from './book-effect-form';
import { TargetChart } from './target-chart';

const tableClass = 'w-full border-collapse text-left text-std-16N-170';
const captionClass = 'mb-2 text-left text-std-17B-170 text-solid-gray-800';
const thClass = 'px-3 py-2 text-std-16B-170';
const cellClass = 'px-3 py-3 align-top';
const numberClass = 'px-3 py-3 text-right tabular-nums align-top';

/** An amount in its natural unit, with the exact yen for those who hover or use a screen reader. */
export function Yen({ value }: { value: string }) {
  const { language } = useLanguage();
  const amount = parseYenText(value);
  return (
    <span title={formatYenExact(amount, language)}>
      <span aria-hidden="true">{formatYenNatural(amount, language)}</span>
      <span className="sr-only">{formatYenExact(amount, language)}</span>
    </span>
  );
}

function AmountsCells({ amounts }: { amounts: Amounts }) {
  return (
    <>
      <td className={numberClass}>
        <Yen value={amounts.actual} />
      </td>
      <td className={numberClass}>
        <Yen value={amounts.planned} />
      </td>
      <td className={`${numberClass} font-bold`}>
        <Yen value={amounts.total} />
      </td>
    </>
  );
}

function AmountsHead({ first }: { first: string }) {
  const text = useEffectText();
  return (
    <thead>
      <tr className="border-b-2 border-solid-gray-600">
        <th scope="col" className={thClass}>
          {first}
        </th>
        <th scope="col" className={`${thClass} text-right`}>
          {text('column.actual')}
        </th>
        <th scope="col" className={`${thClass} text-right`}>
          {text('column.planned')}
        </th>
        <th scope="col" className={`${thClass} text-right`}>
          {text('column.total')}
        </th>
      </tr>
    </thead>
  );
}

function GroupTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; amounts: Amounts }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className={`${tableClass} max-w-3xl`}>
        <caption className={captionClass}>{caption}</caption>
        <AmountsHead first={first} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-solid-gray-200">
              <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                {row.label}
              </th>
              <AmountsCells amounts={row.amounts} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 効果額: the ledger against a programme target — summary, chart with its table, totals by grouping, and the lines. */
export function LedgerPage({ me }: { me: Me }) {
  const text = useEffectText();
  const targets = useTargets();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const targetId = chosen ?? targets.data?.items[0]?.id;
  const ledger = useLedger(targetId);
  const lines = useEffectLines(targetId);
  useDocumentTitle(text('title'));
  return (
    <div className="flex flex-col gap-8">
      <PageHeading lead={text('lead')}>{text('title')}</PageHeading>
      {targets.isError ? <QueryError error={targets.error} onRetry={() => void targets.refetch()} /> : null}
      {targets.data?.items.length === 0 ? <p>{text('noTargets')}</p> : null}
      {targets.data && targets.data.items.length > 1 ? (
        <SelectField
          label={text('target')}
          value={targetId ?? ''}
          onChange={(event) => setChosen(event.target.value)}
          options={targets.data.items.map((target) => ({ value: target.id, label: target.name, lang: 'ja' }))}
        />
      ) : null}
      {ledger.isPending && targetId ? <Loading /> : null}
      {ledger.isError ? <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} /> : null}
      {ledger.data ? <LedgerView ledger={ledger.data} lines={lines.data?.items ?? []} me={me} /> : null}
    </div>
  );
}

function LedgerView({ ledger, lines, me }: { ledger: Ledger; lines: Effect[]; me: Me }) {
  const text = useEffectText();
  const { language } = useLanguage();
  const id = useId();
  const [booked, setBooked] = useState(false);
  const canBook = me.roles.some((grant) =>
    ['reform_office', 'bureau_head', 'department_staff'].includes(grant.role),
  );
  return (
    <>
      <section aria-labelledby={`${id}-summary`} className="flex flex-col gap-3">
        <h2 id={`${id}-summary`} className="text-std-24B-150" lang="ja">
          {ledger.target.name}
        </h2>
        {ledger.target.description ? (
          <p className="max-w-4xl" lang="ja">
            {ledger.target.description}
          </p>
        ) : null}
        <dl className="grid max-w-4xl grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3">
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('targetAmount')}</dt>
            <dd className="text-std-24B-150">
              <Yen value={ledger.target.amount} />
            </dd>
          </div>
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('span')}</dt>
            <dd className="text-std-20B-150">
              {text('spanValue', { from: ledger.target.startFiscalYear, to: ledger.target.endFiscalYear })}
            </dd>
          </div>
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('total')}</dt>
            <dd className="text-std-24B-150">
              <Yen value={ledger.total.total} />
            </dd>
          </div>
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('actual')}</dt>
            <dd className="text-std-20B-150">
              <Yen value={ledger.total.actual} />
            </dd>
          </div>
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('progress')}</dt>
            <dd className="text-std-24B-150 tabular-nums">
              {ledger.progressPercent.total}%
              <span className="ml-2 text-std-16N-170">
                （{text('actual')} {ledger.progressPercent.actual}%）
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-std-16N-170 text-solid-gray-700">{text('remaining')}</dt>
            <dd className="text-std-20B-150">
              <Yen value={ledger.remaining} />
            </dd>
          </div>
        </dl>
        <p className="max-w-4xl text-std-16N-170 text-solid-gray-700" data-testid="ledger-composition">
          {text('composition', {
            booked: formatYenNatural(BigInt(ledger.sources.booked.amounts.total), language),
            bookedCount: ledger.sources.booked.count,
            analyses: formatYenNatural(BigInt(ledger.sources.analysisReports.amounts.total), language),
            analysisCount: ledger.sources.analysisReports.count,
          })}
        </p>
      </section>

      <section aria-labelledby={`${id}-chart`} className="flex flex-col gap-4">
        <h2 id={`${id}-chart`} className="text-std-24B-150">
          {text('chart')}
        </h2>
        <TargetChart ledger={ledger} />
        <div className="overflow-x-auto">
          <table className={`${tableClass} max-w-4xl`}>
            <caption className={captionClass}>{text('chartTable')}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className={thClass}>
                  {text('column.year')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('column.actual')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('column.planned')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('column.total')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('column.cumulative')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.byYear.map((year) => (
                <tr key={year.fiscalYear} className="border-b border-solid-gray-200">
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {language === 'ja' ? year.label : `FY${year.fiscalYear}`}
                  </th>
                  <AmountsCells amounts={year.amounts} />
                  <td className={numberClass}>
                    <Yen value={year.cumulative.total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <GroupTable
          caption={text('byGroup')}
          first={text('column.group')}
          rows={ledger.byGroup.map((row) => ({
            key: row.key ?? 'none',
            label: row.label[language],
            amounts: row.amounts,
          }))}
        />
        <GroupTable
          caption={text('byCategory')}
          first={text('column.category')}
          rows={ledger.byCategory.map((row) => ({
            key: row.key,
            label: row.label[language],
            amounts: row.amounts,
          }))}
        />
        <GroupTable
          caption={text('byBureau')}
          first={text('column.bureau')}
          rows={ledger.byBureau.map((row) => ({
            key: row.key ?? 'none',
            label: row.name || '—',
            amounts: row.amounts,
          }))}
        />
        <GroupTable
          caption={text('byRecurrence')}
          first={text('column.recurrence')}
          rows={ledger.byRecurrence.map((row) => ({
            key: row.key,
            label: row.label[language],
            amounts: row.amounts,
          }))}
        />
      </div>

      <section aria-labelledby={`${id}-lines`} className="flex flex-col gap-4">
        <h2 id={`${id}-lines`} className="text-std-24B-150">
          {text('lines')}
        </h2>
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className={captionClass}>
              {text('linesCaption', { target: ledger.target.name, count: lines.length })}
            </caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-600">
                <th scope="col" className={thClass}>
                  {text('line.title')}
                </th>
                <th scope="col" className={thClass}>
                  {text('line.year')}
                </th>
                <th scope="col" className={thClass}>
                  {text('line.kind')}
                </th>
                <th scope="col" className={thClass}>
                  {text('line.unit')}
                </th>
                <th scope="col" className={`${thClass} text-right`}>
                  {text('line.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} className="border-b border-solid-gray-200">
                  <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                    {line.title}
                    {line.basis ? (
                      <span className="block text-dns-14N-130 text-solid-gray-700">{line.basis}</span>
                    ) : null}
                  </th>
                  <td className={`${cellClass} tabular-nums`}>
                    {line.fiscalYear}
                    {line.recurrence === 'recurring' ? `〜${line.endFiscalYear ?? ''}` : ''}
                  </td>
                  <td className={cellClass}>
                    {line.categoryLabel[language]}・{line.recurrenceLabel[language]}・
                    {line.stageLabel[language]}
                  </td>
                  <td className={cellClass} lang="ja">
                    {line.orgUnit.name}
                  </td>
                  <td className={numberClass}>
                    <Yen value={line.amount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`${id}-analyses`} className="flex flex-col gap-4">
        <h2 id={`${id}-analyses`} className="text-std-24B-150">
          {text('analysisLines')}
        </h2>
        <p className="max-w-4xl">{text('analysisLinesLead')}</p>
        {ledger.analysisLines.length === 0 ? (
          <p>{text('noAnalysisLines')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className={captionClass}>
                {text('analysisLinesCaption', {
                  target: ledger.target.name,
                  count: ledger.analysisLines.length,
                })}
              </caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className={thClass}>
                    {text('line.title')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('analysisLine.analysis')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('line.year')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('line.kind')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('line.unit')}
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    {text('line.amount')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('analysisLine.counted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ledger.analysisLines.map((line) => (
                  <tr
                    key={`${line.analysisId}:${line.fiscalYear}:${line.category}:${line.stage}:${line.label}:${line.amount}`}
                    className="border-b border-solid-gray-200"
                  >
                    <th scope="row" className={`${cellClass} font-normal`} lang="ja">
                      {line.label}
                      {line.basis ? (
                        <span className="block text-dns-14N-130 text-solid-gray-700">{line.basis}</span>
                      ) : null}
                    </th>
                    <td className={cellClass}>
                      <Link
                        to="/analyses/$analysisId"
                        params={{ analysisId: line.analysisId }}
                        className="link"
                      >
                        <span lang="ja">
                          {line.cluster ? `${line.cluster.number} ${line.cluster.name}` : line.analysisId}
                        </span>
                      </Link>
                      <span className="block text-dns-14N-130 text-solid-gray-700">
                        {text('analysisLine.version', { number: line.versionNumber })}
                      </span>
                    </td>
                    <td className={`${cellClass} tabular-nums`}>
                      {line.fiscalYear}
                      {line.recurrence === 'recurring' ? `〜${line.endFiscalYear ?? ''}` : ''}
                    </td>
                    <td className={cellClass}>
                      {line.categoryLabel[language]}・{line.recurrenceLabel[language]}・
                      {line.stageLabel[language]}
                    </td>
                    <td className={cellClass} lang="ja">
                      {line.orgUnit?.name ?? ''}
                    </td>
                    <td className={numberClass}>
                      <Yen value={line.amount} />
                    </td>
                    <td className={cellClass}>
                      {line.isCounted ? (
                        <Badge tone="info">{text('included')}</Badge>
                      ) : (
                        <Badge tone="inactive">{text('excluded')}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canBook ? (
        <section aria-labelledby={`${id}-book`} className="flex flex-col gap-4">
          <h2 id={`${id}-book`} className="text-std-24B-150">
            {text('book')}
          </h2>
          <p>{text('bookLead')}</p>
          {booked ? (
            <Alert tone="success" announce="polite">
              {text('booked')}
            </Alert>
          ) : null}
          <BookEffectForm target={ledger.target} me={me} onBooked={() => setBooked(true)} />
        </section>
      ) : null}
    </>
  );
}
