import { FormField, inputClassName } from '@/components/ui/form-field';
import { TextField } from '@/components/ui/text-field';
import { useAnalysisText } from '../messages';
import { BENCHMARK_DIRECTIONS, DIRECTION_KINDS, type Section } from '../types';
import type { SectionForms } from '../utils/report-form';
import { RowsEditor } from './rows-editor';

type Props<S extends Section> = {
  section: S;
  form: SectionForms[S];
  onChange: (form: SectionForms[S]) => void;
  isReadOnly: boolean;
  idPrefix: string;
  problems: Record<string, string>;
};

function LongText({
  label,
  value,
  onChange,
  isReadOnly,
  id,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  isReadOnly: boolean;
  id: string;
  hint?: string;
}) {
  return (
    <FormField label={label} id={id} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          rows={6}
          maxLength={20_000}
          readOnly={isReadOnly}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={inputClassName}
        />
      )}
    </FormField>
  );
}

/** Problems of rows under a prefix, keyed by `index.field` for the rows editor. */
function rowProblems(problems: Record<string, string>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(problems)) {
    if (path.startsWith(`${prefix}.`)) result[path.slice(prefix.length + 1)] = message;
  }
  return result;
}

/** The inputs of one report section; read-only when the person may not edit or to show another's version. */
export function SectionFields<S extends Section>(props: Props<S>) {
  const text = useAnalysisText();
  const { section, isReadOnly, idPrefix, problems } = props;
  const textHint =
    section === 'effects'
      ? text('effectsInTab')
      : section === 'comparison'
        ? text('benchmarksInTab')
        : section === 'needs'
          ? text('needsHint')
          : undefined;

  if (section === 'conclusion' || section === 'comparison' || section === 'effects' || section === 'needs') {
    const form = props.form as SectionForms['conclusion'];
    return (
      <LongText
        id={`${idPrefix}-text`}
        label={text('text')}
        hint={textHint}
        value={form.text}
        isReadOnly={isReadOnly}
        onChange={(value) => props.onChange({ ...props.form, text: value })}
      />
    );
  }

  if (section === 'currentState') {
    const form = props.form as SectionForms['currentState'];
    const change = (next: Partial<SectionForms['currentState']>) =>
      (props.onChange as (form: SectionForms['currentState']) => void)({ ...form, ...next });
    return (
      <div className="flex flex-col gap-5">
        <LongText
          id={`${idPrefix}-text`}
          label={text('text')}
          value={form.text}
          isReadOnly={isReadOnly}
          onChange={(value) => change({ text: value })}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            id={`${idPrefix}-annualCost`}
            label={text('annualCost')}
            inputMode="decimal"
            value={form.annualCost}
            readOnly={isReadOnly}
            error={problems.annualCost}
            onChange={(event) => change({ annualCost: event.target.value })}
          />
          <TextField
            id={`${idPrefix}-staffCount`}
            label={text('staffCount')}
            inputMode="decimal"
            value={form.staffCount}
            readOnly={isReadOnly}
            error={problems.staffCount}
            onChange={(event) => change({ staffCount: event.target.value })}
          />
        </div>
        <RowsEditor
          legend={text('volumes')}
          idPrefix={`${idPrefix}-volumes`}
          rows={form.volumes}
          isReadOnly={isReadOnly}
          problems={rowProblems(problems, 'volumes')}
          onChange={(volumes) => change({ volumes })}
          makeRow={() => ({ label: '', value: '', unit: '' })}
          fields={[
            { key: 'label', label: text('volumeLabel') },
            { key: 'value', label: text('volumeValue'), kind: 'number' },
            { key: 'unit', label: text('volumeUnit') },
          ]}
        />
        <RowsEditor
          legend={text('budgetLines')}
          idPrefix={`${idPrefix}-budgetLines`}
          rows={form.budgetLines}
          isReadOnly={isReadOnly}
          problems={rowProblems(problems, 'budgetLines')}
          onChange={(budgetLines) => change({ budgetLines })}
          makeRow={() => ({ name: '', amount: '', legalBasis: '', note: '' })}
          fields={[
            { key: 'name', label: text('budgetName') },
            { key: 'amount', label: text('budgetAmount'), kind: 'number' },
            { key: 'legalBasis', label: text('legalBasis') },
            { key: 'note', label: text('itemNote'), width: 'wide' },
          ]}
        />
      </div>
    );
  }

  if (section === 'issues') {
    const form = props.form as SectionForms['issues'];
    return (
      <RowsEditor
        legend={text('section.issues')}
        idPrefix={`${idPrefix}-items`}
        rows={form.items}
        isReadOnly={isReadOnly}
        problems={rowProblems(problems, 'items')}
        onChange={(items) => (props.onChange as (form: SectionForms['issues']) => void)({ items })}
        makeRow={() => ({ title: '', detail: '' })}
        fields={[
          { key: 'title', label: text('itemTitle'), width: 'wide' },
          { key: 'detail', label: text('itemDetail'), kind: 'textarea', width: 'wide' },
        ]}
      />
    );
  }

  if (section === 'directions') {
    const form = props.form as SectionForms['directions'];
    return (
      <RowsEditor<SectionForms['directions']['items'][number]>
        legend={text('section.directions')}
        idPrefix={`${idPrefix}-items`}
        rows={form.items}
        isReadOnly={isReadOnly}
        problems={rowProblems(problems, 'items')}
        onChange={(items) => (props.onChange as (form: SectionForms['directions']) => void)({ items })}
        makeRow={() => ({ kind: 'budget', title: '', detail: '' })}
        fields={[
          {
            key: 'kind',
            label: text('directionKind'),
            kind: 'select',
            options: DIRECTION_KINDS.map((kind) => ({ value: kind, label: text(`direction.${kind}`) })),
          },
          { key: 'title', label: text('itemTitle') },
          { key: 'detail', label: text('itemDetail'), kind: 'textarea', width: 'wide' },
        ]}
      />
    );
  }

  if (section === 'roadmap') {
    const form = props.form as SectionForms['roadmap'];
    return (
      <RowsEditor
        legend={text('section.roadmap')}
        idPrefix={`${idPrefix}-steps`}
        rows={form.steps}
        isReadOnly={isReadOnly}
        problems={rowProblems(problems, 'steps')}
        onChange={(steps) => (props.onChange as (form: SectionForms['roadmap']) => void)({ steps })}
        makeRow={() => ({ fiscalYear: '', quarter: '', title: '', detail: '' })}
        fields={[
          { key: 'fiscalYear', label: text('stepYear'), kind: 'number' },
          {
            key: 'quarter',
            label: text('stepQuarter'),
            kind: 'select',
            options: [
              { value: '', label: text('quarterNone') },
              ...[1, 2, 3, 4].map((quarter) => ({
                value: String(quarter),
                label: text('quarterLabel', { quarter }),
              })),
            ],
          },
          { key: 'title', label: text('itemTitle') },
          { key: 'detail', label: text('itemDetail'), kind: 'textarea', width: 'wide' },
        ]}
      />
    );
  }

  const form = props.form as SectionForms['kpis'];
  return (
    <RowsEditor<SectionForms['kpis']['items'][number]>
      legend={text('section.kpis')}
      idPrefix={`${idPrefix}-items`}
      rows={form.items}
      isReadOnly={isReadOnly}
      problems={rowProblems(problems, 'items')}
      onChange={(items) => (props.onChange as (form: SectionForms['kpis']) => void)({ items })}
      makeRow={() => ({
        name: '',
        unit: '',
        direction: 'higher_is_better',
        baselineYear: '',
        baselineValue: '',
        targets: '',
        actuals: '',
      })}
      fields={[
        { key: 'name', label: text('kpiName') },
        { key: 'unit', label: text('kpiUnit'), width: 'narrow' },
        {
          key: 'direction',
          label: text('kpiDirection'),
          kind: 'select',
          options: BENCHMARK_DIRECTIONS.map((direction) => ({
            value: direction,
            label: text(`benchmarkDirection.${direction}`),
          })),
        },
        {
          key: 'baselineYear',
          label: `${text('kpiBaseline')}：${text('stepYear')}`,
          kind: 'number',
          width: 'narrow',
        },
        { key: 'baselineValue', label: `${text('kpiBaseline')}：${text('volumeValue')}`, kind: 'number' },
        { key: 'targets', label: text('kpiTargets'), width: 'wide' },
        { key: 'actuals', label: text('kpiActuals'), width: 'wide' },
      ]}
    />
  );
}
