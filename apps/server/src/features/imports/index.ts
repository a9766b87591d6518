export type { ImportField, ImportKind, RowCheck, RowError, RowValues } from './import-kind.ts';
export { parseDay, parseFlag, requiredError, tooLongError } from './import-kind.ts';
export { IMPORT_KINDS, importKindOf } from './import-kinds.ts';
export { importRunnerFor } from './import-runner.ts';
