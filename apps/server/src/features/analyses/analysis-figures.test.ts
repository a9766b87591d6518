import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';
import { type AnalysisFixtures, analysisFixtures, countFor } from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
});
afterAll(async () => {
  await t.close();
});

type Indicator = {
  id: string;
  name: string;
  values: { subject: string; year: number; value: number; isOwnCity: boolean }[];
  ranks: { year: number; rank: number | null; of: number }[];
};

async function started(): Promise<string> {
  const id = await f.plan(await f.newCluster());
  await f.move(id, { to: 'started' });
  return id;
}

const effect = (overrides: Record<string, unknown> = {}) => ({
  label: '窓口業務の委託',
  fiscalYear: 2025,
  category: 'expenditure_cut',
  recurrence: 'recurring',
  stage: 'planned',
  amount: '120000000',
  basis: '委託費と人件費の差額',
  ...overrides,
});

describe('効果額', () => {
  it('stores lines by fiscal year, category, recurrence and stage, with yen as decimal strings', async () => {
    const id = await started();
    const response = await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, {
      items: [
        effect(),
        effect({
          label: '使用料の見直し',
          category: 'revenue_gain',
          recurrence: 'one_off',
          fiscalYear: 2026,
          amount: '999999999999999',
        }),
        effect({ label: '実績', stage: 'actual', endFiscalYear: 2026 }),
      ],
    });
    expect(response.status, response.text).toBe(200);
    const body = response.body as { items: { amount: string; category: string }[]; period: unknown };
    expect(body.items.map((item) => item.amount)).toEqual(['120000000', '999999999999999', '120000000']);
    expect(body.period).toEqual({ startFiscalYear: 2024, endFiscalYear: 2026 });
    const stored = await t.database.pool.query<{ amount: bigint }>(
      'select amount from analysis_effects where analysis_id = $1 order by position',
      [id],
    );
    expect(stored.rows[1]!.amount).toBe(999_999_999_999_999n);
  });

  it('refuses a fiscal year outside the programme, an end on a one-off, an end before the start and negative amounts, writing nothing', async () => {
    const id = await started();
    await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, { items: [effect()] });
    const before = await f.detail(id);
    const cases: [Record<string, unknown>, string][] = [
      [effect({ fiscalYear: 2027 }), '令和8年度'],
      [effect({ fiscalYear: 2023 }), '令和6年度'],
      [effect({ recurrence: 'one_off', endFiscalYear: 2026 }), '単年度'],
      [effect({ endFiscalYear: 2024 }), '終了年度'],
    ];
    for (const [item, fragment] of cases) {
      const response = await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, {
        items: [item],
      });
      expect(response.status, JSON.stringify(item)).toBe(400);
      const errors = (response.body as { errors: { messages: { ja: string } }[] }).errors;
      expect(errors[0]!.messages.ja).toContain(fragment);
    }
    for (const item of [
      effect({ amount: '-5' }),
      effect({ amount: '1.5' }),
      effect({ amount: 5 }),
      effect({ category: 'saving' }),
    ]) {
      const response = await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, {
        items: [item],
      });
      expect(response.status).toBe(400);
    }
    expect((await f.detail(id)).version).toBe(before.version);
    expect(await countFor(t, 'analysis_effects', id)).toBe(1);
  });

  it('shows others the effects of the latest reported version only', async () => {
    const published = (
      (await t.call('GET', '/api/v1/analyses?fy=2024')).body as {
        items: { id: string; cluster: { number: number } }[];
      }
    ).items.find((item) => item.cluster.number === 22)!.id;
    const publicView = await t.call('GET', `/api/v1/analyses/${published}/effects`);
    expect(publicView.status).toBe(200);
    expect((publicView.body as { items: { amount: string }[] }).items).toMatchObject([
      { amount: '180000000' },
    ]);
  });
});

