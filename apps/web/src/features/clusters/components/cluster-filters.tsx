import { type FormEvent, useState } from 'react';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { SelectField } from '@/components/ui/select-field';
import { useAnalysisText } from '@/features/analyses/messages';
import { STAGES } from '@/features/analyses/types';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { FiscalYear } from '@/types/api';
import { useClusterText } from '../messages';
import type { ClusterGroupDefinition } from '../types';
import { KIND_ORDER, localizedName, orderByCode } from '../utils/group-clusters';

export type ClusterFilterValues = {
  fiscalYear: number;
  group: string;
  kind: string;
  /** An owning org unit (a bureau and the units below it), or '' for all. */
  orgUnit: string;
  /** An analysis stage of the year, or '' for all. */
  stage: string;
  targetsOnly: boolean;
};

type ClusterFiltersProps = {
  /** The groups in display order. */
  groups: ClusterGroupDefinition[];
  fiscalYears: readonly FiscalYear[];
  /** The bureaus, wards and offices that may own clusters. */
  orgUnits: readonly { id: string; name: string }[];
  value: ClusterFilterValues;
  onApply: (value: ClusterFilterValues) => void;
};

/**
 * 年度, group, kind, owning bureau, analysis stage and "targets only"; applied with a button so
 * nothing moves while choosing, and kept in the URL so a filtered register can be linked.
 */
export function ClusterFilters({ groups, fiscalYears, orgUnits, value, onApply }: ClusterFiltersProps) {
  const t = useT();
  const analysisText = useAnalysisText();
  const text = useClusterText();
  const { language } = useLanguage();
  // Give the component a `key` from `value` so that it starts over when the URL changes.
  const [draft, setDraft] = useState(value);

  const groupsWithKinds = draft.group ? groups.filter((group) => group.code === draft.group) : groups;
  const kinds = orderByCode(
    groupsWithKinds.flatMap((group) => group.kinds),
    KIND_ORDER,
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const kind = kinds.some((item) => item.code === draft.kind) ? draft.kind : '';
    onApply({ ...draft, kind });
  }

  return (
    <form
      aria-label={t('clusters.filters')}
      onSubmit={onSubmit}
      className="mb-10 flex flex-col gap-6 rounded-8 border border-solid-gray-420 px-4 py-6 md:px-6"
    >
      <div className="grid gap-6 md:grid-cols-3">
        <FiscalYearSelect
          fiscalYears={fiscalYears}
          value={draft.fiscalYear}
          onChange={(fiscalYear) => setDraft({ ...draft, fiscalYear })}
        />
        <SelectField
          label={t('clusters.form.group')}
          value={draft.group}
          options={[
            { value: '', label: t('common.all') },
            ...groups.map((group) => ({ value: group.code, label: localizedName(group, language) })),
          ]}
          onChange={(event) => setDraft({ ...draft, group: event.target.value, kind: '' })}
        />
        <SelectField
          label={t('clusters.form.kind')}
          value={draft.kind}
          disabled={kinds.length === 0}
          hint={kinds.length === 0 ? t('clusters.filterNoKinds') : undefined}
          options={[
            { value: '', label: t('common.all') },
            ...kinds.map((kind) => ({ value: kind.code, label: localizedName(kind, language) })),
          ]}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
        />
        <SelectField
          label={t('clusters.form.owningOrgUnits')}
          value={draft.orgUnit}
          options={[
            { value: '', label: t('common.all') },
            ...orgUnits.map((unit) => ({ value: unit.id, label: unit.name, lang: 'ja' })),
          ]}
          onChange={(event) => setDraft({ ...draft, orgUnit: event.target.value })}
        />
        <SelectField
          label={text('stageFilter')}
          value={draft.stage}
          options={[
            { value: '', label: t('common.all') },
            ...STAGES.map((stage) => ({ value: stage, label: analysisText(`stage.${stage}`) })),
          ]}
          onChange={(event) => setDraft({ ...draft, stage: event.target.value })}
        />
      </div>
      <CheckboxField
        label={t('clusters.targetsOnly')}
        checked={draft.targetsOnly}
        onChange={(event) => setDraft({ ...draft, targetsOnly: event.target.checked })}
      />
      <div>
        <Button type="submit">{t('common.show')}</Button>
      </div>
    </form>
  );
}
