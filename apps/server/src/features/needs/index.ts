export { listPublicNeeds } from './load-needs.ts';
