import type { Database } from '../../db/client.ts';
import { logger } from '../../lib/logger.ts';
import { buildSearchDocuments } from './build-search-documents.ts';
import { hasQueuedRecords, replaceSearchDocuments, takeQueuedRecords } from './search.queries.ts';
import { documentRow } from './search-documents.ts';

/** Records a batch rebuilds while people wait for it (a search, the background worker). */
const BATCH_SIZE = 200;
/** Records a batch rebuilds when the whole index is built (a data set loaded, everything re-indexed). */
export const BULK_BATCH_SIZE = 2_000;

/**
 * Rebuilds the documents of queued records, up to `limit` records, each batch in one transaction
 * (the queue entries go only if their documents were written): the sources read a kind at a time,
 * the old documents deleted and the new ones inserted in one statement each. Between batches it
 * gives way to other work (`yieldBetweenBatches`: requests queued on the embedded database's one
 * connection run before the next batch). Returns whether the queue is empty.
 */
export async function refreshSearchIndex(
  db: Database,
  options: { limit: number; batchSize?: number; yieldBetweenBatches?: boolean },
): Promise<boolean> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // An empty queue (the usual case for a search) costs one read instead of a transaction.
  if (!(await hasQueuedRecords(db))) return true;
  let indexed = 0;
  while (indexed < options.limit) {
    if (indexed > 0 && options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
    const batch = await db.transaction(async (tx) => {
      const queued = await takeQueuedRecords(tx, Math.min(batchSize, options.limit - indexed));
      if (queued.length === 0) return 0;
      const { records, documents } = await buildSearchDocuments(tx, queued);
      await replaceSearchDocuments(tx, records, documents.map(documentRow));
      return queued.length;
    });
    if (batch === 0) return true;
    indexed += batch;
  }
  return false;
}

const running = new WeakMap<Database, Promise<void>>();

/** Works through the rest of the queue in the background (one worker per process and database). */
export function refreshSearchIndexInBackground(db: Database): void {
  if (running.has(db)) return;
  const work = (async () => {
    try {
      while (!(await refreshSearchIndex(db, { limit: 5_000, yieldBetweenBatches: true }))) {
        // keep going until the queue is empty
      }
    } catch (error) {
      logger.error('search: indexing failed', { error: String(error) });
    } finally {
      running.delete(db);
    }
  })();
  running.set(db, work);
}

/** Resolves when background indexing is done (for tests). */
export async function searchIndexIdle(db: Database): Promise<void> {
  await running.get(db);
}
