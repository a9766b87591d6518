/** 令和6年度 (令和元年度 for 2019); years before 令和 in western form (2018年度). */
export function japaneseFiscalYearLabel(fiscalYear: number): string {
  if (fiscalYear < 2019) return `${fiscalYear}年度`;
  const eraYear = fiscalYear - 2018;
  return `令和${eraYear === 1 ? '元' : eraYear}年度`;
}
