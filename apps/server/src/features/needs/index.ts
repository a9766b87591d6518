export { listNeedItems, listPublicNeeds } from './load-needs.ts';
