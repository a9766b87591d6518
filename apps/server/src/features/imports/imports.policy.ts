import type { CurrentUser } from '../../lib/context.ts';
import { importKindOf } from './import-kinds.ts';

/**
 * Who may do what with imports: each kind names who may import it (system admins for org units and
 * users, …); an import is seen, checked, committed and discarded by those who may import its kind.
 */
export const importPolicy = {
  canImportKind: (user: CurrentUser | null, kind: string) => importKindOf(kind)?.canImport(user) ?? false,
  canUseImport: (user: CurrentUser | null, job: { kind: string }) =>
    importKindOf(job.kind)?.canImport(user) ?? false,
};
