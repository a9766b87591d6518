import { bigrams, normalizeForSearch } from '@totonoe/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { buildSearchDocuments } from './build-search-documents.ts';
import { BULK_BATCH_SIZE, refreshSearchIndex } from './refresh-search-index.ts';
import { replaceSearchDocuments } from './search.queries.ts';
import { documentRow } from './search-documents.ts';

/**
 * Building the whole index in large batches (a data set loaded) writes the same documents as the
 * incremental path (small batches, as searches and the background worker take them), and the
 * one-statement JSON insert stores exactly the rows documentRow gives.
 */
let t: TestApp;

const SOURCES: [string, string][] = [
  ['cluster', 'clusters'],
  ['meeting', 'meetings'],
  ['user', 'users'],
  ['idea', 'platinum_ideas'],
  ['bureau_policy', 'bureau_policies'],
  ['analysis', 'analyses'],
  ['initiative', 'initiatives'],
  ['need', 'needs'],
  ['issue', 'platinum_issues'],
];

async function enqueueEverything() {
  await t.database.pool.query('truncate search_documents, search_queue');
  for (const [kind, table] of SOURCES) {
    await t.database.pool.query(
      `insert into search_queue (kind, record_id) select $1, id::text from ${table} on conflict do nothing`,
      [kind],
    );
  }
}

/** Every stored document without its generated id and indexing time, in a fixed order. */
async function snapshot(): Promise<unknown[]> {
  const result = await t.database.pool.query(
    `select kind, record_id, tier, fiscal_year, fiscal_year_to, org_unit_path, status, title, body,
       search_title, search_text, bigrams, link, is_public, is_for_signed_in, reader_roles,
       reader_unit_ids, reader_user_ids, sort_at
     from search_documents order by kind, record_id, tier`,
  );
  return result.rows;
}

async function indexAll(batchSize: number) {
  let isDone = false;
  while (!isDone) isDone = await refreshSearchIndex(t.database.db, { limit: 100_000, batchSize });
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('bulk index build', () => {
  it('large batches write the same documents as small ones', async () => {
    await enqueueEverything();
    await indexAll(BULK_BATCH_SIZE);
    const bulk = await snapshot();
    expect(bulk.length).toBeGreaterThan(100);
    await enqueueEverything();
    await indexAll(37);
    expect(await snapshot()).toEqual(bulk);
  });

  it('the JSON insert stores what an insert of documentRow rows stores', async () => {
    await enqueueEverything();
    await indexAll(BULK_BATCH_SIZE);
    const written = await snapshot();
    const queued = SOURCES.length
      ? (
          await t.database.pool.query<{ kind: string; record_id: string }>(
            SOURCES.map(
              ([kind, table]) => `select '${kind}' as kind, id::text as record_id from ${table}`,
            ).join(' union all '),
          )
        ).rows.map((row) => ({ kind: row.kind, recordId: row.record_id }))
      : [];
    const { documents } = await buildSearchDocuments(t.database.db, queued);
    await t.database.pool.query('truncate search_documents, search_queue');
    const rows = documents.map(documentRow);
    for (let start = 0; start < rows.length; start += 100) {
      await t.database.db.insert(searchDocuments).values(rows.slice(start, start + 100));
    }
    expect(await snapshot()).toEqual(written);
  });

  it('bigrams of folded text are the bigrams of the text', async () => {
    const rows = await t.database.pool.query<{ title: string; body: string; bigrams: string[] }>(
      'select title, body, bigrams from search_documents',
    );
    expect(rows.rows.length).toBeGreaterThan(100);
    for (const row of rows.rows) {
      expect(row.bigrams).toEqual(bigrams(normalizeForSearch(`${row.title}\n${row.body}`)));
    }
  });
  it('two batches writing the same record at once both succeed, leaving one document per tier', async () => {
    // Two workers can reach one record through different queue entries (an analysis queued itself
    // and through its cluster): on PostgreSQL the second one's insert waits for the first to commit.
    const { rows: found } = await t.database.pool.query<{ id: string }>(
      'select id::text from analyses order by id limit 1',
    );
    const records = [{ kind: 'analysis', recordId: found[0]!.id }];
    const { documents } = await buildSearchDocuments(t.database.db, records);
    const rows = documents.map(documentRow);
    expect(rows.length).toBeGreaterThan(0);
    const write = (pause: number) =>
      t.database.db.transaction(async (tx) => {
        await replaceSearchDocuments(tx, records, rows);
        await new Promise((resolve) => setTimeout(resolve, pause));
      });
    await Promise.all([write(200), write(0)]);
    const { rows: stored } = await t.database.pool.query<{ tier: string; n: number }>(
      `select tier, count(*)::int as n from search_documents where kind = 'analysis' and record_id = $1
       group by tier`,
      [records[0]!.recordId],
    );
    expect(stored.map((row) => row.n)).toEqual(stored.map(() => 1));
    expect(stored.length).toBe(new Set(rows.map((row) => row.tier)).size);
  });
});
