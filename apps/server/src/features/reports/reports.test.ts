import { APPROVAL_STATUS_LABELS } from '@totonoe/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FY2024_CLUSTERS } from '../../seed/fy2024-programme.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';
import { toWindows31J } from './csv.ts';
import {
  deckToPdf,
  ensureOfficeTools,
  iconvDecode,
  pdfText,
  sheetToCsv,
  squeeze,
} from './office-test-support.ts';
import { closePrinter } from './print-pdf.ts';
import { settleReportJobs } from './run-report-job.ts';

/** The six X meetings of FY2024 with their dates exactly as the seed deck gives them. */
const FY2024_MEETING_DATES = [
  ['キックオフMTG', '6月4日'],
  ['第1回X会議', '7月22日'],
  ['第2回X会議', '8月21日'],
  ['第3回X会議', '10月上旬'],
  ['第4回X会議', '11月上旬'],
  ['第5回X会議', '12月下旬'],
] as const;
const PLATINUM_STEPS = [
  'PTの人選・結成',
  'PTによる課題等の洗い出し',
  '制度所管局で解決案の検討・決定',
  '関係局長による対応方針の表明',
];

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  // A fresh machine installs LibreOffice here, before any test's own time limit starts.
  ensureOfficeTools();
  t = await createTestApp();
  cookie = await t.signIn('kodomo-staff');
}, 900_000);
afterAll(async () => {
  await settleReportJobs();
  await closePrinter();
  await t.close();
});

/** Fetches a file from the app in-process, as bytes. */
async function download(path: string, who: string | null = cookie) {
  const started = performance.now();
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, {
    headers: { origin: TEST_ORIGIN, ...(who ? { cookie: who } : {}) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, milliseconds: Math.round(performance.now() - started) };
}

/** The FY2024 checks of the progress report's text: clusters, meetings with their dates, Platinum steps. */
function expectProgressText(text: string) {
  const squeezed = squeeze(text);
  const missing = FY2024_CLUSTERS.filter((cluster) => !squeezed.includes(squeeze(cluster.name)));
  expect(missing.map((cluster) => cluster.name)).toEqual([]);
  for (const [title, date] of FY2024_MEETING_DATES) expect(squeezed, title).toContain(`${title}${date}`);
  for (const step of PLATINUM_STEPS) expect(squeezed, step).toContain(step);
  expect(squeezed).toContain('未来のために、今、ととのえよう。');
}

describe('the progress report in real clients', () => {
  it('builds the FY2024 deck, which LibreOffice prints with every cluster, meeting date and Platinum step', async () => {
    const { response, bytes, milliseconds } = await download('/api/v1/reports/progress.pptx?fy=2024');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/presentationml/);
    expect(response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    console.info(`FY2024 deck built in ${milliseconds} ms (${bytes.byteLength} bytes)`);
    expectProgressText(pdfText(deckToPdf(bytes)));
  });

  it('prints the same content as PDF', async () => {
    const { response, bytes, milliseconds } = await download('/api/v1/reports/progress.pdf?fy=2024');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    console.info(`FY2024 PDF printed in ${milliseconds} ms (${bytes.byteLength} bytes)`);
    expectProgressText(pdfText(bytes));
  });

  it('builds a workbook whose cluster sheet LibreOffice reads as 57 rows', async () => {
    const { response, bytes, milliseconds } = await download('/api/v1/reports/progress.xlsx?fy=2024');
    expect(response.status).toBe(200);
    console.info(`FY2024 workbook built in ${milliseconds} ms (${bytes.byteLength} bytes)`);
    const lines = sheetToCsv(bytes, 1).trimEnd().split(/\r?\n/);
    expect(lines[0]).toContain('事業クラスター');
    expect(lines).toHaveLength(1 + 57);
    expect(lines[1]).toContain('戦略的広報');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining([
        'クラスター',
        '経営分析',
        'X会議',
        '決定事項',
        '局区X方針',
        '取組',
        '効果額',
        'プラチナ課題',
      ]),
    );
    const meetings = workbook.getWorksheet('X会議')!;
    expect(meetings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(meetings.autoFilter).toBeTruthy();
    const start = meetings.getRow(2).getCell(5).value;
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).toISOString().slice(0, 10)).toBe('2024-06-04');
    expect(workbook.getWorksheet('効果額')!.getColumn(6).numFmt).toContain('円');
  });
});

