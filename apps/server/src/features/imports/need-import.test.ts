import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { importRunnerFor } from './import-runner.ts';
import { type ImportJob as Job, shiftJis, xlsx } from './import-test-support.ts';
import { readSpreadsheet } from './spreadsheet-file.ts';

const xlsxOf = (rows: string[][]) => xlsx(rows, 'ニーズ');

type Row = { rowNumber: number; errors: { messages: { ja: string } }[] };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await importRunnerFor(t.database.db).idle();
  await t.close();
});

async function upload(cookie: string, bytes: Uint8Array, fileName: string) {
  const form = new FormData();
  form.set('kind', 'needs');
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  const response = await t.app.request(`${TEST_ORIGIN}/api/v1/imports`, {
    method: 'POST',
    body: form,
    headers: { origin: TEST_ORIGIN, cookie },
  });
  return { status: response.status, body: (await response.json()) as Job };
}

/** Uploads a file, keeps the proposed mapping and returns the checked preview. */
async function preview(cookie: string, bytes: Uint8Array, fileName: string): Promise<Job> {
  const uploaded = await upload(cookie, bytes, fileName);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const job = uploaded.body;
  expect(Object.values(job.mapping).every((column) => column !== null)).toBe(true);
  const mapped = await t.call('PUT', `/api/v1/imports/${job.id}/mapping`, {
    cookie,
    headers: { 'if-match': `"${job.version}"` },
    body: { mapping: job.mapping },
  });
  expect(mapped.status, mapped.text).toBe(200);
  return mapped.body as Job;
}

async function errorsOf(cookie: string, job: Job): Promise<[number, string[]][]> {
  const response = await t.call('GET', `/api/v1/imports/${job.id}/rows?filter=errors&pageSize=200`, {
    cookie,
  });
  return (response.body as { items: Row[] }).items.map((row) => [
    row.rowNumber,
    row.errors.map((error) => error.messages.ja),
  ]);
}

async function commit(cookie: string, job: Job) {
  return t.call('POST', `/api/v1/imports/${job.id}/commit`, {
    cookie,
    headers: { 'if-match': `"${job.version}"` },
  });
}

