export { findInitiative } from './initiatives.queries.ts';
export { countInitiatives, defaultAsOf, type InitiativeCounts } from './load-initiatives.ts';
