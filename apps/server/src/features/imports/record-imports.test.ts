import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { importRunnerFor } from './import-runner.ts';
import { type ImportJob as Job, shiftJis, xlsx } from './import-test-support.ts';
import { readSpreadsheet } from './spreadsheet-file.ts';

type Row = { rowNumber: number; errors: { messages: { ja: string } }[] };

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await importRunnerFor(t.database.db).idle();
  await t.close();
});

/** Uploads a file, keeps the proposed mapping and returns the checked preview. */
async function preview(cookie: string, kind: string, bytes: Uint8Array, fileName: string): Promise<Job> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  const response = await t.app.request(`${TEST_ORIGIN}/api/v1/imports`, {
    method: 'POST',
    body: form,
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const uploaded = (await response.json()) as Job;
  expect(response.status, JSON.stringify(uploaded)).toBe(201);
  expect(Object.values(uploaded.mapping).every((column) => column !== null)).toBe(true);
  const mapped = await t.call('PUT', `/api/v1/imports/${uploaded.id}/mapping`, {
    cookie,
    headers: { 'if-match': `"${uploaded.version}"` },
    body: { mapping: uploaded.mapping },
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

async function exported(cookie: string, kind: string, format: 'xlsx' | 'csv', encoding = 'utf-8') {
  const response = await t.app.request(
    `${TEST_ORIGIN}/api/v1/import-kinds/${kind}/export?format=${format}&encoding=${encoding}`,
    { headers: { cookie } },
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** A table snapshot to compare before and after: rows as JSON, sorted. */
async function snapshot(sql: string): Promise<string[]> {
  const { rows } = await t.database.pool.query(sql);
  return rows
    .map((row) => JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value)))
    .sort();
}

/** Bad rows show every error both as Shift_JIS CSV and as .xlsx, and nothing is written. */
async function expectRefused(
  cookie: string,
  kind: string,
  rows: string[][],
  tables: string,
  expected: [number, string[]][],
) {
  const before = await snapshot(tables);
  for (const [bytes, name] of [
    [shiftJis(rows), 'bad.csv'],
    [await xlsx(rows), 'bad.xlsx'],
  ] as const) {
    const job = await preview(cookie, kind, bytes, name);
    expect(job.encoding).toBe(name.endsWith('.csv') ? 'shift_jis' : null);
    expect(job.isCommittable).toBe(false);
    expect(await errorsOf(cookie, job), name).toEqual(expected);
    const refused = await commit(cookie, job);
    expect(refused.status).toBe(422);
  }
  expect(await snapshot(tables)).toEqual(before);
}

/** An export imports again as .xlsx and as Shift_JIS CSV with every row unchanged. */
async function expectRoundTrip(cookie: string, kind: string, expectedRows: number) {
  for (const [format, encoding] of [
    ['xlsx', 'utf-8'],
    ['csv', 'shift_jis'],
  ] as const) {
    const bytes = await exported(cookie, kind, format, encoding);
    const job = await preview(cookie, kind, bytes, `export.${format}`);
    expect(job.counts, `${kind} ${format}`).toEqual({
      create: 0,
      update: 0,
      unchanged: expectedRows,
      error: 0,
    });
  }
}

const BENCHMARK_HEADER = ['分析年度', 'クラスター番号', '指標', '比較対象', '年度', '値', '本市'];
const NURSERY = '児童1人当たり運営費（公立保育所）';
const SUPPORT = '子育て支援事業数';
const BENCHMARK_TABLES = `select i.name, v.subject, v.year, v.value, v.is_own_city
  from analysis_benchmark_values v join analysis_benchmark_indicators i on i.id = v.indicator_id`;

describe('benchmark values (比較分析の値)', () => {
  it('shows every error, writes nothing, then imports the fixed rows into the owning department’s analyses', async () => {
    const staff = await t.signIn('kodomo-staff');
    await expectRefused(
      staff,
      'benchmark_values',
      [
        BENCHMARK_HEADER,
        ['2024', '22', NURSERY, '本市', '2024', '1234567', ''],
        ['2024', '22', NURSERY, '政令市A', '2024', 'abc', ''],
        ['令和6年度', '34', '人口1人当たり公園維持管理費', '本市', '2024', '100', ''],
        ['2024', '22', '存在しない指標', '本市', '2024', '1', ''],
        ['2024', '23', SUPPORT, '政令市B', '24', '5', '△'],
        ['2024', '22', NURSERY, '政令市C', '2024', '10', '○'],
        ['', '22', NURSERY, '政令市D', '2024', '10', ''],
        ['2024', '22', NURSERY, '政令市E', '2024', '10', ''],
        ['2024', '22', NURSERY, '政令市E', '2024', '11', ''],
      ],
      BENCHMARK_TABLES,
      [
        // Two subjects marked as this city: both rows are shown.
        [2, ['本市として指定できるのは1つの比較対象だけです。']],
        [3, ['値「abc」が数値ではありません。']],
        [4, ['2024年度 クラスター番号 34 の経営分析を編集する権限がありません（所管部署のみ）。']],
        [5, ['指標「存在しない指標」はこの経営分析に登録されていません。先に指標を登録してください。']],
        [6, ['年度は西暦4桁で入力してください。', '本市は ○ か × にしてください。']],
        [
          7,
          [
            '「政令市C」が本市かどうかが年度によって異なります。',
            '本市として指定できるのは1つの比較対象だけです。',
          ],
        ],
        [8, ['「分析年度」を入力してください。']],
        [9, ['「政令市E」の2024年度の値がファイル内で重複しています。']],
        [10, ['「政令市E」の2024年度の値がファイル内で重複しています。']],
      ],
    );

    const fixed = [
      BENCHMARK_HEADER,
      ['2024', '22', NURSERY, '本市', '2024', '1234567', ''],
      ['2024', '22', NURSERY, '政令市A', '2024', '2,345,678', '×'],
      ['R6', '23', SUPPORT, '政令市B', '2023', '99', ''],
    ];
    const { rows: versionsBefore } = await t.database.pool.query(
      'select id, version from analyses where fiscal_year = 2024 order by id',
    );
    const job = await preview(staff, 'benchmark_values', shiftJis(fixed), '比較分析.csv');
    expect(job.counts).toEqual({ create: 2, update: 1, unchanged: 0, error: 0 });
    const done = await commit(staff, job);
    expect(done.status, done.text).toBe(200);
    const { rows } = await t.database.pool.query(
      `select i.name, v.subject, v.year, v.value, v.is_own_city from analysis_benchmark_values v
         join analysis_benchmark_indicators i on i.id = v.indicator_id
        where (v.year = 2024) or (v.subject = '政令市B' and v.year = 2023 and i.name = $1) order by v.year, v.subject`,
      [SUPPORT],
    );
    expect(rows).toEqual([
      { name: SUPPORT, subject: '政令市B', year: 2023, value: 99, is_own_city: false },
      { name: NURSERY, subject: '政令市A', year: 2024, value: 2345678, is_own_city: false },
      { name: NURSERY, subject: '本市', year: 2024, value: 1234567, is_own_city: true },
    ]);
    // Each changed analysis moves to a new version (its ETag) and records the import.
    const { rows: versionsAfter } = await t.database.pool.query(
      'select id, version from analyses where fiscal_year = 2024 order by id',
    );
    const bumped = versionsAfter.filter((row, index) => row.version !== versionsBefore[index].version);
    expect(bumped).toHaveLength(2);
    const audit = await t.database.pool.query(
      "select count(*)::int as n from audit_events where action = 'analysis.benchmark.import'",
    );
    expect(audit.rows[0].n).toBe(2);

    const { rows: kodomoValues } = await t.database.pool.query(
      `select count(*)::int as n from analysis_benchmark_values v
         join analysis_benchmark_indicators i on i.id = v.indicator_id
         join analyses a on a.id = i.analysis_id join org_units o on o.id = a.lead_org_unit_id where o.code = 'kodomo'`,
    );
    await expectRoundTrip(staff, 'benchmark_values', kodomoValues[0].n);
  });

  it('is the owning department’s: the reform office cannot import benchmark values', async () => {
    const reform = await t.signIn('reform');
    const kinds = (await t.call('GET', '/api/v1/import-kinds', { cookie: reform })).body as {
      items: { kind: string }[];
    };
    expect(kinds.items.map((item) => item.kind)).not.toContain('benchmark_values');
    expect(
      (await t.call('GET', '/api/v1/import-kinds/benchmark_values/export', { cookie: reform })).status,
    ).toBe(403);
  });
});

const INITIATIVE_HEADER = [
  '取組ID',
  '年度',
  '取組名',
  '概要',
  '出典の種類',
  '出典',
  '担当組織コード',
  'クラスター番号',
  '状況',
  '進み具合',
  '報告頻度',
];
const INITIATIVE_TABLES = `select i.*, (select string_agg(cluster_id::text, ',' order by cluster_id) from initiative_clusters c
  where c.initiative_id = i.id) as clusters from initiatives i`;

describe('initiatives (取組)', () => {
  it('shows every error, writes nothing, then registers and changes the unit’s initiatives', async () => {
    const staff = await t.signIn('kodomo-staff');
    await expectRefused(
      staff,
      'initiatives',
      [
        INITIATIVE_HEADER,
        ['', '2024', '保育士確保の取組', '採用と定着', '自主的な改革', '', 'kodomo-hoiku', '22', '', '', ''],
        ['', '2024', 'ごみ減量の取組', '', '自主的な改革', '', 'kankyo', '', '', '', ''],
        ['', '2031', '', '', '謎の出典', '', 'nowhere', '', '', '', ''],
        [
          '',
          '2024',
          '青少年の居場所',
          '',
          '経営分析の改革の方向性',
          '99',
          'kodomo-seishonen',
          '25、88',
          '進行中',
          '',
          '',
        ],
        [
          '00000000-0000-0000-0000-000000000000',
          '2024',
          'x',
          '',
          '自主的な改革',
          'abc',
          'kodomo',
          '',
          '',
          '',
          '',
        ],
      ],
      INITIATIVE_TABLES,
      [
        [3, ['「環境局」の取組を登録・変更する権限がありません。']],
        [
          4,
          [
            '年度「2031」は登録されていません。',
            '「取組名」を入力してください。',
            '担当組織コード「nowhere」の組織がありません。',
            '「出典の種類」の「謎の出典」は使えません（局区X方針・自主的な改革・経営分析の改革の方向性・プラチナ市役所プロジェクトの対応方針・X会議の指示事項）。',
          ],
        ],
        [
          5,
          [
            '2024年度にクラスター番号 99 の経営分析がありません。',
            '2024年度にクラスター番号「88」はありません。',
            '「状況」の「進行中」は使えません（未着手・取組中・完了・中止）。',
          ],
        ],
        [
          6,
          [
            '取組ID「00000000-0000-0000-0000-000000000000」の取組がありません（新しい取組は ID を空欄にしてください）。',
            '自主的な改革には出典を書かないでください。',
          ],
        ],
      ],
    );

    // Change one of the unit's own initiatives through its export, and add three.
    const exportedRows = (await readSpreadsheet(await exported(staff, 'initiatives', 'xlsx'))).rows.map(
      (row) => row.cells,
    );
    expect(exportedRows).toHaveLength(3);
    const youth = exportedRows.find((cells) => cells[2] === '青少年施設の協働運営への移行')!;
    expect(youth.slice(4, 8)).toEqual(['経営分析の改革の方向性', '25', 'kodomo-seishonen', '25']);
    const fixed = [
      INITIATIVE_HEADER,
      ['', '2024', '保育士確保の取組', '採用と定着', '自主的な改革', '', 'kodomo-hoiku', '22', '', '', ''],
      [
        '',
        '2024',
        '青少年の居場所',
        '',
        '経営分析の改革の方向性',
        '25',
        'kodomo-seishonen',
        '25、23',
        '取組中',
        '要注意',
        '毎月',
      ],
      ['', '令和6年度', '保育の方針に沿った取組', '', '局区X方針', '', 'kodomo-hoiku', '', '', '', ''],
      [...youth.slice(0, 8), '完了', '順調', '四半期ごと'],
    ];
    const job = await preview(staff, 'initiatives', shiftJis(fixed), '取組.csv');
    expect(job.counts).toEqual({ create: 3, update: 1, unchanged: 0, error: 0 });
    expect((await commit(staff, job)).status).toBe(200);
    const { rows } = await t.database.pool.query(
      `select i.title, i.source_kind, i.status, i.health, i.update_cadence, o.code as owner,
              (select p.code from bureau_policies b join org_units p on p.id = b.org_unit_id where b.id = i.source_id) as policy,
              (select count(*)::int from initiative_clusters c where c.initiative_id = i.id) as clusters
         from initiatives i join org_units o on o.id = i.owner_org_unit_id
        where o.code like 'kodomo%' order by i.title`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: '保育士確保の取組',
          source_kind: 'voluntary_reform',
          status: 'not_started',
          clusters: 1,
        }),
        expect.objectContaining({
          title: '保育の方針に沿った取組',
          source_kind: 'bureau_policy',
          policy: 'kodomo',
        }),
        expect.objectContaining({
          title: '青少年の居場所',
          status: 'in_progress',
          health: 'at_risk',
          update_cadence: 'monthly',
          clusters: 2,
        }),
        expect.objectContaining({ title: '青少年施設の協働運営への移行', status: 'done' }),
      ]),
    );
    expect(rows).toHaveLength(6);
    await expectRoundTrip(staff, 'initiatives', 6);
    // The reform office exports and imports every initiative of the city.
    const reform = await t.signIn('reform');
    const { rows: all } = await t.database.pool.query('select count(*)::int as n from initiatives');
    await expectRoundTrip(reform, 'initiatives', all[0].n);
  });
});

