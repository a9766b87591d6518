import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { ReloadedNotice, StaleNotice } from '@/components/ui/stale-notice';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { ifMatchOf, isApiError } from '@/lib/api-client';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { todayInTokyo } from '@/lib/format';
import { useT } from '@/lib/i18n/i18n-provider';
import { useCreateOrgUnit } from '../api/create-org-unit';
import { useOrgUnit } from '../api/get-org-unit';
import { useUpdateOrgUnit } from '../api/update-org-unit';
import { ORG_UNIT_LEVELS, type OrgUnit, type OrgUnitInput, type OrgUnitLevel } from '../types';
import { buildOrgUnitTree, flattenOrgUnitTree, subtreeIds } from '../utils/org-unit-tree';

export type OrgUnitFormMode = { type: 'create'; parent: OrgUnit | null } | { type: 'edit'; unit: OrgUnit };

type OrgUnitFormDialogProps = {
  /** What to do; the dialog is closed while null. */
  mode: OrgUnitFormMode | null;
  units: readonly OrgUnit[];
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
  /** Fetches the list again (after a 412, to edit the newest version). */
  onReload: () => void;
};

/** Adds an org unit or edits one (with If-Match). */
export function OrgUnitFormDialog({ mode, units, onClose, onSaved, onReload }: OrgUnitFormDialogProps) {
  const t = useT();
  const title =
    mode?.type === 'edit'
      ? t('orgUnits.editTitle', { name: mode.unit.name })
      : mode?.parent
        ? t('orgUnits.addChildTitle', { name: mode.parent.name })
        : t('orgUnits.addTitle');
  return (
    <Dialog open={mode !== null} onClose={onClose} title={title} size="lg">
      {mode?.type === 'edit' ? (
        <EditLoader unit={mode.unit} units={units} onCancel={onClose} onSaved={onSaved} onReload={onReload} />
      ) : mode ? (
        <OrgUnitForm parent={mode.parent} units={units} onCancel={onClose} onSaved={onSaved} />
      ) : null}
    </Dialog>
  );
}

type LoaderProps = {
  unit: OrgUnit;
  units: readonly OrgUnit[];
  onCancel: () => void;
  onSaved: (unit: OrgUnit) => void;
  onReload: () => void;
};

/** Uses the listed version for If-Match, or reads the unit's ETag when the list has none. */
function EditLoader({ unit, onReload, ...props }: LoaderProps) {
  const needsEtag = unit.version === undefined;
  const query = useOrgUnit(unit.id, { enabled: needsEtag });
  const [hasReloaded, setHasReloaded] = useState(false);
  if (unit.version !== undefined) {
    return (
      <OrgUnitForm
        key={unit.version}
        editing={unit}
        etag={ifMatchOf(unit.version)}
        hasReloaded={hasReloaded}
        onReload={() => {
          setHasReloaded(true);
          onReload();
        }}
        {...props}
      />
    );
  }
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <OrgUnitForm
      key={query.data.etag}
      editing={query.data.orgUnit}
      etag={query.data.etag}
      hasReloaded={hasReloaded}
      onReload={() => {
        setHasReloaded(true);
        void query.refetch();
      }}
      {...props}
    />
  );
}

type FormProps = {
  units: readonly OrgUnit[];
  onCancel: () => void;
  onSaved: (unit: OrgUnit) => void;
  parent?: OrgUnit | null;
  editing?: OrgUnit;
  etag?: string;
  onReload?: () => void;
  hasReloaded?: boolean;
};

type Draft = {
  code: string;
  name: string;
  nameKana: string;
  level: OrgUnitLevel | '';
  parentId: string;
  effectiveFrom: string;
  effectiveTo: string;
  sortOrder: string;
};

const FIELDS = [
  'code',
  'name',
  'nameKana',
  'level',
  'parentId',
  'effectiveFrom',
  'effectiveTo',
  'sortOrder',
] as const;
type Field = (typeof FIELDS)[number];

function toInput(draft: Draft): OrgUnitInput {
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    nameKana: draft.nameKana.trim() || null,
    level: draft.level as OrgUnitLevel,
    parentId: draft.parentId || null,
    effectiveFrom: draft.effectiveFrom,
    effectiveTo: draft.effectiveTo || null,
    sortOrder: Number(draft.sortOrder),
  };
}

function draftOf(editing: OrgUnit | undefined, parent: OrgUnit | null | undefined): Draft {
  return {
    code: editing?.code ?? '',
    name: editing?.name ?? '',
    nameKana: editing?.nameKana ?? '',
    level: editing?.level ?? '',
    parentId: editing?.parentId ?? parent?.id ?? '',
    effectiveFrom: editing?.effectiveFrom.slice(0, 10) ?? todayInTokyo(),
    effectiveTo: editing?.effectiveTo?.slice(0, 10) ?? '',
    sortOrder: String(editing?.sortOrder ?? 0),
  };
}

