import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { DataDirectoryLockedError, lockDataDirectory } from './embedded.ts';

describe('the embedded database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: null });
    await handle.pool.query('create table sample (id int primary key, label text)');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps serving after a query fails (unique violation, raised exception, division by zero)', async () => {
    await handle.pool.query('insert into sample values (1, $1)', ['一']);
    await expect(handle.pool.query('insert into sample values (1, $1)', ['二'])).rejects.toMatchObject({
      code: '23505',
    });
    await expect(handle.pool.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
    await expect(handle.pool.query("do $$ begin raise exception 'boom'; end $$")).rejects.toMatchObject({
      code: 'P0001',
    });
    const rows = await handle.pool.query('select label from sample where id = $1', [1]);
    expect(rows.rows).toEqual([{ label: '一' }]);
    const mixed = await Promise.allSettled(
      Array.from({ length: 30 }, (_, index) =>
        index % 3 === 0
          ? handle.pool.query('insert into sample values (1, $1)', ['x'])
          : handle.pool.query('select $1::int as n', [index]),
      ),
    );
    expect(mixed.filter((result) => result.status === 'fulfilled')).toHaveLength(20);
  });

  it('does not block the HTTP thread while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await handle.pool.query("select count(*) from generate_series(1, 2000000) g where g::text like '%99%'");
    clearInterval(timer);
    // A query on the same thread would have let no timer fire at all.
    expect(ticks).toBeGreaterThan(5);
  });

  it('rolls back a failed transaction as a whole', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute("insert into sample values (10, 'kept?')");
        await tx.execute("insert into sample values (1, 'duplicate')");
      }),
    ).rejects.toThrow();
    const rows = await handle.pool.query('select count(*)::int as n from sample where id = 10');
    expect(rows.rows[0]).toEqual({ n: 0 });
  });
});

describe('the data-folder lock', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'totonoe-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder with a clear message and takes over a stale lock', () => {
    const unlock = lockDataDirectory(dir);
    writeFileSync(path.join(dir, 'totonoe.lock'), '1'); // PID 1 is alive: another process holds it
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(dir)).toThrow(/使用中/);
    writeFileSync(path.join(dir, 'totonoe.lock'), '999999999'); // no such process: stale
    const again = lockDataDirectory(dir);
    again();
    unlock();
  });
});
