export { createEffect } from './create-effect.ts';
export type { EffectInput } from './effect-fields.ts';
export { effectPolicy } from './effects.policy.ts';
export { findTarget, listTargets } from './effects.queries.ts';
export { listEffectItems, loadLedger } from './load-effects.ts';
export { updateEffect } from './update-effect.ts';
