import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { SelectField } from '@/components/ui/select-field';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { Me } from '@/types/api';
import { useCreatePolicy, useOrgUnitOptions } from '../api/bureau-policies';
import { usePolicyText } from '../messages';
import type { OrgUnitOption } from '../types';
import { PolicyForm } from './policy-form';

const POLICY_LEVELS = ['bureau', 'ward', 'office'];

/** The 局・区・室 this person may draft for: those at or below a unit where they are head or department staff. */
export function draftableUnits(me: Me, units: readonly OrgUnitOption[]): OrgUnitOption[] {
  const scoped = new Set(
    me.roles
      .filter((grant) => grant.role === 'bureau_head' || grant.role === 'department_staff')
      .map((grant) => grant.orgUnitId)
      .filter((unitId): unitId is string => unitId !== null),
  );
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const isUnder = (unit: OrgUnitOption) => {
    for (
      let current: OrgUnitOption | undefined = unit;
      current;
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      if (scoped.has(current.id)) return true;
    }
    return false;
  };
  return units.filter((unit) => POLICY_LEVELS.includes(unit.level) && isUnder(unit));
}

/** Drafting (起案) a unit's X policy for a fiscal year. */
export function NewPolicyPage({
  me,
  fiscalYear: requestedYear,
}: {
  me: Me;
  fiscalYear?: number | undefined;
}) {
  const text = usePolicyText();
  const navigate = useNavigate();
  const units = useOrgUnitOptions();
  const fiscalYears = useFiscalYears();
  const fiscalYear =
    requestedYear ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const create = useCreatePolicy();
  const choices = units.data ? draftableUnits(me, units.data.items) : [];
  const [unitId, setUnitId] = useState('');
  useDocumentTitle(text('newPolicy'));
  const chosen = unitId || choices[0]?.id || '';
  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{text('newPolicy')}</PageHeading>
      {units.isPending || fiscalYear === undefined ? <Loading /> : null}
      {units.data && choices.length === 0 ? <p>{text('form.noUnits')}</p> : null}
      {choices.length > 0 && fiscalYear !== undefined ? (
        <PolicyForm
          initial={{
            title: `${fiscalYear}年度 X方針`,
            vision: '',
            priorityThemes: [],
            clusterIds: [],
            kpis: [],
          }}
          fiscalYear={fiscalYear}
          isPending={create.isPending}
          error={create.error}
          submitLabel={text('form.create')}
          before={
            <SelectField
              label={text('form.unit')}
              required
              value={chosen}
              onChange={(event) => setUnitId(event.target.value)}
              options={choices.map((unit) => ({ value: unit.id, label: unit.name, lang: 'ja' }))}
            />
          }
          onSubmit={(content) =>
            create.mutate(
              { ...content, orgUnitId: chosen, fiscalYear },
              {
                onSuccess: (policy) =>
                  void navigate({ to: '/policies/$policyId', params: { policyId: policy.id } }),
              },
            )
          }
        />
      ) : null}
    </div>
  );
}
