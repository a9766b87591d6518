/** What other features may use of the public portal. */
export { OPEN_DATASETS } from './open-data.ts';
