export { createInitiative } from './create-initiative.ts';
export type { InitiativeFields } from './initiative-fields.ts';
export { initiativePolicy } from './initiatives.policy.ts';
export { findInitiative } from './initiatives.queries.ts';
export {
  countInitiatives,
  defaultAsOf,
  type InitiativeCounts,
  listInitiativeItems,
} from './load-initiatives.ts';
export { updateInitiative } from './update-initiative.ts';
