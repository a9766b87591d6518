import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRunnerFor } from '../features/imports/import-runner.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../test/test-app.ts';

/**
 * Body limits: a JSON body is refused over 1 MB before it is read; files (multipart, CSV) may be
 * as large as the upload limit (TOTONOE_UPLOAD_LIMIT_MB, 20 MB by default).
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await importRunnerFor(t.database.db).idle();
  await t.close();
});

async function count(table: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]!.n;
}

describe('body limits', () => {
  it('refuses a JSON body over 1 MB with 413 problem+json, writing nothing', async () => {
    const cookie = await t.signIn('kodomo-staff');
    const before = await count('needs');
    const response = await t.call('POST', '/api/v1/needs', {
      cookie,
      body: { side: 'recipient', channel: 'counter', body: 'あ'.repeat(400_000), receivedOn: '2024-11-05' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((response.body as { code: string }).code).toBe('payload_too_large');
    expect(await count('needs')).toBe(before);
  });

  it('takes a file of several megabytes as multipart/form-data', async () => {
    const cookie = await t.signIn('admin');
    const header = '組織コード,組織名,組織名（かな）,区分,上位組織コード,設置日,廃止日,表示順\r\n';
    // About 3 MB: one long row of padding after the header (the file is checked, not written).
    const text = `${header}big-ka,${'大'.repeat(1_000_000)},,課,kodomo,2024-04-01,,1\r\n`;
    const form = new FormData();
    form.set('kind', 'org_units');
    form.set('file', new File([text], 'big.csv'));
    const response = await t.app.request(`${TEST_ORIGIN}/api/v1/imports`, {
      method: 'POST',
      body: form,
      headers: { origin: TEST_ORIGIN, cookie },
    });
    expect(response.status, await response.clone().text()).toBe(201);
  });
});