function OrgUnitForm({
  units,
  onCancel,
  onSaved,
  parent,
  editing,
  etag,
  onReload,
  hasReloaded = false,
}: FormProps) {
  const t = useT();
  const errorText = useErrorText();
  const createOrgUnit = useCreateOrgUnit();
  const updateOrgUnit = useUpdateOrgUnit();
  const mutation = editing ? updateOrgUnit : createOrgUnit;
  const serverErrors = useFieldErrors(mutation.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idPrefix = `org-unit-${editing?.id ?? 'new'}`;
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing, parent));
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);
  const isStale = isApiError(mutation.error, 412);

  const excluded = editing ? subtreeIds(units, editing.id) : new Set<string>();
  const parentOptions = [
    { value: '', label: t('orgUnits.form.noParent') },
    ...flattenOrgUnitTree(buildOrgUnitTree(units))
      .filter(({ unit }) => !excluded.has(unit.id))
      .map(({ unit, depth }) => ({ value: unit.id, label: `${'\u3000'.repeat(depth)}${unit.name}` })),
  ];
  const errorFor = (field: Field) => clientErrors[field] ?? serverErrors[field];
  const fieldId = (field: Field) => `${idPrefix}-${field}`;
  const summaryErrors: FieldError[] = FIELDS.flatMap((field) => {
    const message = errorFor(field);
    return message ? [{ fieldId: fieldId(field), message }] : [];
  });
  const generalError =
    mutation.isError && !isStale && summaryErrors.length === 0 ? errorText(mutation.error) : undefined;
  const set = (field: Field) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  function validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!draft.code.trim()) errors.code = t('orgUnits.form.codeRequired');
    if (!draft.name.trim()) errors.name = t('orgUnits.form.nameRequired');
    if (!draft.level) errors.level = t('orgUnits.form.levelRequired');
    if (!draft.effectiveFrom) errors.effectiveFrom = t('orgUnits.form.effectiveFromRequired');
    if (draft.effectiveTo && draft.effectiveFrom && draft.effectiveTo < draft.effectiveFrom) {
      errors.effectiveTo = t('orgUnits.form.effectiveToBeforeFrom');
    }
    if (!/^-?\d+$/.test(draft.sortOrder.trim())) errors.sortOrder = t('orgUnits.form.sortOrderInteger');
    return errors;
  }

  const firstFieldId = fieldId('name');
  useEffect(() => {
    if (hasReloaded) document.getElementById(firstFieldId)?.focus();
  }, [hasReloaded, firstFieldId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const errors = validate();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      mutation.reset();
      setFailedSubmits((count) => count + 1);
      return;
    }
    const input = toInput(draft);
    const onError = () => setFailedSubmits((count) => count + 1);
    if (editing && etag) {
      const original = toInput(draftOf(editing, null));
      const changes: Partial<OrgUnitInput> = {};
      for (const field of FIELDS) {
        if (input[field] !== original[field]) Object.assign(changes, { [field]: input[field] });
      }
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      updateOrgUnit.mutate({ id: editing.id, etag, changes }, { onSuccess: onSaved, onError });
    } else {
      createOrgUnit.mutate(input, { onSuccess: onSaved, onError });
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      {hasReloaded && !mutation.isError ? <ReloadedNotice /> : null}
      {isStale && onReload ? (
        <StaleNotice ref={summaryRef} message={errorText(mutation.error)} onReload={onReload} />
      ) : (
        <ErrorSummary ref={summaryRef} errors={summaryErrors} message={generalError} />
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <TextField
          id={fieldId('name')}
          label={t('orgUnits.form.name')}
          required
          lang="ja"
          value={draft.name}
          onChange={set('name')}
          error={errorFor('name')}
        />
        <TextField
          id={fieldId('nameKana')}
          label={t('orgUnits.form.nameKana')}
          lang="ja"
          value={draft.nameKana}
          onChange={set('nameKana')}
          error={errorFor('nameKana')}
        />
        <TextField
          id={fieldId('code')}
          label={t('orgUnits.form.code')}
          required
          autoComplete="off"
          spellCheck={false}
          value={draft.code}
          onChange={set('code')}
          error={errorFor('code')}
        />
        <SelectField
          id={fieldId('level')}
          label={t('orgUnits.form.level')}
          required
          value={draft.level}
          options={[
            { value: '', label: t('common.choose') },
            ...ORG_UNIT_LEVELS.map((level) => ({ value: level, label: t(`orgUnits.level.${level}`) })),
          ]}
          onChange={set('level')}
          error={errorFor('level')}
        />
        <SelectField
          id={fieldId('parentId')}
          label={t('orgUnits.form.parent')}
          value={draft.parentId}
          options={parentOptions}
          onChange={set('parentId')}
          error={errorFor('parentId')}
          fieldClassName="md:col-span-2"
        />
        <TextField
          id={fieldId('effectiveFrom')}
          label={t('orgUnits.form.effectiveFrom')}
          type="date"
          required
          value={draft.effectiveFrom}
          onChange={set('effectiveFrom')}
          error={errorFor('effectiveFrom')}
        />
        <TextField
          id={fieldId('effectiveTo')}
          label={t('orgUnits.form.effectiveTo')}
          hint={t('orgUnits.form.effectiveToHint')}
          type="date"
          value={draft.effectiveTo}
          onChange={set('effectiveTo')}
          error={errorFor('effectiveTo')}
        />
        <TextField
          id={fieldId('sortOrder')}
          label={t('orgUnits.form.sortOrder')}
          hint={t('orgUnits.form.sortOrderHint')}
          inputMode="numeric"
          value={draft.sortOrder}
          onChange={set('sortOrder')}
          error={errorFor('sortOrder')}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