async function exported(cookie: string, format: 'xlsx' | 'csv', encoding = 'utf-8') {
  const response = await t.app.request(
    `${TEST_ORIGIN}/api/v1/import-kinds/needs/export?format=${format}&encoding=${encoding}`,
    { headers: { cookie } },
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** Every need with its links, as JSON rows sorted (version and timestamps included: nothing may move). */
async function needsTable(): Promise<string[]> {
  const { rows } = await t.database.pool.query(
    `select n.*, (select coalesce(json_agg(json_build_object('kind', l.kind, 'target', l.target_id)
               order by l.kind, l.target_id), '[]'::json) from need_links l where l.need_id = n.id) as links
       from needs n`,
  );
  return rows.map((row) => JSON.stringify(row)).sort();
}

async function needCount(sql = 'true'): Promise<number> {
  const { rows } = await t.database.pool.query(`select count(*)::int as n from needs where ${sql}`);
  return rows[0].n;
}

const HEADER = [
  'ニーズID',
  '受付日',
  '区分',
  '経路',
  '組織コード',
  '内容',
  'クラスター番号',
  '氏名',
  '連絡先',
];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const BAD_ROWS = [
  HEADER,
  [
    '',
    '2024-10-01',
    '受け手',
    'アンケート',
    'kodomo',
    '一時預かりをアプリで予約したい（取込）',
    '23',
    '',
    '',
  ],
  ['', '2024-02-30', '受け手', '苦情', 'kodomo', 'うるう年でない2月30日（取込）', '', '', ''],
  ['', '2024/10/3', '受け手', '電話', 'kankyo', 'ごみの収集日を増やしてほしい（取込）', '99', '', ''],
  ['', '2024-10-04', '市民', '窓口', 'kodomo-hoiku', '', '22', '', ''],
  [UNKNOWN_ID, '2024-10-05', '担い手', 'ヒアリング', 'kodomo', '保育士の書類作業が多い（取込）', '', '', ''],
  ['', '2030-04-01', '受け手', '窓口', 'kodomo', '登録されていない年度（取込）', '', 'x'.repeat(101), ''],
];

const FIXED_ROWS = (suffix: string) => [
  HEADER,
  [
    '',
    '2024-10-01',
    '受け手',
    'アンケート',
    'kodomo',
    `一時預かりをアプリで予約したい${suffix}`,
    '23',
    '',
    '',
  ],
  [
    '',
    '2024-09-30',
    '受け手',
    '苦情',
    'kodomo',
    `月末の窓口が混む${suffix}`,
    '',
    '山田 太郎',
    '090-0000-0000',
  ],
  ['', '2024/10/3', '受け手', '窓口', 'kodomo-hoiku', `保育所の見学を土曜にも${suffix}`, '22、23', '', ''],
  ['', '2024-10-04', '担い手', 'ヒアリング', 'kodomo', `保育士の書類作業が多い${suffix}`, '', '', ''],
];

describe('needs import', () => {
  it('is listed for the reform office and the units as 「ニーズ・課題」; others neither see nor export it', async () => {
    for (const login of ['reform', 'kodomo-staff', 'kodomo-head']) {
      const kinds = (await t.call('GET', '/api/v1/import-kinds', { cookie: await t.signIn(login) })).body as {
        items: { kind: string; label: { ja: string } }[];
      };
      expect(kinds.items.find((item) => item.kind === 'needs')?.label.ja, login).toBe('ニーズ・課題');
    }
    for (const login of ['staff1', 'admin', 'mayor']) {
      const cookie = await t.signIn(login);
      const kinds = (await t.call('GET', '/api/v1/import-kinds', { cookie })).body as {
        items: { kind: string }[];
      };
      expect(kinds.items.map((item) => item.kind)).not.toContain('needs');
      expect((await t.call('GET', '/api/v1/import-kinds/needs/export', { cookie })).status).toBe(403);
      expect((await upload(cookie, shiftJis(FIXED_ROWS('')), 'n.csv')).status).toBe(403);
    }
  });

  it('shows every error of a Shift_JIS CSV and of an .xlsx with bad rows, and writes nothing', async () => {
    const staff = await t.signIn('kodomo-staff');
    const before = await needsTable();
    const expected: [number, string[]][] = [
      [3, ['受付日「2024-02-30」は存在しない日付です。']],
      [
        4,
        [
          '経路「電話」は苦情・アンケート・ヒアリング・意見箱・議会・窓口・その他のいずれかにしてください。',
          '組織「環境局」のニーズを登録する権限がありません。',
          'クラスター番号 99 はその年度にありません。',
        ],
      ],
      [5, ['区分「市民」は「受け手」か「担い手」にしてください。', '内容を入力してください。']],
      [6, [`ニーズID「${UNKNOWN_ID}」のニーズがありません（新しいニーズは ID を空欄にしてください）。`]],
      [7, ['2030年度は登録されていません。', '氏名は100文字以内にしてください。']],
    ];
    for (const [bytes, name] of [
      [shiftJis(BAD_ROWS), 'ニーズ.csv'],
      [await xlsxOf(BAD_ROWS), 'ニーズ.xlsx'],
    ] as const) {
      const job = await preview(staff, bytes, name);
      expect(job.encoding).toBe(name.endsWith('.csv') ? 'shift_jis' : null);
      expect(job.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 5 });
      expect(job.isCommittable).toBe(false);
      expect(await errorsOf(staff, job), name).toEqual(expected);
      expect((await commit(staff, job)).status).toBe(422);
    }
    expect(await needsTable()).toEqual(before);
  });

  it('imports every row once fixed, from Shift_JIS CSV and from .xlsx, as the screen records them', async () => {
    const staff = await t.signIn('kodomo-staff');
    const before = await needCount();
    const fromCsv = await preview(staff, shiftJis(FIXED_ROWS('（CSV）')), 'ニーズ（修正）.csv');
    expect(fromCsv.counts, JSON.stringify(await errorsOf(staff, fromCsv))).toEqual({
      create: 4,
      update: 0,
      unchanged: 0,
      error: 0,
    });
    const done = await commit(staff, fromCsv);
    expect(done.status, done.text).toBe(200);
    const fromXlsx = await preview(staff, await xlsxOf(FIXED_ROWS('（Excel）')), 'ニーズ（修正）.xlsx');
    expect(fromXlsx.counts).toEqual({ create: 4, update: 0, unchanged: 0, error: 0 });
    expect((await commit(staff, fromXlsx)).status).toBe(200);
    expect(await needCount()).toBe(before + 8);

    const { rows } = await t.database.pool.query(
      `select n.received_on::text, n.fiscal_year, n.side, n.channel, o.code as unit, n.status, n.is_public,
              n.reporter_name, n.reporter_contact,
              (select string_agg(r.number::text, ',' order by r.number) from need_links l
                 join cluster_revisions r on r.cluster_id = l.target_id
                   and r.valid_from_fiscal_year <= n.fiscal_year
                   and (r.valid_to_fiscal_year is null or r.valid_to_fiscal_year >= n.fiscal_year)
                where l.need_id = n.id) as clusters
         from needs n join org_units o on o.id = n.org_unit_id
        where n.body like '%（CSV）' order by n.received_on`,
    );
    expect(rows).toEqual([
      {
        received_on: '2024-09-30',
        fiscal_year: 2024,
        side: 'recipient',
        channel: 'complaint',
        unit: 'kodomo',
        status: 'new',
        is_public: false,
        reporter_name: '山田 太郎',
        reporter_contact: '090-0000-0000',
        clusters: null,
      },
      {
        received_on: '2024-10-01',
        fiscal_year: 2024,
        side: 'recipient',
        channel: 'survey',
        unit: 'kodomo',
        status: 'linked',
        is_public: false,
        reporter_name: null,
        reporter_contact: null,
        clusters: '23',
      },
      {
        received_on: '2024-10-03',
        fiscal_year: 2024,
        side: 'recipient',
        channel: 'counter',
        unit: 'kodomo-hoiku',
        status: 'linked',
        is_public: false,
        reporter_name: null,
        reporter_contact: null,
        clusters: '22,23',
      },
      {
        received_on: '2024-10-04',
        fiscal_year: 2024,
        side: 'bearer',
        channel: 'hearing',
        unit: 'kodomo',
        status: 'new',
        is_public: false,
        reporter_name: null,
        reporter_contact: null,
        clusters: null,
      },
    ]);
    const audit = await t.database.pool.query(
      `select count(*)::int as n from audit_events where action = 'need.create' and after->>'body' like '%（Excel）'`,
    );
    expect(audit.rows[0].n).toBe(4);
  });

  it('updates the needs named by their ID and keeps what the file does not hold (status, publication, other links)', async () => {
    const staff = await t.signIn('kodomo-staff');
    const content = await readSpreadsheet(await exported(staff, 'xlsx'));
    const header = content.headers;
    const rows = content.rows.map((row) => row.cells);
    const target = rows.find((cells) => cells[5]?.startsWith('第一希望の保育所に入れず'))!;
    const { rows: beforeRows } = await t.database.pool.query(
      `select status, is_public, public_text, version,
              (select count(*)::int from need_links l where l.need_id = n.id and l.kind <> 'cluster') as others
         from needs n where id = $1`,
      [target[0]],
    );
    const edited = rows.map((cells) =>
      cells === target
        ? cells.map((cell, index) => (index === 3 ? '窓口' : index === 6 ? '22、23' : cell))
        : cells,
    );
    const job = await preview(staff, shiftJis([header, ...edited]), 'ニーズ（変更）.csv');
    expect(job.counts).toEqual({ create: 0, update: 1, unchanged: rows.length - 1, error: 0 });
    expect((await commit(staff, job)).status).toBe(200);
    const { rows: afterRows } = await t.database.pool.query(
      `select channel, status, is_public, public_text, version,
              (select count(*)::int from need_links l where l.need_id = n.id and l.kind <> 'cluster') as others,
              (select count(*)::int from need_links l where l.need_id = n.id and l.kind = 'cluster') as clusters
         from needs n where id = $1`,
      [target[0]],
    );
    expect(beforeRows[0].others).toBeGreaterThan(0);
    expect(afterRows[0]).toMatchObject({
      channel: 'counter',
      status: beforeRows[0].status,
      is_public: beforeRows[0].is_public,
      public_text: beforeRows[0].public_text,
      others: beforeRows[0].others,
      clusters: 2,
    });

    // Another unit's need, named by its ID, is refused as one that does not exist for this person.
    const { rows: foreign } = await t.database.pool.query(
      `select n.id from needs n join org_units o on o.id = n.org_unit_id where o.code not like 'kodomo%' limit 1`,
    );
    const stranger = await preview(
      staff,
      shiftJis([HEADER, [foreign[0].id, '2024-10-01', '受け手', '窓口', 'kodomo', '書き換え', '', '', '']]),
      'n.csv',
    );
    expect(await errorsOf(staff, stranger)).toEqual([
      [2, [`ニーズID「${foreign[0].id}」のニーズがありません（新しいニーズは ID を空欄にしてください）。`]],
    ]);
  });

  it('imports its own export again with every row unchanged (0 created, 0 updated), as .xlsx and as Shift_JIS CSV', async () => {
    for (const login of ['reform', 'kodomo-staff']) {
      const cookie = await t.signIn(login);
      const expectedRows =
        login === 'reform'
          ? await needCount()
          : await needCount(`org_unit_id in (select id from org_units where code like 'kodomo%')`);
      expect(expectedRows).toBeGreaterThan(5);
      for (const [format, encoding] of [
        ['xlsx', 'utf-8'],
        ['csv', 'shift_jis'],
        ['csv', 'utf-8'],
      ] as const) {
        const before = await needsTable();
        const job = await preview(cookie, await exported(cookie, format, encoding), `export.${format}`);
        expect(job.counts, `${login} ${format} ${encoding}`).toEqual({
          create: 0,
          update: 0,
          unchanged: expectedRows,
          error: 0,
        });
        const done = await commit(cookie, job);
        expect(done.status, done.text).toBe(200);
        expect(await needsTable()).toEqual(before);
      }
    }
  });
});