describe('比較分析', () => {
  const values = [
    { subject: '本市', isOwnCity: true, year: 2023, value: 2480 },
    { subject: '政令市A', year: 2023, value: 2190 },
    { subject: '政令市B', year: 2023, value: 2600 },
    { subject: '本市', isOwnCity: true, year: 2022, value: 2430 },
    { subject: '政令市A', year: 2022, value: 2500 },
  ];

  it('keeps indicators with values and ranks this city each year by the indicator’s direction', async () => {
    const id = await started();
    const response = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '児童1人当たり運営費',
      unit: '千円',
      direction: 'lower_is_better',
      values,
    });
    expect(response.status, response.text).toBe(201);
    const indicator = (response.body as { items: Indicator[] }).items[0]!;
    expect(indicator.ranks).toEqual([
      { year: 2022, rank: 1, of: 2 },
      { year: 2023, rank: 2, of: 3 },
    ]);
    const renamed = await f.write(
      'kodomo-staff',
      'PUT',
      `/api/v1/analyses/${id}/benchmarks/${indicator.id}`,
      id,
      {
        name: '児童1人当たり運営費（公立）',
        unit: '千円',
        direction: 'higher_is_better',
        values,
      },
    );
    expect(renamed.status).toBe(200);
    expect((renamed.body as { items: Indicator[] }).items[0]!.ranks.at(-1)).toEqual({
      year: 2023,
      rank: 2,
      of: 3,
    });
  });

  it('refuses duplicate values, two cities marked as this city, a duplicate name, writing nothing', async () => {
    const id = await started();
    await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '指標A',
      unit: '円',
      direction: 'lower_is_better',
    });
    const before = await f.detail(id);
    const duplicate = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '指標B',
      unit: '円',
      direction: 'lower_is_better',
      values: [values[0], values[0]],
    });
    expect(duplicate.status).toBe(400);
    const twoCities = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '指標B',
      unit: '円',
      direction: 'lower_is_better',
      values: [values[0], { ...values[1], isOwnCity: true }],
    });
    expect(twoCities.status).toBe(400);
    const sameName = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '指標A',
      unit: '円',
      direction: 'lower_is_better',
    });
    expect(sameName.status).toBe(409);
    expect((await f.detail(id)).version).toBe(before.version);
    expect(await countFor(t, 'analysis_benchmark_indicators', id)).toBe(1);
  });

  it('imports values from CSV in UTF-8 or Shift_JIS, and refuses a value for an unknown indicator without writing anything', async () => {
    const id = await started();
    const created = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '稼働率',
      unit: '%',
      direction: 'higher_is_better',
    });
    const indicatorId = (created.body as { items: Indicator[] }).items[0]!.id;
    const cookie = await f.cookie('kodomo-staff');
    const post = async (body: string | Uint8Array, contentType = 'text/csv') =>
      t.call('POST', `/api/v1/analyses/${id}/benchmarks/import`, {
        cookie,
        rawBody: body,
        headers: { 'content-type': contentType, 'if-match': `"${(await f.detail(id)).version}"` },
      });

    const utf8 = await post(
      '\ufeff指標,比較対象,年度,値,本市\n稼働率,本市,2023,"66.8",○\n稼働率,政令市A,2023年度,"72.0",\n',
    );
    expect(utf8.status, utf8.text).toBe(200);
    expect((utf8.body as { importedRows: number }).importedRows).toBe(2);

    // 「稼働率,政令市B,2023,60」 in Shift_JIS, with an English header.
    const encoder = new TextEncoder();
    const sjisRow = new Uint8Array([
      ...encoder.encode('indicator,subject,year,value\n'),
      0x89,
      0xd2,
      0x93,
      0xad,
      0x97,
      0xa6, // 稼働率
      0x2c,
      ...encoder.encode('City B,2023,60\n'),
    ]);
    const sjis = await post(sjisRow);
    expect(sjis.status, sjis.text).toBe(200);

    const benchmarks = await t.call('GET', `/api/v1/analyses/${id}/benchmarks`, { cookie });
    const indicator = (benchmarks.body as { items: Indicator[] }).items.find(
      (item) => item.id === indicatorId,
    )!;
    expect(indicator.values.map((value) => [value.subject, value.value, value.isOwnCity])).toEqual([
      ['本市', 66.8, true],
      ['City B', 60, false],
      ['政令市A', 72, false],
    ]);
    expect(indicator.ranks).toEqual([{ year: 2023, rank: 2, of: 3 }]);

    const before = await f.detail(id);
    const unknown = await post('指標,比較対象,年度,値\n稼働率,政令市C,2023,50\n待機児童数,本市,2023,12\n');
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('3行目');
    const broken = await post('指標,比較対象,年度,値\n稼働率,政令市C,二〇二三,abc\n');
    expect(broken.status).toBe(400);
    const noHeader = await post('a,b\n1,2\n');
    expect(noHeader.status).toBe(400);
    const wrongType = await post('指標,比較対象,年度,値\n', 'application/octet-stream');
    expect(wrongType.status).toBe(415);
    expect((await f.detail(id)).version).toBe(before.version);
    const after = await t.call('GET', `/api/v1/analyses/${id}/benchmarks`, { cookie });
    expect((after.body as { items: Indicator[] }).items[0]!.values).toHaveLength(3);
  });

  it('has a comparison for each FY2024 demo target, ranked among six cities', async () => {
    const list = (await t.call('GET', '/api/v1/analyses?fy=2024')).body as { items: { id: string }[] };
    for (const item of list.items) {
      const response = await t.call('GET', `/api/v1/analyses/${item.id}/benchmarks`);
      const indicators = (response.body as { items: Indicator[] }).items;
      expect(indicators).toHaveLength(1);
      expect(indicators[0]!.ranks.map((rank) => rank.of)).toEqual([6, 6, 6]);
    }
  });
});

