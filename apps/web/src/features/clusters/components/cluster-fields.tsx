import { type ReactNode, type Ref, useRef, useState } from 'react';
import { fiscalYearLabel } from '@/components/fiscal-year-select';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StaleNotice } from '@/components/ui/stale-notice';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { isApiError } from '@/lib/api-client';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { FiscalYear } from '@/types/api';
import type { NewCluster } from '../api/register-changes';
import { type ClusterTextKey, useClusterText } from '../messages';
import type { ClusterGroupDefinition } from '../types';
import { GROUP_ORDER, KIND_ORDER, localizedName, orderByCode } from '../utils/group-clusters';

/** A new cluster as typed: the number stays text until it is checked. */
export type NewClusterForm = { number: string; name: string; group: string; kind: string };

export const emptyClusterForm: NewClusterForm = { number: '', name: '', group: '', kind: '' };

/** Field messages keyed by the field's path in the request (`cluster.number`, `parts.1.kind`…). */
export type FieldMessages = Record<string, string>;

function kindsOf(groups: readonly ClusterGroupDefinition[], groupCode: string) {
  return orderByCode(groups.find((group) => group.code === groupCode)?.kinds ?? [], KIND_ORDER);
}

/**
 * Checks a typed cluster; returns the request's value, or messages keyed `${path}.number` etc.
 * The server checks again (numbers taken that year, kinds that fit the group).
 */
export function readClusterForm(
  form: NewClusterForm,
  groups: readonly ClusterGroupDefinition[],
  path: string,
  text: (key: ClusterTextKey) => string,
): { value: NewCluster | null; errors: FieldMessages } {
  const errors: FieldMessages = {};
  const digits = form.number.normalize('NFKC').trim();
  const number = /^\d{1,4}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!(number >= 1 && number <= 9999)) errors[`${path}.number`] = text('numberRequired');
  if (!form.name.trim()) errors[`${path}.name`] = text('nameRequired');
  if (!form.group) errors[`${path}.group`] = text('groupRequired');
  const kinds = kindsOf(groups, form.group);
  if (kinds.length > 0 && !kinds.some((kind) => kind.code === form.kind)) {
    errors[`${path}.kind`] = text('kindRequired');
  }
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return {
    value: { number, name: form.name.trim(), group: form.group, kind: kinds.length > 0 ? form.kind : null },
    errors,
  };
}

/** The id of the control for a request path, so summaries link to it and errors sit beside it. */
export function fieldId(idPrefix: string, path: string): string {
  return `${idPrefix}-${path.replace(/\./g, '-')}`;
}

