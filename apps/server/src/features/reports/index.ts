/** What other features (the public portal) may use of the report writers. */
export { CSV_ENCODINGS, type CsvEncoding, csvContentType, csvText, encodeCsv } from './csv.ts';
export { PROGRAMME_SLOGAN } from './progress-report.ts';
export type { Column, ColumnType } from './report-resources.ts';
export type { Row } from './stream-rows.ts';
