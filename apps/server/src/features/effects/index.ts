export { listEffectItems, loadLedger } from './load-effects.ts';
