export { createNeed } from './create-need.ts';
export { listNeedItems, listPublicNeeds } from './load-needs.ts';
export type { NeedFields } from './need-fields.ts';
export { needPolicy } from './needs.policy.ts';
export { listClusterRevisions } from './needs.queries.ts';
export { NEED_CSV_COLUMNS, type NeedCsvColumn, readNeedsCsv } from './read-needs-csv.ts';
export { replaceNeedLinks } from './replace-need-links.ts';
export { updateNeed } from './update-need.ts';
