import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Whether a change, made in a transaction that is rolled back, queued the idea for indexing. */
async function queues(change: string): Promise<boolean> {
  const client = await t.database.pool.connect();
  try {
    await client.query('begin');
    const idea = await client.query<{ id: string }>('select id from platinum_ideas order by number limit 1');
    const id = idea.rows[0]!.id;
    await client.query("delete from search_queue where kind = 'idea' and record_id = $1", [id]);
    await client.query(`update platinum_ideas set ${change} where id = $1`, [id]);
    const queued = await client.query("select 1 from search_queue where kind = 'idea' and record_id = $1", [
      id,
    ]);
    return queued.rowCount === 1;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

describe('what queues an idea for indexing', () => {
  it('is a change of what its document holds, never a support alone', async () => {
    expect(await queues('support_count = support_count + 1')).toBe(false);
    expect(await queues("title = title || '（改）'")).toBe(true);
    expect(await queues("title = title || '（改）', support_count = support_count + 1")).toBe(true);
  });
});