const EFFECT_HEADER = [
  '効果額ID',
  '件名',
  '年度',
  '終了年度',
  '区分',
  '単年度・継続',
  '見込み・実績',
  '効果額（円）',
  '算定根拠',
  '出典の種類',
  '出典',
  '目標',
  '担当組織コード',
  'クラスター番号',
];

describe('effects (効果額)', () => {
  it('shows every error, writes nothing, then books the unit’s effects; actuals stay the reform office’s', async () => {
    const staff = await t.signIn('kodomo-staff');
    await expectRefused(
      staff,
      'effects',
      [
        EFFECT_HEADER,
        [
          '',
          '保育所給食の共同調達',
          '2025',
          '',
          '歳出削減',
          '単年度',
          '見込み',
          '1,200万円',
          '単価差',
          '経営分析',
          '2024-22',
          '次世代投資枠',
          '',
          '',
        ],
        [
          '',
          '実績の例',
          '2024',
          '',
          '歳出削減',
          '単年度',
          '実績',
          '1000',
          '',
          '経営分析',
          '2024-23',
          '',
          '',
          '',
        ],
        [
          '',
          '公園',
          '2025',
          '',
          '歳出削減',
          '単年度',
          '見込み',
          '1000',
          '',
          '経営分析',
          '2024-34',
          '',
          '',
          '',
        ],
        [
          '',
          '',
          '2025',
          '',
          '歳出',
          '毎年',
          '見込み',
          'たくさん',
          '',
          '取組',
          'not-an-id',
          '宇宙計画',
          '',
          '',
        ],
        [
          '',
          '単年度に終了年度',
          '2025',
          '2026',
          '歳入確保',
          '単年度',
          '見込み',
          '500000',
          '',
          '経営分析',
          '2024-25',
          '次世代投資枠',
          '',
          '',
        ],
        [
          '',
          '対象期間外',
          '2027',
          '',
          '歳出削減',
          '単年度',
          '見込み',
          '1',
          '',
          '経営分析',
          '2024-25',
          '次世代投資枠',
          '',
          '',
        ],
      ],
      'select * from effects',
      [
        [3, ['実績の確定・変更は市政変革室が行います。']],
        [4, ['「建設局」の効果額を登録・変更する権限がありません。']],
        [
          5,
          [
            '「件名」を入力してください。',
            '「区分」の「歳出」は使えません（歳出削減・歳入確保）。',
            '「単年度・継続」の「毎年」は使えません（単年度・継続）。',
            '効果額「たくさん」を金額として読めません（例：12000000、1,200万円、▲300万円）。',
            '取組ID「not-an-id」の取組がありません。',
            '目標「宇宙計画」がありません。',
          ],
        ],
        [6, ['単年度の効果には終了年度を指定できません。']],
        [7, ['効果額の年度が目標の対象期間外です。']],
      ],
    );

    const exportedRows = (
      await readSpreadsheet(await exported(staff, 'effects', 'csv', 'shift_jis'))
    ).rows.map((row) => row.cells);
    const youth = exportedRows.find((cells) => cells[1] === '青少年施設の協働運営による運営費の縮減')!;
    expect(youth.slice(9, 14)).toEqual(['経営分析', '2024-25', '次世代投資枠', 'kodomo', '25']);
    const fixed = [
      EFFECT_HEADER,
      [
        '',
        '保育所給食の共同調達',
        '2025',
        '',
        '歳出削減',
        '単年度',
        '見込み',
        '1,200万円',
        '単価差',
        '経営分析',
        '2024-22',
        '次世代投資枠',
        '',
        '',
      ],
      [
        '',
        '継続する見直し',
        '2025',
        '2026',
        '歳入確保',
        '継続',
        '見込み',
        '▲50万円',
        '',
        '経営分析',
        '2024-25',
        '次世代投資枠',
        '',
        '',
      ],
      [...youth.slice(0, 7), '80000000', ...youth.slice(8)],
    ];
    const job = await preview(staff, 'effects', await xlsx(fixed), '効果額.xlsx');
    expect(job.counts).toEqual({ create: 2, update: 1, unchanged: 0, error: 0 });
    expect((await commit(staff, job)).status).toBe(200);
    const { rows } = await t.database.pool.query(
      `select e.title, e.amount::text, e.recurrence, e.end_fiscal_year, o.code as unit, r.number as cluster
         from effects e join org_units o on o.id = e.org_unit_id
         left join cluster_revisions r on r.cluster_id = e.cluster_id
        where e.title in ('保育所給食の共同調達', '継続する見直し', '青少年施設の協働運営による運営費の縮減') order by e.title`,
    );
    expect(rows).toEqual([
      {
        title: '保育所給食の共同調達',
        amount: '12000000',
        recurrence: 'one_off',
        end_fiscal_year: null,
        unit: 'kodomo',
        cluster: 22,
      },
      {
        title: '継続する見直し',
        amount: '-500000',
        recurrence: 'recurring',
        end_fiscal_year: 2026,
        unit: 'kodomo',
        cluster: 25,
      },
      {
        title: '青少年施設の協働運営による運営費の縮減',
        amount: '80000000',
        recurrence: 'recurring',
        end_fiscal_year: null,
        unit: 'kodomo',
        cluster: 25,
      },
    ]);
    const { rows: own } = await t.database.pool.query(
      "select count(*)::int as n from effects e join org_units o on o.id = e.org_unit_id where o.code like 'kodomo%'",
    );
    await expectRoundTrip(staff, 'effects', own[0].n);
    const reform = await t.signIn('reform');
    const { rows: all } = await t.database.pool.query('select count(*)::int as n from effects');
    await expectRoundTrip(reform, 'effects', all[0].n);
  });
});
