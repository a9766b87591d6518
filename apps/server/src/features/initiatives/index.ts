export { findInitiative } from './initiatives.queries.ts';
export {
  countInitiatives,
  defaultAsOf,
  type InitiativeCounts,
  listInitiativeItems,
} from './load-initiatives.ts';
