import type { CurrentUser } from '../../lib/context.ts';
import { benchmarkImport } from './benchmark-import.ts';
import { clusterImport } from './cluster-import.ts';
import { effectImport } from './effect-import.ts';
import type { ImportKind } from './import-kind.ts';
import { initiativeImport } from './initiative-import.ts';
import { needImport } from './need-import.ts';
import { orgUnitImport } from './org-unit-import.ts';
import { userImport } from './user-import.ts';

/** Every kind of record that can be imported, in the order the screens list them. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  orgUnitImport,
  userImport,
  clusterImport,
  needImport,
  benchmarkImport,
  initiativeImport,
  effectImport,
] as ImportKind[];

/** The definition of a kind, or null for an unknown one. */
export function importKindOf(kind: string): ImportKind | null {
  return IMPORT_KINDS.find((definition) => definition.kind === kind) ?? null;
}

/** The kinds the person may import. */
export function importableKinds(user: CurrentUser | null): ImportKind[] {
  return IMPORT_KINDS.filter((definition) => definition.canImport(user));
}
