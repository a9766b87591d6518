import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { parseCsv } from './csv-text.ts';

type Need = {
  id: string;
  body: string;
  status: string;
  orgUnit: { code: string };
  links: { kind: string; label: string }[];
  isPublic: boolean;
  publicPreview: string;
  reporter: { name: string | null; contact: string | null } | null;
  version: number;
};
type Preview = {
  encoding: string | null;
  rowCount: number;
  validCount: number;
  errorCount: number;
  fileErrors: { ja: string }[];
  rows: {
    line: number;
    isValid: boolean;
    values: Record<string, string>;
    errors: { column: string | null; messages: { ja: string } }[];
  }[];
};

let t: TestApp;
const cookies: Record<string, string> = {};
const clusterIds: Record<number, string> = {};

async function as(login: string): Promise<string> {
  cookies[login] ??= await t.signIn(login);
  return cookies[login]!;
}

async function list(query: string, login = 'reform'): Promise<Need[]> {
  const response = await t.call('GET', `/api/v1/needs?fy=2024&pageSize=200&${query}`, {
    cookie: await as(login),
  });
  expect(response.status).toBe(200);
  return (response.body as { items: Need[] }).items;
}

async function needCount(): Promise<number> {
  return (await t.database.pool.query('select count(*)::int as n from needs')).rows[0].n;
}

async function upload(path: string, bytes: Uint8Array | string, login = 'reform', contentType = 'text/csv') {
  return t.call('POST', path, {
    cookie: await as(login),
    rawBody: bytes,
    headers: { 'content-type': contentType },
  });
}

const HEADER = '受付日,区分,経路,組織コード,内容,クラスター番号,氏名,連絡先';

beforeAll(async () => {
  t = await createTestApp();
  for (const row of (await t.database.pool.query('select cluster_id, number from cluster_revisions')).rows) {
    clusterIds[row.number] = row.cluster_id;
  }
});
afterAll(async () => {
  await t.close();
});

