export { findTarget, listTargets } from './effects.queries.ts';
export { listEffectItems, loadLedger } from './load-effects.ts';
