import { bigrams, normalizeForSearch, searchTerms } from '@totonoe/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDocuments } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type SearchViewer, searchRecords } from './search.queries.ts';
import { documentRow, type SearchDocument } from './search-documents.ts';

/**
 * The page, total and facets of a search against a plain reference: every readable document holding
 * every term, the most complete one per record, ranked by 10 per term in the title plus up to 5
 * occurrences per term, then newest, then id. Many records share titles and texts, so the ranking
 * shortcut (reading texts only where the title says they can reach the page) is exercised.
 */
const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER_UNIT = '00000000-0000-4000-8000-000000000002';
const WORDS = ['子育て', '保育', '窓口', '申請', '子ども', '育児', '会議', '削減'];

let t: TestApp;
const corpus: SearchDocument[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.database.pool.query('truncate search_documents, search_queue');
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  for (let index = 0; index < 600; index++) {
    const kind = (['idea', 'need', 'initiative'] as const)[index % 3]!;
    const words = Array.from({ length: 1 + Math.floor(random() * 12) }, pick);
    const document: SearchDocument = {
      kind,
      recordId: `${kind}-${index % 400}`,
      tier: index < 400 ? 'staff' : 'restricted',
      fiscalYear: 2030 + (index % 3),
      orgUnitPath: [index % 2 ? UNIT : OTHER_UNIT],
      status: null,
      title: `${pick()}と${random() < 0.3 ? pick() : '案'}`,
      body: words.join('、'),
      link: `/x/${index}`,
      audience:
        index < 400
          ? { isForSignedIn: true }
          : { roles: ['reform_office'], unitIds: index % 2 ? [UNIT] : [OTHER_UNIT] },
      sortAt: new Date(Date.UTC(2030, 0, 1 + Math.floor(random() * 60))),
    };
    corpus.push(document);
  }
  // One record per kind and id: a restricted document adds to the staff one of the same record.
  const rows = corpus.map(documentRow);
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = `${row.kind}:${row.recordId}:${row.tier}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await t.database.db.insert(searchDocuments).values(unique);
});
afterAll(async () => {
  await t.close();
});

function reference(
  q: string,
  viewer: SearchViewer,
  kind: string | undefined,
  page: number,
  pageSize: number,
) {
  const terms = searchTerms(q);
  const readable = (row: ReturnType<typeof documentRow>) =>
    row.isForSignedIn ||
    (row.readerRoles ?? []).some((role) => viewer.roles.includes(role)) ||
    (row.readerUnitIds ?? []).some((id) => viewer.unitIds.includes(id));
  const tierRank = { restricted: 3, staff: 2, public: 1 } as Record<string, number>;
  const best = new Map<string, ReturnType<typeof documentRow>>();
  const seen = new Set<string>();
  for (const row of corpus.map(documentRow)) {
    const key = `${row.kind}:${row.recordId}:${row.tier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!readable(row) || !terms.every((term) => row.searchText.includes(term))) continue;
    const current = best.get(`${row.kind}:${row.recordId}`);
    if (!current || tierRank[row.tier]! > tierRank[current.tier]!)
      best.set(`${row.kind}:${row.recordId}`, row);
  }
  const facets: Record<string, number> = {};
  for (const row of best.values()) facets[row.kind] = (facets[row.kind] ?? 0) + 1;
  const score = (row: ReturnType<typeof documentRow>) =>
    terms.reduce(
      (sum, term) =>
        sum + (row.searchTitle.includes(term) ? 10 : 0) + Math.min(5, row.searchText.split(term).length - 1),
      0,
    );
  const ranked = [...best.values()]
    .filter((row) => !kind || row.kind === kind)
    .map((row) => ({ row, score: score(row) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.row.sortAt as Date).getTime() - (a.row.sortAt as Date).getTime() ||
        (a.row.recordId < b.row.recordId ? -1 : a.row.recordId > b.row.recordId ? 1 : 0),
    );
  return {
    total: ranked.length,
    facets,
    items: ranked
      .slice((page - 1) * pageSize, page * pageSize)
      .map((entry) => `${entry.row.kind}:${entry.row.recordId}:${entry.row.tier}:${entry.score}`),
  };
}

describe('ranking and counting', () => {
  const staff: SearchViewer = {
    isSignedIn: true,
    isPublicOnly: false,
    roles: ['staff'],
    unitIds: [],
    userId: null,
  };
  const unitHead: SearchViewer = { ...staff, roles: ['staff', 'bureau_head'], unitIds: [UNIT] };
  const office: SearchViewer = { ...staff, roles: ['staff', 'reform_office'] };

  it('gives the same pages, totals and facets as the plain ranking', async () => {
    let compared = 0;
    for (const q of ['子育て', '保育', '子', '窓口 申請', '子ども 育児 会議', 'ｺｿﾀﾞﾃ', 'ない言葉']) {
      for (const viewer of [staff, unitHead, office]) {
        for (const kind of [undefined, 'need']) {
          for (const page of [1, 2, 5]) {
            const terms = searchTerms(q);
            const termBigrams = [
              ...new Set(terms.flatMap((term) => (Array.from(term).length >= 2 ? bigrams(term) : []))),
            ];
            const result = await searchRecords(t.database.db, {
              terms,
              termBigrams,
              viewer,
              filters: kind ? { kind } : {},
              page,
              pageSize: 7,
            });
            const expected = reference(q, viewer, kind, page, 7);
            expect(
              {
                total: result.total,
                facets: result.facets,
                items: result.items.map((item) => `${item.kind}:${item.recordId}:${item.tier}:${item.score}`),
              },
              `${q} ${viewer.roles.join(',')} ${kind} ${page}`,
            ).toEqual(expected);
            compared += result.items.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(normalizeForSearch('ｺｿﾀﾞﾃ')).not.toBe('ｺｿﾀﾞﾃ');
  });
});
