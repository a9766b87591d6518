import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp, type TestResponse } from '../../test/test-app.ts';
import { importRunnerFor } from './import-runner.ts';

type Job = {
  id: string;
  status: string;
  format: string;
  encoding: string | null;
  headers: string[];
  mapping: Record<string, number | null>;
  sampleRows: string[][];
  totalRows: number;
  processedRows: number;
  progress: number;
  counts: { create: number; update: number; unchanged: number; error: number };
  error: { code: string } | null;
  isCommittable: boolean;
  version: number;
};
type Row = {
  rowNumber: number;
  action: string;
  recordKey: string | null;
  values: Record<string, string>;
  errors: { field: string | null; fieldLabel: { ja: string } | null; messages: { ja: string; en: string } }[];
};

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(async () => {
  await importRunnerFor(t.database.db).idle();
  await t.close();
});

async function upload(
  cookie: string,
  kind: string,
  bytes: Uint8Array,
  fileName: string,
  encoding?: string,
): Promise<TestResponse> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  if (encoding) form.set('encoding', encoding);
  const response = await t.app.request(`${TEST_ORIGIN}/api/v1/imports`, {
    method: 'POST',
    body: form,
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
  };
}

function csv(rows: string[][]): string {
  return `${rows.map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;
}

const shiftJis = (text: string) => new Uint8Array(iconv.encode(text, 'cp932'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const utf8Bom = (text: string) =>
  new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));

async function xlsx(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('取込');
  for (const cells of rows) sheet.addRow(cells);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function setMapping(job: Job, mapping = job.mapping, cookie = admin) {
  return t.call('PUT', `/api/v1/imports/${job.id}/mapping`, {
    cookie,
    headers: { 'if-match': `"${job.version}"` },
    body: { mapping },
  });
}

async function rowsOf(job: Job, filter: 'all' | 'errors' = 'all') {
  const response = await t.call('GET', `/api/v1/imports/${job.id}/rows?filter=${filter}&pageSize=200`, {
    cookie: admin,
  });
  expect(response.status).toBe(200);
  return (response.body as { items: Row[] }).items;
}

async function commit(job: Job, cookie = admin) {
  return t.call('POST', `/api/v1/imports/${job.id}/commit`, {
    cookie,
    headers: { 'if-match': `"${job.version}"` },
  });
}

async function count(table: string, where = 'true', values: unknown[] = []) {
  const { rows } = await t.database.pool.query(
    `select count(*)::int as n from ${table} where ${where}`,
    values,
  );
  return rows[0].n as number;
}

const ORG_HEADER = [
  '組織コード',
  '組織名',
  '組織名（かな）',
  '区分',
  '上位組織コード',
  '設置日',
  '廃止日',
  '表示順',
];

describe('org units from a Shift_JIS CSV', () => {
  const badRows = [
    ORG_HEADER,
    ['kodomo-hoiku-2', '保育第二課', 'ほいくだいにか', '課', 'kodomo-shin', '令和6年4月1日', '', '10'],
    ['kodomo-shin', '子ども新事業部', '', '部', 'kodomo', '2024/4/1', '', '5'],
    ['', '名前だけ', '', '課', '', '2024-04-01', '', ''],
    ['bad code!', '不正コード課', '', '課', '', '2024-04-01', '', ''],
    ['dup-unit', '重複課', '', '課', '', '2024-04-01', '', ''],
    ['dup-unit', '重複課2', '', '課', '', '2024-04-01', '', ''],
    ['no-parent', '親なし課', '', '課', 'nowhere', '2024-04-01', '', ''],
    ['bad-level', '区分誤り', '', '班', '', '2024-04-01', '', ''],
    ['bad-date', '日付誤り', '', '課', '', '2024年13月1日', '2023-01-01', 'x'],
    ['loop-a', 'ループA', '', '課', 'loop-b', '2024-04-01', '', ''],
    ['loop-b', 'ループB', '', '課', 'loop-a', '2024-04-01', '', ''],
  ];

  it('shows every row’s errors in Japanese and writes nothing', async () => {
    const before = await count('org_units');
    const auditBefore = await count('audit_events', "action like 'org_unit%'");
    const uploaded = await upload(admin, 'org_units', shiftJis(csv(badRows)), '組織一覧.csv');
    expect(uploaded.status, uploaded.text).toBe(201);
    const job = uploaded.body as Job;
    expect(job).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'shift_jis', totalRows: 11 });
    expect(job.headers).toEqual(ORG_HEADER);
    expect(job.mapping).toMatchObject({
      code: 0,
      name: 1,
      nameKana: 2,
      level: 3,
      parentCode: 4,
      effectiveFrom: 5,
    });
    expect(job.sampleRows[0]).toEqual(badRows[1]);

    const mapped = await setMapping(job);
    expect(mapped.status, mapped.text).toBe(200);
    const checked = mapped.body as Job;
    expect(checked).toMatchObject({ status: 'previewed', progress: 100, isCommittable: false });
    expect(checked.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 9 });

    const errors = await rowsOf(checked, 'errors');
    const byRow = new Map(errors.map((row) => [row.rowNumber, row.errors.map((error) => error.messages.ja)]));
    expect([...byRow.keys()]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(byRow.get(4)).toEqual(['「組織コード」を入力してください。']);
    expect(byRow.get(5)?.[0]).toContain('英数字・ハイフン・下線');
    expect(byRow.get(6)).toEqual(['組織コード「dup-unit」がファイル内で重複しています。']);
    expect(byRow.get(8)?.[0]).toContain('上位組織コード「nowhere」の組織がありません');
    expect(byRow.get(9)?.[0]).toContain('区分「班」は使えません');
    expect(byRow.get(10)).toEqual([
      '設置日「2024年13月1日」を日付として読めません（例：2024-04-01、令和6年4月1日）。',
      '表示順は 0 から 1000000 までの整数にしてください。',
    ]);
    expect(byRow.get(11)?.[0]).toContain('循環');
    expect(errors[0]!.errors[0]!.fieldLabel?.ja).toBe('組織コード');

    const refused = await commit(checked);
    expect(refused.status).toBe(422);
    expect((refused.body as { code: string }).code).toBe('import_rows_invalid');
    expect(await count('org_units')).toBe(before);
    expect(await count('audit_events', "action like 'org_unit%'")).toBe(auditBefore);
  });

  it('imports every row once they are fixed, as one audited import with its file kept', async () => {
    const before = await count('org_units');
    const fixed = [
      ORG_HEADER,
      ['kodomo-hoiku-2', '保育第二課', 'ほいくだいにか', '課', 'kodomo-shin', '令和6年4月1日', '', '10'],
      ['kodomo-shin', '子ども新事業部', '', '部', 'kodomo', '2024/4/1', '', '5'],
      ['kankyo-new', '環境新課', 'かんきょうしんか', '課', 'kankyo', '2024-04-01', '2025-03-31', '3'],
    ];
    const bytes = shiftJis(csv(fixed));
    const job = (await upload(admin, 'org_units', bytes, '組織一覧（修正）.csv')).body as Job;
    const checked = (await setMapping(job)).body as Job;
    expect(checked.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(checked.isCommittable).toBe(true);
    const done = await commit(checked);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'committed', counts: { create: 3, update: 0 } });
    expect(await count('org_units')).toBe(before + 3);
    const { rows } = await t.database.pool.query(
      `select u.code, u.name, u.level, u.effective_from::text as from, p.code as parent
         from org_units u left join org_units p on p.id = u.parent_id where u.code in ('kodomo-hoiku-2', 'kodomo-shin')
         order by u.code`,
    );
    expect(rows).toEqual([
      {
        code: 'kodomo-hoiku-2',
        name: '保育第二課',
        level: 'section',
        from: '2024-04-01',
        parent: 'kodomo-shin',
      },
      {
        code: 'kodomo-shin',
        name: '子ども新事業部',
        level: 'department',
        from: '2024-04-01',
        parent: 'kodomo',
      },
    ]);
    const audit = await t.database.pool.query(
      "select after from audit_events where action = 'import.commit' and entity_id = $1",
      [job.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).toMatchObject({ kind: 'org_units', rows: 3, created: 3, updated: 0 });
    const file = await t.call('GET', `/api/v1/imports/${job.id}/file`, { cookie: admin });
    expect(file.status).toBe(200);
    expect(Buffer.from(file.text, 'latin1').length).toBeGreaterThan(0);
    const again = await commit(done.body as Job);
    expect(again.status).toBe(409);
  });
});

const USER_HEADER = [
  'ログインID',
  '氏名',
  '氏名（かな）',
  'メールアドレス',
  '所属組織コード',
  '役割',
  '状態',
];

describe('users from an .xlsx', () => {
  it('shows every error, then imports the fixed workbook with roles', async () => {
    const bad = await xlsx([
      USER_HEADER,
      [
        'hoiku-taro',
        '保育 太郎',
        'ほいく たろう',
        'taro@city.example.lg.jp',
        'kodomo',
        '職員、所管部署担当',
        '有効',
      ],
      ['hoiku-jiro', '', '', 'not-an-address', 'nowhere', '職員、課長', '有効'],
      ['admin', 'システム 管理者', '', '', '', 'システム管理者', '無効'],
      ['new-head', '新 局長', '', '', '', '局長・区長等', ''],
    ]);
    const job = (await upload(admin, 'users', bad, '職員一覧.xlsx')).body as Job;
    expect(job).toMatchObject({ format: 'xlsx', encoding: null, totalRows: 4 });
    const checked = (await setMapping(job)).body as Job;
    expect(checked.counts).toMatchObject({ create: 1, error: 3 });
    const errors = await rowsOf(checked, 'errors');
    expect(errors.map((row) => [row.rowNumber, row.errors.map((error) => error.messages.ja)])).toEqual([
      [
        3,
        [
          '「氏名」を入力してください。',
          'メールアドレス「not-an-address」の形式が正しくありません。',
          '所属組織コード「nowhere」の組織がありません。',
          '役割「課長」は使えません（例：職員、所管部署担当:kodomo）。',
        ],
      ],
      [4, ['自分自身を無効にすることはできません。']],
      [
        5,
        [
          '役割「局長・区長等」には組織が必要です。所属組織コードを入れるか「局長・区長等:組織コード」と書いてください。',
        ],
      ],
    ]);
    expect(await count('users', "login in ('hoiku-taro', 'new-head')")).toBe(0);

    const good = await xlsx([
      USER_HEADER,
      [
        'hoiku-taro',
        '保育 太郎',
        'ほいく たろう',
        'taro@city.example.lg.jp',
        'kodomo',
        '職員、所管部署担当',
        '有効',
      ],
      ['new-head', '新 局長', '', '', '', '局長・区長等:hoken、職員', ''],
      ['staff2', '環境 二葉', 'かんきょう ふたば', 'staff2@demo.totonoe.invalid', 'kankyo', '', '無効'],
    ]);
    const second = (await upload(admin, 'users', good, '職員一覧.xlsx')).body as Job;
    const staff2Session = await t.signIn('staff2');
    const previewed = (await setMapping(second)).body as Job;
    expect(previewed.counts).toEqual({ create: 2, update: 1, unchanged: 0, error: 0 });
    const done = await commit(previewed);
    expect(done.status, done.text).toBe(200);
    const { rows } = await t.database.pool.query(
      `select u.login, u.is_active, u.password_hash, string_agg(r.role || ':' || coalesce(o.code, ''), ',' order by r.role) as roles
         from users u left join user_roles r on r.user_id = u.id left join org_units o on o.id = r.org_unit_id
        where u.login in ('hoiku-taro', 'new-head', 'staff2') group by u.login, u.is_active, u.password_hash order by u.login`,
    );
    expect(rows).toEqual([
      { login: 'hoiku-taro', is_active: true, password_hash: null, roles: 'department_staff:kodomo,staff:' },
      { login: 'new-head', is_active: true, password_hash: null, roles: 'bureau_head:hoken,staff:' },
      { login: 'staff2', is_active: false, password_hash: expect.any(String), roles: 'staff:' },
    ]);
    // Deactivated by the import: signed out at once.
    expect((await t.call('GET', '/api/v1/me', { cookie: staff2Session })).status).toBe(401);
    await t.database.pool.query("update users set is_active = true where login = 'staff2'");
  });
});

describe('encodings and mapping', () => {
  const rows = [
    ['ID', '名前', 'メール'],
    ['enc-1', '符号 一', 'enc1@example.jp'],
  ];

  it('detects UTF-8, UTF-8 with BOM and Shift_JIS, and reads a file again in a chosen encoding', async () => {
    for (const [bytes, encoding] of [
      [utf8(csv(rows)), 'utf-8'],
      [utf8Bom(csv(rows)), 'utf-8-bom'],
      [shiftJis(csv(rows)), 'shift_jis'],
    ] as const) {
      const job = (await upload(admin, 'users', bytes, 'u.csv')).body as Job;
      expect(job.encoding).toBe(encoding);
      expect(job.headers).toEqual(['ID', '名前', 'メール']);
    }
    const wrong = await upload(admin, 'users', shiftJis(csv(rows)), 'u.csv', 'utf-8');
    expect(wrong.status).toBe(422);
    expect((wrong.body as { code: string }).code).toBe('csv_encoding_mismatch');

    // A UTF-8 file read as Shift_JIS shows garbled headers; choosing UTF-8 reads it again.
    const misread = (await upload(admin, 'users', utf8(csv(rows)), 'u.csv', 'shift_jis')).body as Job;
    expect(misread.headers).not.toContain('名前');
    const reread = await t.call('PUT', `/api/v1/imports/${misread.id}/encoding`, {
      cookie: admin,
      headers: { 'if-match': `"${misread.version}"` },
      body: { encoding: 'utf-8' },
    });
    expect(reread.status, reread.text).toBe(200);
    expect(reread.body).toMatchObject({
      encoding: 'utf-8',
      isEncodingChosen: true,
      headers: ['ID', '名前', 'メール'],
    });
  });

  it('proposes a mapping by header names, refuses a bad one and remembers the person’s choice', async () => {
    const job = (await upload(admin, 'users', utf8(csv(rows)), 'u.csv')).body as Job;
    expect(job.mapping).toMatchObject({ login: 0, displayName: 1, email: 2, roles: null });
    const missing = await setMapping(job, { ...job.mapping, displayName: null });
    expect(missing.status).toBe(400);
    const twice = await setMapping(job, { ...job.mapping, email: 0 });
    expect(twice.status).toBe(400);
    const outside = await setMapping(job, { ...job.mapping, roles: 9 });
    expect(outside.status).toBe(400);
    const unknown = await setMapping(job, { ...job.mapping, password: 1 });
    expect(unknown.status).toBe(400);

    const odd = [
      ['職員コード', '漢字氏名', '連絡先'],
      ['enc-2', '符号 二', 'enc2@example.jp'],
    ];
    const first = (await upload(admin, 'users', utf8(csv(odd)), 'u.csv')).body as Job;
    expect(first.mapping).toMatchObject({ login: null, displayName: null, email: null });
    expect((await setMapping(first, { login: 0, displayName: 1, email: 2 })).status).toBe(200);
    const next = (await upload(admin, 'users', utf8(csv(odd)), 'u.csv')).body as Job;
    expect(next.mapping).toMatchObject({ login: 0, displayName: 1, email: 2 });
    // Remembered for this person only.
    const { rows: remembered } = await t.database.pool.query(
      "select count(*)::int as n from import_mappings where kind = 'users'",
    );
    expect(remembered[0].n).toBe(1);
  });

  it('refuses files that are not spreadsheets', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    for (const bytes of [ole, binary, brokenZip, utf8(''), utf8('\r\n,,\r\n')]) {
      const response = await upload(admin, 'users', bytes, 'x.xlsx');
      expect(response.status, response.text).toBe(422);
      expect((response.body as { code: string }).code).toBe('import_file_unreadable');
    }
    expect(response422Text(await upload(admin, 'users', ole, 'x.xls'))).toContain('.xls');
    const unknownKind = await upload(admin, 'payroll', utf8(csv(rows)), 'x.csv');
    expect(unknownKind.status).toBe(400);
  });
});

function response422Text(response: TestResponse): string {
  return (response.body as { messages: { ja: string } }).messages.ja;
}

describe('round trip', () => {
  it('imports an export unchanged, as .xlsx and as Shift_JIS CSV', async () => {
    for (const [kind, format, encoding] of [
      ['org_units', 'xlsx', 'utf-8'],
      ['users', 'csv', 'shift_jis'],
      ['users', 'xlsx', 'utf-8'],
      ['org_units', 'csv', 'utf-8'],
    ] as const) {
      const exported = await t.app.request(
        `${TEST_ORIGIN}/api/v1/import-kinds/${kind}/export?format=${format}&encoding=${encoding}`,
        { headers: { cookie: admin } },
      );
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
      const bytes = new Uint8Array(await exported.arrayBuffer());
      const job = (await upload(admin, kind, bytes, `export.${format}`)).body as Job;
      expect(job.encoding).toBe(format === 'xlsx' ? null : encoding === 'utf-8' ? 'utf-8-bom' : 'shift_jis');
      expect(Object.values(job.mapping).every((column) => column !== null)).toBe(true);
      const checked = (await setMapping(job)).body as Job;
      const total = await count(kind);
      expect(checked.counts, `${kind} ${format}`).toEqual({
        create: 0,
        update: 0,
        unchanged: total,
        error: 0,
      });
      const done = await commit(checked);
      expect(done.body).toMatchObject({
        status: 'committed',
        counts: { create: 0, update: 0, unchanged: total },
      });
    }
  });
});

const CLUSTER_HEADER = [
  '年度',
  '番号',
  '事業クラスター名',
  'グループ',
  '種類',
  '所管組織コード',
  '経営分析の対象',
];

describe('the cluster register', () => {
  it('changes and adds clusters from a fiscal year on, refusing what the register does not allow', async () => {
    const reform = await t.signIn('reform');
    const commitAs = (job: Job) =>
      t.call('POST', `/api/v1/imports/${job.id}/commit`, {
        cookie: reform,
        headers: { 'if-match': `"${job.version}"` },
      });
    const mapAs = (job: Job) =>
      t.call('PUT', `/api/v1/imports/${job.id}/mapping`, {
        cookie: reform,
        headers: { 'if-match': `"${job.version}"` },
        body: { mapping: job.mapping },
      });
    const bad = [
      CLUSTER_HEADER,
      ['令和6年度', '22', '保育所・幼稚園（見直し）', '施策・事業グループ', '国制度関連施策', 'kodomo', ''],
      ['2024', '39', '公共投資', '横断制度グループ', '市独自施策', '', ''],
      ['2024', '58', '新しいクラスター', '新グループ', '', '', ''],
      ['2031', '59', '未来のクラスター', '組織強化グループ', '', '', ''],
      ['2024', '60', '所管誤り', '組織強化グループ', '', 'nowhere', '△'],
    ];
    const job = (await upload(reform, 'clusters', utf8(csv(bad)), 'clusters.csv')).body as Job;
    const checked = (await mapAs(job)).body as Job;
    expect(checked.counts).toMatchObject({ update: 1, error: 4 });
    const rowsWithErrors = (
      await t.call('GET', `/api/v1/imports/${job.id}/rows?filter=errors`, { cookie: reform })
    ).body as { items: Row[] };
    expect(
      rowsWithErrors.items.map((row) => [row.rowNumber, row.errors.map((error) => error.messages.ja)]),
    ).toEqual([
      [
        3,
        [
          '施策・事業グループには種類（オペレーション系施策・市独自施策・国制度関連施策）が必要で、他のグループには指定できません。',
        ],
      ],
      [4, ['グループ「新グループ」は使えません。']],
      [5, ['2031年度はまだ開かれていません。']],
      [6, ['所管組織コード「nowhere」の組織がありません。', '経営分析の対象は ○ か × にしてください。']],
    ]);

    const good = [
      CLUSTER_HEADER,
      ['令和6年度', '22', '保育所・幼稚園（見直し）', '施策・事業グループ', '国制度関連施策', 'kodomo', ''],
      ['2024', '58', '新しいクラスター', '組織強化グループ', '', 'somu', '○'],
    ];
    const fixed = (await upload(reform, 'clusters', utf8(csv(good)), 'clusters.csv')).body as Job;
    const previewed = (await mapAs(fixed)).body as Job;
    expect(previewed.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 0 });
    const done = await commitAs(previewed);
    expect(done.status, done.text).toBe(200);
    const register = (await t.call('GET', '/api/v1/clusters?fy=2024')).body as {
      items: { number: number; name: string; isAnalysisTarget: boolean }[];
    };
    expect(register.items.find((item) => item.number === 22)?.name).toBe('保育所・幼稚園（見直し）');
    expect(register.items.find((item) => item.number === 58)).toMatchObject({
      name: '新しいクラスター',
      isAnalysisTarget: true,
    });
    expect(await count('audit_events', "action = 'cluster.update'")).toBeGreaterThan(0);

    // The register exported and imported again is unchanged.
    const exported = await t.app.request(`${TEST_ORIGIN}/api/v1/import-kinds/clusters/export?format=xlsx`, {
      headers: { cookie: reform },
    });
    const again = (
      await upload(reform, 'clusters', new Uint8Array(await exported.arrayBuffer()), 'register.xlsx')
    ).body as Job;
    const same = (await mapAs(again)).body as Job;
    expect(same.counts).toEqual({ create: 0, update: 0, unchanged: register.items.length, error: 0 });
  });
});

describe('who may import', () => {
  it('is the system admin for org units and users; others see neither the kinds nor the imports', async () => {
    const staff = await t.signIn('staff1');
    const reform = await t.signIn('reform');
    expect((await t.call('GET', '/api/v1/import-kinds', { cookie: staff })).body).toEqual({ items: [] });
    const kinds = (await t.call('GET', '/api/v1/import-kinds', { cookie: admin })).body as {
      items: { kind: string }[];
    };
    expect(kinds.items.map((item) => item.kind)).toEqual(['org_units', 'users']);
    const reformKinds = (await t.call('GET', '/api/v1/import-kinds', { cookie: reform })).body as {
      items: { kind: string }[];
    };
    expect(reformKinds.items.map((item) => item.kind)).toEqual([
      'clusters',
      'needs',
      'initiatives',
      'effects',
    ]);
    expect((await upload(admin, 'clusters', utf8('年度,番号\r\n2024,1\r\n'), 'c.csv')).status).toBe(403);
    expect((await upload(reform, 'users', utf8('ログインID,氏名\r\nx,y\r\n'), 'u.csv')).status).toBe(403);
    expect((await upload(staff, 'users', utf8('ログインID,氏名\r\nx,y\r\n'), 'u.csv')).status).toBe(403);
    expect((await upload(reform, 'org_units', utf8('a\r\n1\r\n'), 'u.csv')).status).toBe(403);
    const job = (await upload(admin, 'users', utf8('ログインID,氏名\r\nx-1,y\r\n'), 'u.csv')).body as Job;
    expect((await t.call('GET', `/api/v1/imports/${job.id}`, { cookie: staff })).status).toBe(404);
    expect((await setMapping(job, job.mapping, staff)).status).toBe(404);
    expect((await t.call('GET', '/api/v1/imports', { cookie: staff })).body).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await t.call('GET', `/api/v1/import-kinds/users/export`, { cookie: staff })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/imports')).status).toBe(401);
  });
});

describe('commit safety', () => {
  it('writes nothing when the data changed after the preview, and refreshes the preview', async () => {
    const rows = [ORG_HEADER, ['race-unit', '競合課', '', '課', '', '2024-04-01', '', '']];
    const job = (await upload(admin, 'org_units', utf8(csv(rows)), 'race.csv')).body as Job;
    const checked = (await setMapping(job)).body as Job;
    expect(checked.counts.create).toBe(1);
    // Someone registers the same code through the screen meanwhile — with another parent.
    await t.database.pool.query(
      "insert into org_units (code, name, level, effective_from, parent_id) select 'race-unit', '競合課', 'section', '2024-04-01', id from org_units where code = 'kodomo'",
    );
    const response = await commit(checked);
    expect(response.status).toBe(409);
    expect((response.body as { code: string }).code).toBe('import_changed');
    const after = (await t.call('GET', `/api/v1/imports/${job.id}`, { cookie: admin })).body as Job;
    expect(after).toMatchObject({
      status: 'previewed',
      counts: { create: 0, update: 1 },
      error: { code: 'import_changed' },
    });
    expect(await count('org_units', "code = 'race-unit'")).toBe(1);
  });

  it('refuses a stale or missing If-Match and can be discarded', async () => {
    const job = (await upload(admin, 'users', utf8('ログインID,氏名\r\nd-1,消す 人\r\n'), 'd.csv'))
      .body as Job;
    const checked = (await setMapping(job)).body as Job;
    expect((await t.call('POST', `/api/v1/imports/${job.id}/commit`, { cookie: admin })).status).toBe(428);
    expect((await commit(job)).status).toBe(412);
    const discarded = await t.call('DELETE', `/api/v1/imports/${job.id}`, {
      cookie: admin,
      headers: { 'if-match': `"${checked.version}"` },
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ status: 'discarded' });
    expect((await commit(discarded.body as Job)).status).toBe(409);
    expect(await count('import_rows', 'job_id = $1', [job.id])).toBe(0);
  });
});

describe('large files', () => {
  it('checks and imports 10,000 rows in the background with progress', async () => {
    const rows = [['ログインID', '氏名', 'メールアドレス', '所属組織コード', '役割']];
    for (let index = 1; index <= 10_000; index++) {
      rows.push([
        `bulk-${String(index).padStart(5, '0')}`,
        `一括 職員${index}`,
        `bulk${index}@city.example.lg.jp`,
        'kodomo',
        '職員',
      ]);
    }
    const started = Date.now();
    const uploaded = await upload(admin, 'users', shiftJis(csv(rows)), '一括.csv');
    expect(uploaded.status, uploaded.text).toBe(201);
    const job = uploaded.body as Job;
    expect(job.totalRows).toBe(10_000);
    const mapped = await setMapping(job);
    expect(mapped.status).toBe(202);
    expect((mapped.body as Job).status).toBe('validating');

    const seen = new Set<number>();
    let current = mapped.body as Job;
    while (current.status === 'validating') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = (await t.call('GET', `/api/v1/imports/${job.id}`, { cookie: admin })).body as Job;
      seen.add(current.progress);
    }
    expect(current).toMatchObject({
      status: 'previewed',
      progress: 100,
      counts: { create: 10_000, error: 0 },
    });
    const committing = await commit(current);
    expect(committing.status).toBe(202);
    await importRunnerFor(t.database.db).idle();
    current = (await t.call('GET', `/api/v1/imports/${job.id}`, { cookie: admin })).body as Job;
    expect(current).toMatchObject({ status: 'committed', counts: { create: 10_000 } });
    expect(await count('users', "login like 'bulk-%'")).toBe(10_000);
    expect(await count('user_roles r join users u on u.id = r.user_id', "u.login like 'bulk-%'")).toBe(
      10_000,
    );
    const audit = await t.database.pool.query(
      "select actor_id, after from audit_events where action = 'import.commit' and entity_id = $1",
      [job.id],
    );
    expect(audit.rows[0].after).toMatchObject({ rows: 10_000, created: 10_000 });
    expect(audit.rows[0].actor_id).toBeTruthy();
    console.info(
      `10,000 rows: ${Date.now() - started} ms, progress seen ${[...seen].sort((a, b) => a - b).join(',')}`,
    );
  });
});

describe('cached answers after a background import', () => {
  it('are refreshed once the import commits, though no write request follows it', async () => {
    const rows = [ORG_HEADER];
    for (let index = 1; index <= 20; index++)
      rows.push([
        `cache-${index}`,
        `キャッシュ確認課${index}`,
        '',
        '課',
        '',
        '2024-04-01',
        '',
        String(index),
      ]);
    const uploaded = await upload(admin, 'org_units', utf8(csv(rows)), '組織.csv');
    expect(uploaded.status, uploaded.text).toBe(201);
    const job = (await setMapping(uploaded.body as Job)).body as Job;
    expect(job).toMatchObject({ status: 'previewed', counts: { create: 20, error: 0 } });
    // A commit left waiting by a process that stopped: the next process takes it over in the
    // background when someone looks at the job (a read, which refreshes no cache by itself).
    await t.database.pool.query(
      `update import_jobs set status = 'committing', lease_until = null,
         committed_by = (select id from users where login = 'admin') where id = $1`,
      [job.id],
    );
    const register = async () => (await t.call('GET', '/api/v1/clusters')).headers.get('etag');
    const before = await register();
    expect((await t.call('GET', `/api/v1/imports/${job.id}`, { cookie: admin })).status).toBe(200);
    await importRunnerFor(t.database.db).idle();
    expect(await count('org_units', "code like 'cache-%'")).toBe(20);
    const afterImport = await register();
    expect(afterImport).not.toBe(before);
    // What a reader must get: the answer from the database as it now stands.
    t.cacheStamps.clear();
    expect(afterImport).toBe(await register());
  });
});
