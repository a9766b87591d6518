import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { useT } from '@/lib/i18n/i18n-provider';
import type { AuditSearch } from '../types';

type AuditFiltersProps = { value: AuditSearch; onSearch: (search: AuditSearch) => void };

/** Who, what and when. Give it a `key` from `value` so that it starts over when the URL changes. */
export function AuditFilters({ value, onSearch }: AuditFiltersProps) {
  const t = useT();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState({
    actorId: value.actorId ?? '',
    entityType: value.entityType ?? '',
    entityId: value.entityId ?? '',
    from: value.from ?? '',
    to: value.to ?? '',
  });
  const [toError, setToError] = useState<string | undefined>();
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);
  const set = (field: keyof typeof draft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const errors: FieldError[] = toError ? [{ fieldId: 'audit-filter-to', message: toError }] : [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setToError(t('audit.filters.toBeforeFrom'));
      setFailedSubmits((count) => count + 1);
      return;
    }
    setToError(undefined);
    onSearch({
      actorId: draft.actorId.trim() || undefined,
      entityType: draft.entityType.trim() || undefined,
      entityId: draft.entityId.trim() || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
      page: undefined,
    });
  }

  return (
    <form
      aria-label={t('audit.filters.label')}
      noValidate
      onSubmit={onSubmit}
      className="mb-8 flex flex-col gap-6 rounded-8 border border-solid-gray-420 px-4 py-6 md:px-6"
    >
      <ErrorSummary ref={summaryRef} errors={errors} />
      <div className="grid gap-6 md:grid-cols-3">
        <TextField
          label={t('audit.filters.actorId')}
          hint={t('audit.filters.actorIdHint')}
          spellCheck={false}
          value={draft.actorId}
          onChange={set('actorId')}
        />
        <TextField
          label={t('audit.filters.entityType')}
          hint={t('audit.filters.entityTypeHint')}
          spellCheck={false}
          value={draft.entityType}
          onChange={set('entityType')}
        />
        <TextField
          label={t('audit.filters.entityId')}
          spellCheck={false}
          value={draft.entityId}
          onChange={set('entityId')}
        />
        <TextField label={t('audit.filters.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextField
          id="audit-filter-to"
          label={t('audit.filters.to')}
          type="date"
          value={draft.to}
          onChange={set('to')}
          error={toError}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Button type="submit">{t('common.search')}</Button>
        <Button
          variant="tertiary"
          onClick={() => {
            setDraft({ actorId: '', entityType: '', entityId: '', from: '', to: '' });
            setToError(undefined);
            onSearch({});
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </div>
    </form>
  );
}
