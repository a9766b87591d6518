export {
  BULK_BATCH_SIZE,
  refreshSearchIndex,
  refreshSearchIndexInBackground,
  searchIndexIdle,
} from './refresh-search-index.ts';
export { SEARCH_KINDS, type SearchKind } from './search-documents.ts';