describe('FY2024 demo needs', () => {
  it('are linked to each of the five analysed clusters, from recipients and bearers', async () => {
    const all = await list('');
    expect(all).toHaveLength(16);
    for (const number of [13, 22, 23, 25, 34]) {
      const linked = await list(`clusterId=${clusterIds[number]}`);
      expect(linked.length, `cluster ${number}`).toBeGreaterThanOrEqual(2);
    }
    const nursery = all.find((need) => need.body.startsWith('第一希望の保育所'))!;
    expect(nursery.links.map((link) => link.label)).toEqual([
      '22 保育所・幼稚園',
      '経営分析 22 保育所・幼稚園（2024年度）',
      '公立保育所の適正配置計画の策定',
    ]);
    expect(all.filter((need) => need.status === 'new').map((need) => need.body)).toEqual([
      '美術館の企画展の情報がSNSで流れてこない。若い人に届く広報をしてほしい。',
    ]);
  });

  it('shows personal data only to the reform office and the unit that holds the need', async () => {
    const pick = (needs: Need[]) => needs.find((need) => need.body.includes('第一希望の保育所'))!;
    expect(pick(await list('')).reporter).toEqual({ name: '山田 花子', contact: '090-1234-5678' });
    expect(pick(await list('', 'kodomo-staff')).reporter?.name).toBe('山田 花子');
    const executive = pick(await list('', 'mayor'));
    expect(executive.reporter).toBeNull();
    expect(executive.body).not.toContain('090-1234-5678');
    expect(executive.body).toContain('〔電話番号〕');
    // A unit sees its own needs only; plain staff and the public see none.
    expect(new Set((await list('', 'kodomo-staff')).map((need) => need.orgUnit.code))).toEqual(
      new Set(['kodomo', 'kodomo-hoiku', 'kodomo-seishonen']),
    );
    expect((await t.call('GET', '/api/v1/needs', { cookie: await as('staff1') })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/needs')).status).toBe(401);
    const hokenOnly = (await list('')).find((need) => need.orgUnit.code === 'kensetsu')!;
    expect(
      (await t.call('GET', `/api/v1/needs/${hokenOnly.id}`, { cookie: await as('kodomo-staff') })).status,
    ).toBe(404);
  });

  it('publishes only what the reform office marked public, masked, without any personal data', async () => {
    const response = await t.call('GET', '/api/v1/public/needs?fy=2024');
    expect(response.status).toBe(200);
    const items = (response.body as { items: { text: string; clusters: { number: number }[] }[] }).items;
    expect(items).toHaveLength(7);
    for (const secret of [
      '090-1234-5678',
      '山田 花子',
      'park.user@example.jp',
      '佐藤 一郎',
      'reporter',
      'contact',
    ]) {
      expect(response.text).not.toContain(secret);
    }
    expect(items.some((item) => item.text.includes('〔メールアドレス〕'))).toBe(true);
    const byCluster = await t.call('GET', `/api/v1/public/needs?fy=2024&clusterId=${clusterIds[34]}`);
    expect((byCluster.body as { items: unknown[] }).items).toHaveLength(2);
  });
});

describe('keeping needs', () => {
  let need: Need;

  it('records, links and lets only the reform office publish', async () => {
    const units = (await t.database.pool.query("select id from org_units where code = 'kodomo'")).rows[0];
    const created = await t.call('POST', '/api/v1/needs', {
      cookie: await as('kodomo-staff'),
      body: {
        side: 'recipient',
        channel: 'counter',
        body: '病児保育の予約が取りにくい。',
        receivedOn: '2024-11-05',
        orgUnitId: units.id,
      },
    });
    expect(created.status).toBe(201);
    need = created.body as Need;
    expect(need.status).toBe('new');
    const bad: [unknown, number][] = [
      [
        { side: 'citizen', channel: 'counter', body: 'x', receivedOn: '2024-11-05', orgUnitId: units.id },
        400,
      ],
      [
        { side: 'recipient', channel: 'counter', body: 'x', receivedOn: '2024-02-30', orgUnitId: units.id },
        400,
      ],
      [
        { side: 'recipient', channel: 'counter', body: 'x', receivedOn: '2030-05-01', orgUnitId: units.id },
        422,
      ],
      [
        {
          side: 'recipient',
          channel: 'counter',
          body: 'x',
          receivedOn: '2024-11-05',
          orgUnitId: units.id,
          isPublic: true,
        },
        403,
      ],
      // U+0000 cannot be stored in PostgreSQL text: a validation error, not a 500.
      [
        {
          side: 'recipient',
          channel: 'counter',
          body: 'a\u0000b',
          receivedOn: '2024-11-05',
          orgUnitId: units.id,
        },
        400,
      ],
    ];
    for (const [body, status] of bad) {
      expect(
        (await t.call('POST', '/api/v1/needs', { cookie: await as('kodomo-staff'), body })).status,
        JSON.stringify(body),
      ).toBe(status);
    }
    const path = `/api/v1/needs/${need.id}`;
    const unknown = await t.call('PUT', `${path}/links`, {
      cookie: await as('kodomo-staff'),
      body: { links: [{ kind: 'initiative', targetId: clusterIds[22] }] },
      headers: { 'if-match': `"${need.version}"` },
    });
    expect(unknown.status).toBe(422);
    const linked = await t.call('PUT', `${path}/links`, {
      cookie: await as('kodomo-staff'),
      body: { links: [{ kind: 'cluster', targetId: clusterIds[23] }] },
      headers: { 'if-match': `"${need.version}"` },
    });
    expect(linked.status).toBe(200);
    need = linked.body as Need;
    expect(need.status).toBe('linked');
    const byUnit = await t.call('PATCH', path, {
      cookie: await as('kodomo-staff'),
      body: { isPublic: true },
      headers: { 'if-match': `"${need.version}"` },
    });
    expect(byUnit.status).toBe(403);
    const published = await t.call('PATCH', path, {
      cookie: await as('reform'),
      body: { isPublic: true, publicText: '病児保育の予約が取りにくい（窓口に寄せられた声）。' },
      headers: { 'if-match': `"${need.version}"` },
    });
    expect(published.status).toBe(200);
    const open = await t.call('GET', '/api/v1/public/needs?fy=2024');
    expect(open.text).toContain('病児保育の予約が取りにくい（窓口に寄せられた声）。');
  });
});

describe('CSV import', () => {
  const goodRows = [
    '2024-10-01,受け手,アンケート,kodomo,一時預かりをアプリで予約したい,23,,',
    '2024/10/2,担い手,ヒアリング,kensetsu,公園の点検記録を紙で書いている,34;41,,',
  ];

  it('splits quoted fields, doubled quotes and line breaks', () => {
    const { records, error } = parseCsv('a,"b,c","say ""hi""\nnext"\r\n\r\nd,,e\n');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"\nnext'] },
      { line: 4, fields: ['d', '', 'e'] },
    ]);
    expect(parseCsv('a,"b').error?.line).toBe(1);
  });

  it('previews every row’s errors and writes nothing', async () => {
    const before = await needCount();
    const csv = [
      HEADER,
      ...goodRows,
      '2024-02-30,受け手,苦情,kodomo,うるう年でない2月30日,,,',
      '2024-10-03,受け手,電話,nosuchunit,知らない組織コード,99,,',
      '2024-10-04,市民,窓口,kodomo,,22,,',
    ].join('\n');
    const response = await upload('/api/v1/needs/import/preview', csv);
    expect(response.status).toBe(200);
    const preview = response.body as Preview;
    expect(preview).toMatchObject({
      encoding: 'utf-8',
      rowCount: 5,
      validCount: 2,
      errorCount: 3,
      fileErrors: [],
    });
    const errorsOf = (line: number) =>
      preview.rows.find((row) => row.line === line)!.errors.map((error) => error.column);
    expect(errorsOf(4)).toEqual(['receivedOn']);
    expect(preview.rows.find((row) => row.line === 4)!.errors[0]!.messages.ja).toBe(
      '受付日「2024-02-30」は存在しない日付です。',
    );
    expect(errorsOf(5)).toEqual(['channel', 'orgUnitCode', 'clusterNumbers']);
    expect(errorsOf(6)).toEqual(['side', 'body']);
    expect(await needCount()).toBe(before);

    const committed = await upload('/api/v1/needs/import', csv);
    expect(committed.status).toBe(422);
    expect((committed.body as { code: string }).code).toBe('csv_rows_invalid');
    const paths = (committed.body as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['rows.4.receivedOn', 'rows.5.orgUnitCode', 'rows.6.side']));
    expect(await needCount()).toBe(before);
  });

  it('imports a valid UTF-8 file (with BOM) as a whole, linking the clusters it names', async () => {
    const before = await needCount();
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode([HEADER, ...goodRows].join('\r\n')),
    ]);
    const response = await upload('/api/v1/needs/import?fileName=needs.csv', bytes);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ created: 2, encoding: 'utf-8' });
    expect(await needCount()).toBe(before + 2);
    const imported = (await list('q=点検記録')).at(0)!;
    expect(imported.status).toBe('linked');
    expect(imported.links.map((link) => link.label)).toEqual([
      '34 公園事業',
      '41 公共施設マネジメント基本計画（社会インフラ版）の見直し',
    ]);
  });

  it('detects Shift_JIS, and refuses a Shift_JIS file stated as UTF-8 (or the reverse) without writing', async () => {
    const text = [HEADER, '2024-11-11,受け手,意見箱,shimin,文化施設の開館時間を延ばしてほしい①,13,,'].join(
      '\r\n',
    );
    const sjis = new Uint8Array(iconv.encode(text, 'cp932'));
    const preview = (await upload('/api/v1/needs/import/preview', sjis)).body as Preview;
    expect(preview.encoding).toBe('shift_jis');
    expect(preview.rows[0]!.values.body).toBe('文化施設の開館時間を延ばしてほしい①');
    const before = await needCount();
    const stated = await upload('/api/v1/needs/import?encoding=utf-8', sjis);
    expect(stated.status).toBe(422);
    expect((stated.body as { code: string }).code).toBe('csv_encoding_mismatch');
    const reverse = await upload('/api/v1/needs/import?encoding=shift_jis', new TextEncoder().encode(text));
    expect(reverse.status).toBe(422);
    expect(await needCount()).toBe(before);
    const imported = await upload(
      '/api/v1/needs/import?encoding=shift_jis',
      sjis,
      'reform',
      'application/octet-stream',
    );
    expect(imported.status).toBe(201);
    expect(await needCount()).toBe(before + 1);
  });

  it('checks the header, the rows a unit may record, and who may import at all', async () => {
    const noBody = (await upload('/api/v1/needs/import/preview', '受付日,区分,経路,組織コード,メモ\n'))
      .body as Preview;
    expect(noBody.fileErrors.map((error) => error.ja)).toEqual([
      '見出し「メモ」は使えません。',
      '見出し「内容」の列がありません。',
    ]);
    const empty = (await upload('/api/v1/needs/import/preview', '')).body as Preview;
    expect(empty.fileErrors[0]!.ja).toContain('空');
    const scoped = (
      await upload('/api/v1/needs/import/preview', [HEADER, ...goodRows].join('\n'), 'kodomo-staff')
    ).body as Preview;
    expect(scoped.rows.map((row) => row.isValid)).toEqual([true, false]);
    expect(scoped.rows[1]!.errors[0]!.messages.ja).toContain('権限がありません');
    expect((await upload('/api/v1/needs/import/preview', HEADER, 'pt1')).status).toBe(403);
    expect(
      (
        await t.call('POST', '/api/v1/needs/import', {
          rawBody: HEADER,
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(401);
    expect((await upload('/api/v1/needs/import', HEADER, 'reform', 'text/plain')).status).toBe(415);
  });
});

describe('the OpenAPI document', () => {
  it('describes every need route', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/needs',
      '/api/v1/needs/{id}',
      '/api/v1/needs/{id}/links',
      '/api/v1/needs/import/preview',
      '/api/v1/needs/import',
      '/api/v1/public/needs',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
