import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useAnalysisWrite } from '../api/analyses';
import { useEffects } from '../api/records';
import { useAnalysisText } from '../messages';
import {
  type AnalysisDetail,
  EFFECT_CATEGORIES,
  EFFECT_RECURRENCES,
  EFFECT_STAGES,
  type EffectLine,
} from '../types';
import { groupYen, yenTextToYen, yenToThousandsText } from '../utils/yen';
import { Part } from './parts';
import { RowsEditor } from './rows-editor';

type EffectRow = {
  label: string;
  fiscalYear: string;
  endFiscalYear: string;
  category: EffectLine['category'];
  recurrence: EffectLine['recurrence'];
  stage: EffectLine['stage'];
  amount: string;
  basis: string;
};

function toRow(line: EffectLine): EffectRow {
  return {
    ...line,
    fiscalYear: String(line.fiscalYear),
    endFiscalYear: line.endFiscalYear === null ? '' : String(line.endFiscalYear),
    amount: groupYen(line.amount),
  };
}

/** 効果額: lines by fiscal year; the owning department edits them as one list. */
export function EffectsPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const { language } = useLanguage();
  const effects = useEffects(analysis.id);
  const write = useAnalysisWrite(analysis.id);
  const [rows, setRows] = useState<EffectRow[] | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  if (effects.isPending) return <Loading />;
  if (effects.isError) return <QueryError error={effects.error} onRetry={() => void effects.refetch()} />;
  const canEdit = analysis.permissions.canEditReport;
  const current = rows ?? effects.data.items.map(toRow);
  const total = (stage: EffectLine['stage']) =>
    effects.data.items
      .filter((line) => line.stage === stage)
      .reduce((sum, line) => sum + BigInt(line.amount), 0n);

  const save = () => {
    const found: Record<string, string> = {};
    const items = current.map((row, index) => {
      const amount = yenTextToYen(row.amount);
      if (amount === null) found[`${index}.amount`] = text('problem.number');
      const fiscalYear = Number(row.fiscalYear.normalize('NFKC'));
      if (!Number.isInteger(fiscalYear)) found[`${index}.fiscalYear`] = text('problem.year');
      return {
        label: row.label,
        fiscalYear,
        endFiscalYear: row.endFiscalYear.trim() ? Number(row.endFiscalYear.normalize('NFKC')) : null,
        category: row.category,
        recurrence: row.recurrence,
        stage: row.stage,
        amount: amount ?? '0',
        basis: row.basis,
      };
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    write.mutate(
      { method: 'PUT', path: '/effects', version: analysis.version, body: { items } },
      { onSuccess: () => setRows(null) },
    );
  };

  return (
    <Part id="analysis-effects" title={text('effectsHeading')} lead={text('effectsLead')}>
      <p className="text-std-16N-170">
        {text('effectsPeriod', {
          start: effects.data.period.startFiscalYear,
          end: effects.data.period.endFiscalYear,
        })}
      </p>
      <p className="text-std-16N-170">
        {text('effectsTotal', {
          planned: `${yenToThousandsText(total('planned').toString())}千円`,
          actual: `${yenToThousandsText(total('actual').toString())}千円`,
        })}
      </p>
      {write.isError ? (
        <Alert tone="error" announce="assertive" title={text('serverProblemsTitle')}>
          <p>{errorText(write.error)}</p>
          {isApiError(write.error) && write.error.problem?.errors ? (
            <ul className="list-disc pl-6">
              {write.error.problem.errors.map((item) => (
                <li key={item.path}>{item.messages[language]}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {!canEdit ? (
        effects.data.items.length === 0 ? (
          <p>{text('noEffects')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-std-16N-170">
              <caption className="sr-only">{text('effectsHeading')}</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  {[
                    'effectLabel',
                    'effectYear',
                    'effectCategory',
                    'effectRecurrence',
                    'effectStage',
                    'budgetAmount',
                    'effectBasis',
                  ].map((key) => (
                    <th key={key} scope="col" className="px-3 py-2">
                      {text(key as 'effectLabel')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {effects.data.items.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: effect lines are ordered and have no id.
                  <tr key={index} className="border-b border-solid-gray-300 align-top">
                    <th scope="row" className="px-3 py-2">
                      {line.label}
                    </th>
                    <td className="px-3 py-2">
                      {line.fiscalYear}
                      {line.endFiscalYear ? `〜${line.endFiscalYear}` : ''}
                    </td>
                    <td className="px-3 py-2">{text(`category.${line.category}`)}</td>
                    <td className="px-3 py-2">{text(`recurrence.${line.recurrence}`)}</td>
                    <td className="px-3 py-2">{text(`effectStage.${line.stage}`)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{yenToThousandsText(line.amount)}</td>
                    <td className="px-3 py-2">{line.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <>
          <RowsEditor<EffectRow>
            legend={text('effectsHeading')}
            idPrefix="effects"
            rows={current}
            isReadOnly={false}
            problems={problems}
            onChange={setRows}
            makeRow={() => ({
              label: '',
              fiscalYear: String(effects.data.period.startFiscalYear + 1),
              endFiscalYear: '',
              category: 'expenditure_cut',
              recurrence: 'recurring',
              stage: 'planned',
              amount: '',
              basis: '',
            })}
            fields={[
              { key: 'label', label: text('effectLabel') },
              { key: 'fiscalYear', label: text('effectYear'), kind: 'number', width: 'narrow' },
              { key: 'endFiscalYear', label: text('effectEnd'), kind: 'number', width: 'narrow' },
              {
                key: 'category',
                label: text('effectCategory'),
                kind: 'select',
                options: EFFECT_CATEGORIES.map((value) => ({ value, label: text(`category.${value}`) })),
              },
              {
                key: 'recurrence',
                label: text('effectRecurrence'),
                kind: 'select',
                options: EFFECT_RECURRENCES.map((value) => ({ value, label: text(`recurrence.${value}`) })),
              },
              {
                key: 'stage',
                label: text('effectStage'),
                kind: 'select',
                options: EFFECT_STAGES.map((value) => ({ value, label: text(`effectStage.${value}`) })),
              },
              { key: 'amount', label: text('effectAmount'), kind: 'number' },
              { key: 'basis', label: text('effectBasis'), kind: 'textarea', width: 'wide' },
            ]}
          />
          <div>
            <Button onClick={save} aria-disabled={rows === null || write.isPending || undefined}>
              {write.isPending ? text('saving') : text('save')}
            </Button>
          </div>
        </>
      )}
    </Part>
  );
}