/** Number, name, group and kind of a cluster, as a fieldset with its own legend. */
export function ClusterFields({
  idPrefix,
  path,
  legend,
  value,
  onChange,
  groups,
  errors,
}: {
  idPrefix: string;
  /** The request path of this cluster (`cluster`, `into`, `parts.0`). */
  path: string;
  legend: string;
  value: NewClusterForm;
  onChange: (value: NewClusterForm) => void;
  groups: readonly ClusterGroupDefinition[];
  errors: FieldMessages;
}) {
  const text = useClusterText();
  const { language } = useLanguage();
  const ordered = orderByCode(groups, GROUP_ORDER);
  const kinds = kindsOf(groups, value.group);
  const id = (field: string) => fieldId(idPrefix, `${path}.${field}`);
  return (
    <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 px-4 py-4">
      <legend className="px-1 text-std-17B-170 text-solid-gray-900">{legend}</legend>
      <div className="grid gap-4 md:grid-cols-[10rem_1fr]">
        <TextField
          id={id('number')}
          label={text('number')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          hint={text('numberHint')}
          value={value.number}
          onChange={(event) => onChange({ ...value, number: event.target.value })}
          error={errors[`${path}.number`]}
          fieldClassName="md:col-span-2 md:max-w-xl"
        />
        <TextField
          id={id('name')}
          label={text('name')}
          required
          lang="ja"
          maxLength={200}
          value={value.name}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
          error={errors[`${path}.name`]}
          fieldClassName="md:col-span-2"
        />
      </div>
      <SelectField
        id={id('group')}
        label={text('group')}
        required
        value={value.group}
        options={[
          { value: '', label: text('choose') },
          ...ordered.map((group) => ({ value: group.code, label: localizedName(group, language) })),
        ]}
        onChange={(event) => onChange({ ...value, group: event.target.value, kind: '' })}
        error={errors[`${path}.group`]}
      />
      {kinds.length > 0 ? (
        <SelectField
          id={id('kind')}
          label={text('kind')}
          required
          value={value.kind}
          options={[
            { value: '', label: text('choose') },
            ...kinds.map((kind) => ({ value: kind.code, label: localizedName(kind, language) })),
          ]}
          onChange={(event) => onChange({ ...value, kind: event.target.value })}
          error={errors[`${path}.kind`]}
        />
      ) : value.group ? (
        <p className="text-std-16N-170 text-solid-gray-700">{text('noKinds')}</p>
      ) : null}
    </fieldset>
  );
}

/** 適用年度: the open fiscal years a change may take effect from. */
export function EffectiveYearField({
  id,
  years,
  value,
  onChange,
  error,
}: {
  id: string;
  years: readonly FiscalYear[];
  value: number | null;
  onChange: (year: number) => void;
  error?: string | undefined;
}) {
  const text = useClusterText();
  const { language } = useLanguage();
  const chosen = years.find((item) => item.year === value);
  return (
    <SelectField
      id={id}
      label={text('effectiveFrom')}
      required
      value={value === null ? '' : String(value)}
      hint={chosen ? text('effectiveFromHint', { year: fiscalYearLabel(chosen, language) }) : undefined}
      options={[
        ...(value === null ? [{ value: '', label: text('choose') }] : []),
        ...[...years]
          .sort((a, b) => a.year - b.year)
          .map((item) => ({ value: String(item.year), label: fiscalYearLabel(item, language) })),
      ]}
      onChange={(event) => onChange(Number(event.target.value))}
      error={error}
      fieldClassName="max-w-xl"
    />
  );
}

/** An org unit as offered for ownership. */
export type OwnerOption = { id: string; name: string };

/**
 * A group of checkboxes under a legend, with an optional hint and an error message beside it
 * (the error is read with the group, before the hint). `idBase` names the hint and error ids.
 */
export function ChoiceFieldset({
  idBase,
  legend,
  hint,
  error,
  children,
}: {
  idBase: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  const hintId = `${idBase}-hint`;
  const errorId = `${idBase}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      aria-describedby={describedBy || undefined}
      className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 px-4 py-4"
    >
      <legend className="px-1 text-std-17B-170 text-solid-gray-900">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-std-16N-170 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-std-16N-170 text-error-2">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** 所管組織 as a group of checkboxes (one tab stop each; the legend names the group). */
export function OwnerChecklist({
  idPrefix,
  options,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  options: readonly OwnerOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const text = useClusterText();
  return (
    <ChoiceFieldset
      idBase={`${idPrefix}-owners`}
      legend={text('owners')}
      hint={text('ownersHint')}
      error={error}
    >
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((option, index) => (
          <CheckboxField
            key={option.id}
            id={index === 0 ? `${idPrefix}-owners` : undefined}
            label={<span lang="ja">{option.name}</span>}
            checked={selected.includes(option.id)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, option.id]
                  : selected.filter((selectedId) => selectedId !== option.id),
              )
            }
          />
        ))}
      </div>
    </ChoiceFieldset>
  );
}

/**
 * What a change form shows at its top and beside its fields: local checks first, then the
 * server's per-field messages; a 412 becomes a notice with a reload, anything else a message.
 */
export function useChangeFeedback(error: unknown) {
  const serverErrors = useFieldErrors(error);
  const errorText = useErrorText();
  const [localErrors, setLocalErrors] = useState<FieldMessages>({});
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useFocusOnChange(summaryRef, failures);
  const errors = Object.keys(localErrors).length > 0 ? localErrors : serverErrors;
  return {
    errors,
    summaryRef,
    isStale: isApiError(error, 412),
    /** The server's general message when it named no field. */
    general:
      error && !isApiError(error, 412) && Object.keys(serverErrors).length === 0 ? errorText(error) : '',
    staleMessage: isApiError(error, 412) ? errorText(error) : '',
    /** Shows local problems (or none) and moves focus to the summary when there are some. */
    check: (problems: FieldMessages) => {
      setLocalErrors(problems);
      if (Object.keys(problems).length > 0) setFailures((count) => count + 1);
      return Object.keys(problems).length === 0;
    },
    failed: () => setFailures((count) => count + 1),
  };
}

/** The top of a change form: the stale notice after a 412, otherwise the error summary. */
export function ChangeSummary({
  idPrefix,
  feedback,
  onReload,
  summaryRef,
}: {
  idPrefix: string;
  feedback: ReturnType<typeof useChangeFeedback>;
  onReload: () => void;
  summaryRef: Ref<HTMLDivElement>;
}) {
  const text = useClusterText();
  const { language } = useLanguage();
  if (feedback.isStale) {
    return (
      <StaleNotice
        ref={summaryRef}
        title={text('staleTitle')}
        message={feedback.staleMessage}
        onReload={onReload}
      />
    );
  }
  const items: FieldError[] = Object.entries(feedback.errors).map(([path, message]) => ({
    fieldId:
      path === 'orgUnitIds' || path.endsWith('owningOrgUnitIds')
        ? `${idPrefix}-owners`
        : fieldId(idPrefix, path),
    // In a split the same field repeats per part: the summary says which part.
    message: /^parts\.(\d+)\./.test(path)
      ? `${text('part', { index: Number(path.split('.')[1]) + 1 })}${language === 'ja' ? '：' : ': '}${message}`
      : message,
  }));
  return <ErrorSummary ref={summaryRef} errors={items} message={feedback.general || undefined} />;
}

/** The submit button of a change form; stays focusable while sending (aria-disabled). */
export function SubmitButton({
  label,
  busyLabel,
  isBusy,
  variant = 'primary',
}: {
  label: string;
  busyLabel: string;
  isBusy: boolean;
  variant?: 'primary' | 'danger';
}) {
  return (
    <Button type="submit" variant={variant} aria-disabled={isBusy || undefined}>
      {isBusy ? busyLabel : label}
    </Button>
  );
}

/** The bureaus, wards and offices in effect today, offered as owners (plus any already chosen). */
export function ownerOptionsOf(
  units: readonly {
    id: string;
    name: string;
    level: string;
    effectiveTo: string | null;
    sortOrder: number;
  }[],
  alreadyChosen: readonly OwnerOption[] = [],
): OwnerOption[] {
  const today = new Date().toISOString().slice(0, 10);
  const offered = units
    .filter(
      (unit) =>
        ['bureau', 'ward', 'office'].includes(unit.level) && (!unit.effectiveTo || unit.effectiveTo >= today),
    )
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((unit) => ({ id: unit.id, name: unit.name }));
  const missing = alreadyChosen.filter((chosen) => !offered.some((option) => option.id === chosen.id));
  return [...missing, ...offered];
}
