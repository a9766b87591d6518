import type { Database } from '../../db/client.ts';
import { logger } from '../../lib/logger.ts';
import { buildSearchDocuments } from './build-search-documents.ts';
import { replaceSearchDocuments, takeQueuedRecords } from './search.queries.ts';
import { documentRow } from './search-documents.ts';

const BATCH_SIZE = 200;

/**
 * Rebuilds the documents of queued records, up to `limit` records, each batch in one transaction
 * (the queue entries go only if their documents were written). Returns whether the queue is empty.
 */
export async function refreshSearchIndex(db: Database, options: { limit: number }): Promise<boolean> {
  let indexed = 0;
  while (indexed < options.limit) {
    const batch = await db.transaction(async (tx) => {
      const queued = await takeQueuedRecords(tx, Math.min(BATCH_SIZE, options.limit - indexed));
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
      while (!(await refreshSearchIndex(db, { limit: 5_000 }))) {
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
