import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { searchIndexIdle } from './refresh-search-index.ts';

type Results = { total: number; items: { kind: string; title: { text: string }[]; link: string }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await searchIndexIdle(t.database.db);
  await t.close();
});

describe('search over the FY2024 demo data set', () => {
  it('indexes every demo record on the first search and finds the named clusters', async () => {
    const { rows } = await t.database.pool.query('select count(*)::int as n from search_queue');
    expect(rows[0].n).toBeGreaterThan(50);
    const reform = await t.signIn('reform');
    const response = await t.call('GET', `/api/v1/search?q=${encodeURIComponent('保育')}&pageSize=50`, {
      cookie: reform,
    });
    expect(response.status, response.text).toBe(200);
    const titles = (response.body as Results).items.map((item) =>
      item.title.map((part) => part.text).join(''),
    );
    expect(titles).toContain('22. 保育所・幼稚園');
    await searchIndexIdle(t.database.db);
    const after = await t.database.pool.query('select count(*)::int as n from search_queue');
    expect(after.rows[0].n).toBe(0);
    const kinds = await t.database.pool.query('select distinct kind from search_documents order by kind');
    expect(kinds.rows.map((row) => row.kind)).toEqual(
      expect.arrayContaining(['analysis', 'bureau_policy', 'cluster', 'initiative', 'meeting', 'user']),
    );
  });

  it('gives the public only published documents', async () => {
    const response = await t.call('GET', `/api/v1/search?q=${encodeURIComponent('局')}&pageSize=50`);
    expect(response.status).toBe(200);
    const { rows } = await t.database.pool.query(
      'select count(distinct (kind, record_id))::int as n from search_documents where is_public and search_text like $1',
      ['%局%'],
    );
    expect((response.body as Results).total).toBe(rows[0].n);
    expect(
      (response.body as Results).items.every((item) =>
        ['cluster', 'meeting', 'analysis', 'bureau_policy', 'response'].includes(item.kind),
      ),
    ).toBe(true);
  });
});