describe('CSV lists', () => {
  it('writes UTF-8 with a BOM and Shift_JIS that iconv decodes to the same rows', async () => {
    const utf8 = await download('/api/v1/reports/lists/clusters?fy=2024');
    expect(utf8.response.status).toBe(200);
    expect(utf8.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = await download('/api/v1/reports/lists/clusters?fy=2024&encoding=shift_jis');
    expect(sjis.response.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    const utf8Text = utf8.bytes.subarray(3).toString('utf8');
    expect(iconvDecode(sjis.bytes, 'SHIFT_JIS')).toBe(utf8Text);
    expect(iconvDecode(sjis.bytes, 'CP932')).toBe(utf8Text);
    const rows = utf8Text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(58);
    expect(rows).toContain(
      '22,保育所・幼稚園,施策・事業グループ,国制度関連施策,子ども家庭局,TRUE,経過報告,令和6年度'.replace(
        '経過報告',
        rows.find((row) => row.startsWith('22,'))!.split(',')[6]!,
      ),
    );
  });

  it('writes characters Shift_JIS lacks as Windows does, so the schedule’s 〜 survives', async () => {
    const utf8 = await download('/api/v1/reports/lists/schedule?fy=2024');
    const sjis = await download('/api/v1/reports/lists/schedule?fy=2024&encoding=shift_jis');
    const utf8Text = utf8.bytes.subarray(3).toString('utf8');
    expect(utf8Text).toContain('6月〜7月');
    expect(iconvDecode(sjis.bytes, 'CP932')).toBe(toWindows31J(utf8Text));
    expect(iconvDecode(sjis.bytes, 'SHIFT_JIS')).toBe(utf8Text);
    expect(toWindows31J('𠮷野家')).toBe('〓野家');
    expect(iconv.decode(iconv.encode(toWindows31J('髙橋 ①'), 'cp932'), 'cp932')).toBe('髙橋 ①');
  });

  it('answers every list, and refuses unknown lists and encodings', async () => {
    for (const resource of [
      'analyses',
      'meetings',
      'decisions',
      'policies',
      'initiatives',
      'effects',
      'platinum-issues',
      'needs',
    ]) {
      const { response, bytes } = await download(`/api/v1/reports/lists/${resource}?fy=2024`);
      expect(response.status, resource).toBe(200);
      expect(bytes.subarray(3).toString('utf8').split('\r\n').length, resource).toBeGreaterThanOrEqual(2);
    }
    expect((await download('/api/v1/reports/lists/passwords?fy=2024')).response.status).toBe(400);
    expect((await download('/api/v1/reports/lists/clusters?fy=2024&encoding=latin1')).response.status).toBe(
      400,
    );
    expect((await download('/api/v1/reports/lists/clusters?fy=2024', null)).response.status).toBe(401);
  });
});

describe('the lists the streams fill', () => {
  const csvRows = async (resource: string) =>
    (await download(`/api/v1/reports/lists/${resource}?fy=2024`)).bytes
      .subarray(3)
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1);

  it('lists the decisions, the policies by state and the Platinum issues, and a new one of each', async () => {
    const sql = async (query: string, params: unknown[] = []) =>
      (await t.database.pool.query(query, params)).rows;
    const decisions = await sql(
      'select d.body from meeting_decisions d join meetings m on m.id = d.meeting_id where m.fiscal_year = 2024',
    );
    expect(decisions.length).toBeGreaterThan(0);
    const decisionRows = await csvRows('decisions');
    expect(decisionRows).toHaveLength(decisions.length);
    const item = (
      await sql(
        `select a.id, a.meeting_id from agenda_items a join meetings m on m.id = a.meeting_id
         where m.fiscal_year = 2024 and m.sequence = 2 order by a.position limit 1`,
      )
    )[0];
    await sql(
      "insert into meeting_decisions (meeting_id, agenda_item_id, body) values ($1, $2, '文化施設の料金体系を見直す。')",
      [item.meeting_id, item.id],
    );
    const after = await csvRows('decisions');
    expect(after).toHaveLength(decisions.length + 1);
    expect(after.find((row) => row.includes('文化施設の料金体系を見直す。'))).toMatch(
      /^第2回X会議,2024-08-21,/,
    );

    const policies = await sql(
      `select o.name, v.status from bureau_policies p join org_units o on o.id = p.org_unit_id
       join bureau_policy_versions v on v.policy_id = p.id and v.version_number = p.latest_version_number
       where p.fiscal_year = 2024`,
    );
    const policyRows = await csvRows('policies');
    expect(policyRows).toHaveLength(policies.length);
    const published = policyRows.find((row) => row.startsWith('子ども家庭局,'))!;
    expect(published).toContain(`,${APPROVAL_STATUS_LABELS.published.ja},`);
    // A policy not yet published is listed with its state, not its title.
    const draft = policyRows.find((row) => row.startsWith('市民文化スポーツ局,'))!;
    expect(draft).toContain('（公表前）');
    expect(draft).toContain(`,${APPROVAL_STATUS_LABELS.draft.ja},`);

    const issues = await sql(
      `select s.number from platinum_issues s join platinum_campaigns c on c.id = s.campaign_id where c.fiscal_year = 2024`,
    );
    const issueRows = await csvRows('platinum-issues');
    expect(issueRows).toHaveLength(issues.length);
    const drafts = await sql("select body from platinum_responses where status <> 'published'");
    const text = issueRows.join('\n');
    for (const row of drafts) expect(text).not.toContain(row.body);
    const authors = await sql(
      'select distinct u.display_name from platinum_ideas i join users u on u.id = i.author_id',
    );
    for (const row of authors) expect(text).not.toContain(row.display_name);
  });
});

describe('export jobs', () => {
  async function waitForJob(id: string, who = cookie) {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const job = (await t.call('GET', `/api/v1/reports/jobs/${id}`, { cookie: who })).body as {
        status: string;
        progress: number;
        downloadUrl: string | null;
      };
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the job did not finish');
  }

  it('queues an export, answers at once, reports progress and hands the file to its requester only', async () => {
    const created = await t.call('POST', '/api/v1/reports/jobs', {
      cookie,
      body: { kind: 'progress_xlsx', fiscalYear: 2024 },
    });
    expect(created.status).toBe(202);
    const job = created.body as { id: string; status: string };
    expect(job.status).toBe('queued');
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const file = await download(done.downloadUrl!);
    expect(file.response.status).toBe(200);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');

    const other = await t.signIn('staff2');
    expect((await t.call('GET', `/api/v1/reports/jobs/${job.id}`, { cookie: other })).status).toBe(404);
    expect((await download(done.downloadUrl!, other)).response.status).toBe(404);
    expect((await t.call('GET', `/api/v1/reports/jobs/${job.id}`)).status).toBe(401);
    const audit = await t.database.pool.query(
      "select count(*)::int as n from audit_events where action = 'report.request'",
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad requests and too many exports at once, writing nothing', async () => {
    const count = async () =>
      (await t.database.pool.query('select count(*)::int as n from report_jobs')).rows[0].n as number;
    const before = await count();
    for (const body of [
      { kind: 'progress_docx', fiscalYear: 2024 },
      { kind: 'csv', fiscalYear: 2024, resource: 'users' },
      { kind: 'progress_pptx', fiscalYear: 2024, extra: true },
      { kind: 'progress_pptx' },
    ]) {
      expect(
        (await t.call('POST', '/api/v1/reports/jobs', { cookie, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (
        await t.call('POST', '/api/v1/reports/jobs', {
          cookie,
          body: { kind: 'progress_pptx', fiscalYear: 1999 },
        })
      ).status,
    ).toBe(404);
    expect(await count()).toBe(before);

    const busy = await t.signIn('staff1');
    const userId = (await t.database.pool.query("select id from users where login = 'staff1'")).rows[0].id;
    for (let index = 0; index < 3; index += 1) {
      await t.database.pool.query(
        "insert into report_jobs (kind, params, requested_by) values ('csv', '{}', $1)",
        [userId],
      );
    }
    const refused = await t.call('POST', '/api/v1/reports/jobs', {
      cookie: busy,
      body: { kind: 'progress_pptx', fiscalYear: 2024 },
    });
    expect(refused.status).toBe(429);
    expect((refused.body as { code: string }).code).toBe('report_busy');
  });
});

describe('single records as PDF', () => {
  it('prints an X meeting’s agenda and an analysis report', async () => {
    const meetingId = (
      await t.database.pool.query('select id from meetings where fiscal_year = 2024 and sequence = 3')
    ).rows[0].id;
    const agenda = await download(`/api/v1/reports/meetings/${meetingId}/agenda.pdf`);
    expect(agenda.response.status).toBe(200);
    expect(squeeze(pdfText(agenda.bytes))).toContain('第3回X会議次第');
    const firstId = (
      await t.database.pool.query('select id from meetings where fiscal_year = 2024 and sequence = 1')
    ).rows[0].id;
    const items = (
      await t.database.pool.query('select title from agenda_items where meeting_id = $1 order by position', [
        firstId,
      ])
    ).rows;
    expect(items.length).toBeGreaterThan(0);
    const firstAgenda = squeeze(
      pdfText((await download(`/api/v1/reports/meetings/${firstId}/agenda.pdf`)).bytes),
    );
    for (const item of items) expect(firstAgenda).toContain(squeeze(item.title));
    const analysisId = (
      await t.database.pool.query(
        `select a.id from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id where a.fiscal_year = 2024 and r.number = 22`,
      )
    ).rows[0].id;
    const report = await download(`/api/v1/reports/analyses/${analysisId}/report.pdf`);
    expect(report.response.status).toBe(200);
    const text = squeeze(pdfText(report.bytes));
    expect(text).toContain('保育所・幼稚園');
    // 子ども家庭局 owns the analysis: its staff print the working copy, 結論 first.
    const working = (
      await t.database.pool.query(
        "select content->'conclusion'->>'text' as text from analysis_reports where analysis_id = $1",
        [analysisId],
      )
    ).rows[0].text as string;
    expect(text).toContain('結論');
    expect(text).toContain(squeeze(working).slice(0, 20));
    expect(text).toContain('作業中の報告書');
    // Someone outside the bureau gets the version reported at the X meeting, never an unreported draft.
    await t.database.pool.query(
      `update analysis_reports set content = jsonb_set(content, '{conclusion,text}', '"未報告の下書きです。"') where analysis_id = $1`,
      [analysisId],
    );
    const outsider = await t.signIn('staff2');
    const outside = squeeze(
      pdfText((await download(`/api/v1/reports/analyses/${analysisId}/report.pdf`, outsider)).bytes),
    );
    expect(outside).not.toContain('未報告の下書きです。');
    expect(outside).toContain('報告済み');
    const own = squeeze(pdfText((await download(`/api/v1/reports/analyses/${analysisId}/report.pdf`)).bytes));
    expect(own).toContain('未報告の下書きです。');
  });

  it('keeps an unpublished analysis of another bureau from people outside it', async () => {
    const row = (
      await t.database.pool.query(
        `select a.id, a.is_published from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id where a.fiscal_year = 2024 and r.number = 34`,
      )
    ).rows[0];
    await t.database.pool.query('update analyses set is_published = false where id = $1', [row.id]);
    expect((await download(`/api/v1/reports/analyses/${row.id}/report.pdf`)).response.status).toBe(403);
    expect((await download(`/api/v1/reports/analyses/${row.id}/report.pdf`, null)).response.status).toBe(401);
    await t.database.pool.query('update analyses set is_published = $2 where id = $1', [
      row.id,
      row.is_published,
    ]);
  });
});
