export { listFiscalYears } from './fiscal-years.queries.ts';
export { resolveFiscalYear } from './resolve-fiscal-year.ts';
