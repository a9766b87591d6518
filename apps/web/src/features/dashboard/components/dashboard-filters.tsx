import { type FormEvent, useState } from 'react';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useOrgUnitOptions } from '../api/dashboard';
import { useDashboardText } from '../messages';

const TOP_LEVELS = ['bureau', 'ward', 'office'];

/** The year and bureau the dashboard shows; applied with a button so keyboard users are not surprised. */
export function DashboardFilters({
  fiscalYear,
  orgUnitId,
  onApply,
}: {
  fiscalYear: number;
  orgUnitId: string | undefined;
  onApply: (next: { fiscalYear: number; orgUnitId: string | undefined }) => void;
}) {
  const text = useDashboardText();
  const years = useFiscalYears();
  const units = useOrgUnitOptions();
  const [year, setYear] = useState(fiscalYear);
  const [unit, setUnit] = useState(orgUnitId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ fiscalYear: year, orgUnitId: unit || undefined });
  };
  const options = [
    { value: '', label: text('allUnits') },
    ...(units.data?.items ?? [])
      .filter((item) => TOP_LEVELS.includes(item.level))
      .map((item) => ({ value: item.id, label: item.name })),
  ];
  return (
    <form
      onSubmit={submit}
      aria-label={text('filters')}
      className="mb-8 flex flex-wrap items-end gap-4 print:hidden"
    >
      {years.data ? (
        <FiscalYearSelect fiscalYears={years.data.items} value={year} onChange={setYear} />
      ) : null}
      <SelectField
        label={text('orgUnit')}
        options={options}
        value={unit}
        onChange={(event) => setUnit(event.target.value)}
      />
      <Button type="submit" variant="secondary">
        {text('apply')}
      </Button>
    </form>
  );
}