describe('attachments', () => {
  async function upload(id: string, file: File, login = 'kodomo-staff') {
    const form = new FormData();
    form.set('file', file);
    form.set('title', '参考資料');
    const request = new Request(`http://totonoe.test/api/v1/analyses/${id}/attachments`, {
      method: 'POST',
      headers: { origin: 'http://totonoe.test', cookie: await f.cookie(login) },
      body: form,
    });
    const response = await t.app.request(request);
    return {
      status: response.status,
      body: (await response.json()) as { id: string; messages: { ja: string } } & Record<string, unknown>,
    };
  }

  it('stores a file whose content matches its name and serves it as a safe download', async () => {
    const id = await started();
    const stored = await upload(id, new File([SAMPLE_FILES.xlsx()], '比較表 "案".xlsx'));
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({
      fileName: '比較表 _案_.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      title: '参考資料',
    });
    const download = await t.call('GET', `/api/v1/analyses/${id}/attachments/${stored.body.id}`, {
      cookie: await f.cookie('reform'),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="___ ___.xlsx"; filename*=UTF-8''${encodeURIComponent('比較表 _案_.xlsx')}`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toContain('spreadsheetml');
    const list = await t.call('GET', `/api/v1/analyses/${id}/attachments`, {
      cookie: await f.cookie('mayor'),
    });
    expect((list.body as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses a file whose content is not what its name says, an executable, and a file over the limit', async () => {
    const id = await started();
    const disguised = await upload(id, new File([SAMPLE_FILES.pdf()], 'data.xlsx'));
    expect(disguised.status).toBe(415);
    expect(disguised.body.messages.ja).toContain('一致しません');
    const executable = await upload(id, new File([SAMPLE_FILES.executable()], 'tool.pdf'));
    expect(executable.status).toBe(415);
    const html = await upload(id, new File([SAMPLE_FILES.html()], 'page.html'));
    expect(html.status).toBe(415);
    const limit = 20 * 1024 * 1024; // the default upload limit
    const big = new Uint8Array(limit + 1);
    big.set(SAMPLE_FILES.pdf());
    const tooLarge = await upload(id, new File([big], 'big.pdf'));
    expect(tooLarge.status).toBe(413);
    const count = await t.database.pool.query(
      'select count(*)::int as n from attachments where owner_id = $1',
      [id],
    );
    expect(count.rows[0].n).toBe(0);
  });

  it('lets the uploader’s colleagues remove a file and keeps it from others', async () => {
    const id = await started();
    const stored = await upload(id, new File([SAMPLE_FILES.png()], '図.png'));
    expect(
      (
        await t.call('GET', `/api/v1/analyses/${id}/attachments/${stored.body.id}`, {
          cookie: await f.cookie('staff1'),
        })
      ).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/v1/analyses/${id}/attachments/${stored.body.id}`)).status).toBe(401);
    expect(
      (
        await t.call('DELETE', `/api/v1/analyses/${id}/attachments/${stored.body.id}`, {
          cookie: await f.cookie('mayor'),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('DELETE', `/api/v1/analyses/${id}/attachments/${stored.body.id}`, {
          cookie: await f.cookie('reform'),
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await t.call('GET', `/api/v1/analyses/${id}/attachments/${stored.body.id}`, {
          cookie: await f.cookie('reform'),
        })
      ).status,
    ).toBe(404);
  });
});
