import type { SelectHTMLAttributes } from 'react';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { FiscalYear } from '@/types/api';
import { SelectField } from './ui/select-field';

type FiscalYearSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  fiscalYears: readonly FiscalYear[];
  value: number;
  onChange: (year: number) => void;
};

/** 年度 as a select: 令和6年度 (2024) in Japanese, FY2024 in English, newest first. */
export function FiscalYearSelect({ fiscalYears, value, onChange, ...select }: FiscalYearSelectProps) {
  const t = useT();
  const { language } = useLanguage();
  const years = [...fiscalYears].sort((a, b) => b.year - a.year);
  if (!years.some((item) => item.year === value)) {
    years.unshift({ year: value, label: '', isCurrent: false });
  }
  const options = years.map((item) => ({
    value: String(item.year),
    label: fiscalYearLabel(item, language, t('fiscalYear.current')),
  }));
  return (
    <SelectField
      {...select}
      label={t('fiscalYear.label')}
      options={options}
      value={String(value)}
      onChange={(event) => onChange(Number(event.target.value))}
    />
  );
}

/** 令和6年度（2024年度） / FY2024, with a "current" marker. */
export function fiscalYearLabel(item: FiscalYear, language: 'ja' | 'en', currentMarker?: string): string {
  const japanese = item.label ? `${item.label}（${item.year}年度）` : `${item.year}年度`;
  const base = language === 'ja' ? japanese : (item.labelEn ?? `FY${item.year}`);
  return item.isCurrent && currentMarker ? `${base} ${currentMarker}` : base;
}
