import { bigrams, searchTerms } from '@totonoe/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { roundEstimate, type SearchViewer, searchRecords } from './search.queries.ts';
import { documentRow, type SearchDocument } from './search-documents.ts';

/**
 * A frequent word: more matching documents than a search ranks in full. Then only the slice of
 * records whose id starts with 0 is ranked, the total and facets are the slice's counts times 16,
 * marked as estimates, and what is shown is still only what the viewer may read.
 */
const UNIT = '00000000-0000-4000-8000-000000000001';
let t: TestApp;

/** Record `index` (0–319): its id's first hex digit is index % 16, so 20 records fall in the slice. */
function recordId(index: number): string {
  const hex = index.toString(16).padStart(3, '0');
  return `${(index % 16).toString(16)}0000000-0000-4000-8000-000000000${hex}`;
}

const staff: SearchViewer = {
  isSignedIn: true,
  isPublicOnly: false,
  roles: ['staff'],
  unitIds: [],
  userId: null,
};
const reform: SearchViewer = { ...staff, roles: ['reform_office'] };

function search(viewer: SearchViewer, q: string, exactLimit?: number, page = 1) {
  const terms = searchTerms(q);
  return searchRecords(t.database.db, {
    terms,
    termBigrams: [...new Set(terms.flatMap((term) => bigrams(term)))],
    viewer,
    filters: {},
    page,
    pageSize: 10,
    ...(exactLimit === undefined ? {} : { exactLimit }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await t.database.pool.query('truncate search_documents, search_queue');
  const documents: SearchDocument[] = [];
  for (let index = 0; index < 320; index++) {
    // Every 4th group of 16 records is drafts only the reform office may read; odd groups are ideas.
    const group = Math.floor(index / 16);
    const isDraft = group % 4 === 3;
    documents.push({
      kind: group % 2 ? 'idea' : 'need',
      recordId: recordId(index),
      tier: isDraft ? 'restricted' : 'staff',
      fiscalYear: 2030,
      orgUnitPath: [UNIT],
      status: null,
      title: index % 5 === 0 ? `窓口の改善 ${index}` : `手続 ${index}`,
      body: `窓口で受け付ける申請 番号${index}号`,
      link: `/x/${index}`,
      audience: isDraft ? { roles: ['reform_office'] } : { isForSignedIn: true },
      sortAt: new Date(Date.UTC(2030, 0, 1 + (index % 60))),
    });
  }
  await t.database.db.insert(searchDocuments).values(documents.map(documentRow));
});

afterAll(async () => {
  await t?.close();
});

describe('search over the limit: a ranked slice and an estimated total', () => {
  it('below the limit, every match is ranked and counted exactly', async () => {
    const result = await search(staff, '窓口');
    expect(result.isEstimated).toBe(false);
    expect(result.total).toBe(240);
    expect(result.rankedTotal).toBe(240);
    expect(result.facets).toEqual({ idea: 80, need: 160 });
  });

  it('above the limit, ranks the slice and estimates the total and facets, marked as estimates', async () => {
    const result = await search(staff, '窓口', 100);
    expect(result.isEstimated).toBe(true);
    // 20 records in the slice, 15 of them readable by staff: 15 × 16 = 240.
    expect(result.rankedTotal).toBe(15);
    expect(result.total).toBe(240);
    // 5 ideas and 10 needs in the slice.
    expect(result.facets).toEqual({ idea: 80, need: 160 });
    expect(result.items).toHaveLength(10);
    for (const item of result.items) expect(item.recordId.startsWith('0')).toBe(true);
    // Titles holding the word first (10 points), then the newest.
    expect(result.items[0]!.title).toContain('窓口');
    const page2 = await search(staff, '窓口', 100, 2);
    expect(page2.items).toHaveLength(5);
    const shown = [...result.items, ...page2.items].map((item) => item.recordId);
    expect(new Set(shown).size).toBe(15);
  });

  it('never shows or counts a draft to someone who may not read it, on the estimate path too', async () => {
    const drafts = new Set(
      Array.from({ length: 320 }, (_, index) => index)
        .filter((index) => Math.floor(index / 16) % 4 === 3)
        .map(recordId),
    );
    const staffPages = [await search(staff, '窓口', 100), await search(staff, '窓口', 100, 2)];
    for (const page of staffPages)
      for (const item of page.items) expect(drafts.has(item.recordId)).toBe(false);
    const forReform = await search(reform, '窓口', 100);
    expect(forReform.isEstimated).toBe(true);
    expect(forReform.rankedTotal).toBe(20);
    expect(forReform.total).toBe(320);
    const reformPages = [forReform, await search(reform, '窓口', 100, 2)];
    expect(reformPages.flatMap((page) => page.items).some((item) => drafts.has(item.recordId))).toBe(true);
  });

  it('a word the slice does not hold is counted exactly, not estimated as nothing', async () => {
    // 番号5号 is in one record, outside the slice: the slice holds none, so every match is ranked.
    const outside = await search(staff, '番号5号', 1);
    expect(outside.isEstimated).toBe(false);
    expect(outside.items.map((item) => item.recordId)).toEqual([recordId(5)]);
    expect(outside.total).toBe(1);
  });

  it('rounds estimates to two significant digits', () => {
    expect(roundEstimate(42)).toBe(42);
    expect(roundEstimate(12_345)).toBe(12_000);
    expect(roundEstimate(987)).toBe(990);
  });
});
