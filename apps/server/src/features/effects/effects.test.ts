import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Amounts = { planned: string; actual: string; total: string };
type Ledger = {
  target: { id: string; amount: string; version: number };
  total: Amounts;
  remaining: string;
  progressPercent: { actual: number; total: number };
  entryCount: number;
  sources: {
    booked: { count: number; amounts: Amounts };
    analysisReports: { count: number; amounts: Amounts };
  };
  analysisLines: (Pick<Effect, 'fiscalYear' | 'endFiscalYear' | 'recurrence' | 'stage' | 'amount'> & {
    analysisId: string;
    label: string;
    cluster: { number: number } | null;
    bureau: { code: string } | null;
    isCounted: boolean;
    notCountedReason: string | null;
  })[];
  byYear: {
    fiscalYear: number;
    label: string;
    amounts: Amounts;
    cumulative: Amounts;
    byCategory: { amounts: Amounts }[];
  }[];
  byGroup: { key: string | null; label: { ja: string }; amounts: Amounts }[];
  byBureau: { code: string; amounts: Amounts }[];
  byCategory: { key: string; amounts: Amounts }[];
  byRecurrence: { key: string; amounts: Amounts }[];
};
type Effect = {
  id: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  recurrence: string;
  stage: string;
  amount: string;
  orgUnit: { code: string };
  bureau: { code: string };
  cluster: { number: number; group: string } | null;
  version: number;
};

let t: TestApp;
let targetId: string;
const cookies: Record<string, string> = {};
const OKU = 100_000_000n;

async function as(login: string): Promise<string> {
  cookies[login] ??= await t.signIn(login);
  return cookies[login]!;
}

async function ledger(): Promise<Ledger> {
  const response = await t.call('GET', `/api/v1/targets/${targetId}/ledger`, { cookie: await as('mayor') });
  expect(response.status).toBe(200);
  return response.body as Ledger;
}

async function lines(): Promise<Effect[]> {
  return (
    (await t.call('GET', `/api/v1/effects?targetId=${targetId}`, { cookie: await as('reform') })).body as {
      items: Effect[];
    }
  ).items;
}

async function initiativeId(title: string): Promise<string> {
  return (await t.database.pool.query('select id from initiatives where title = $1', [title])).rows[0].id;
}

async function effectAuditCount(): Promise<number> {
  return (
    await t.database.pool.query("select count(*)::int as n from audit_events where entity_type = 'effect'")
  ).rows[0].n;
}

function sum(list: { amounts: Amounts }[]): Amounts {
  const total = { planned: 0n, actual: 0n, total: 0n };
  for (const item of list) {
    total.planned += BigInt(item.amounts.planned);
    total.actual += BigInt(item.amounts.actual);
    total.total += BigInt(item.amounts.total);
  }
  return { planned: String(total.planned), actual: String(total.actual), total: String(total.total) };
}

/** The oracle: each line's amount counted in each year of FY2024–FY2026 it applies to, summed by hand. */
function expectedTotal(items: Effect[]): Amounts {
  const total = { planned: 0n, actual: 0n };
  for (const item of items) {
    for (let year = 2024; year <= 2026; year++) {
      const counts =
        item.recurrence === 'one_off'
          ? year === item.fiscalYear
          : year >= item.fiscalYear && (item.endFiscalYear === null || year <= item.endFiscalYear);
      if (counts) total[item.stage as 'planned' | 'actual'] += BigInt(item.amount);
    }
  }
  return {
    planned: String(total.planned),
    actual: String(total.actual),
    total: String(total.planned + total.actual),
  };
}

/** The ledger's lines and the analyses' accepted lines it counts: what every grouping must add up to. */
function expectConsistent(view: Ledger, items: Effect[]) {
  const counted = view.analysisLines.filter((line) => line.isCounted);
  expect(view.total).toEqual(expectedTotal([...items, ...(counted as unknown as Effect[])]));
  expect(view.sources.booked.amounts).toEqual(expectedTotal(items));
  expect(view.sources.analysisReports.amounts).toEqual(expectedTotal(counted as unknown as Effect[]));
  for (const grouping of [view.byYear, view.byGroup, view.byBureau, view.byCategory, view.byRecurrence]) {
    expect(sum(grouping)).toEqual(view.total);
  }
  expect(view.byYear.at(-1)!.cumulative).toEqual(view.total);
  for (const year of view.byYear) expect(sum(year.byCategory)).toEqual(year.amounts);
  expect(view.entryCount).toBe(items.length + counted.length);
  expect(view.sources.booked.count).toBe(items.length);
  expect(view.sources.analysisReports.count).toBe(counted.length);
}

beforeAll(async () => {
  t = await createTestApp();
  targetId = (await t.database.pool.query("select id from effect_targets where name = '次世代投資枠'"))
    .rows[0].id;
});
afterAll(async () => {
  await t.close();
});

describe('the FY2024 ledger against 次世代投資枠', () => {
  it('adds recurring effects in each later year and reaches a visible share of 330億円', async () => {
    const view = await ledger();
    expect(view.target.amount).toBe('33000000000');
    // The ledger's own lines…
    expect(view.sources.booked).toEqual({
      count: 14,
      amounts: {
        planned: String((687n * OKU) / 10n),
        actual: String((1014n * OKU) / 100n),
        total: String((7884n * OKU) / 100n),
      },
    });
    // …and the accepted 効果額 of the analyses of 22 保育所・幼稚園 (1.8億 from FY2025) and
    // 23 子育て支援事業 (0.45億 from FY2025), each in FY2025 and FY2026.
    expect(view.sources.analysisReports).toEqual({
      count: 2,
      amounts: { planned: String((45n * OKU) / 10n), actual: '0', total: String((45n * OKU) / 10n) },
    });
    expect(view.total).toEqual({
      planned: String((732n * OKU) / 10n),
      actual: String((1014n * OKU) / 100n),
      total: String((8334n * OKU) / 100n),
    });
    expect(view.progressPercent).toEqual({ actual: 3, total: 25.2 });
    expect(view.remaining).toBe(String(33_000_000_000n - 8_334_000_000n));
    expect(view.byYear.map((year) => [year.label, year.amounts.total, year.cumulative.total])).toEqual([
      ['令和6年度', '348000000', '348000000'],
      ['令和7年度', '3668000000', '4016000000'],
      ['令和8年度', '4318000000', '8334000000'],
    ]);
    const kodomo = view.byBureau.find((bureau) => bureau.code === 'kodomo')!;
    // 保育所 4.2億×2 + 跡地 6.5億 + オンライン化 0.6億×3 + 青少年施設 0.7億×2 (the analysis's lead unit),
    // and the analyses' 1.8億×2 + 0.45億×2.
    expect(kodomo.amounts.total).toBe(String((226n * OKU) / 10n));
    // BPR spans two clusters, so its lines sit outside any one group.
    expect(view.byGroup.map((group) => group.label.ja)).toEqual([
      '施策・事業グループ',
      '横断制度グループ',
      '組織強化グループ',
      '事業クラスター外',
    ]);
    expectConsistent(view, await lines());
  });

  it('shows each line with its unit, bureau and cluster, and a negative line as it is', async () => {
    const items = await lines();
    expect(items).toHaveLength(14);
    const system = items.find((item) => item.amount.startsWith('-'))!;
    expect(system).toMatchObject({
      amount: '-30000000',
      stage: 'actual',
      bureau: { code: 'kankyo' },
      cluster: { number: 27 },
    });
    const nursery = items.find((item) => item.orgUnit.code === 'kodomo-hoiku')!;
    expect(nursery.bureau.code).toBe('kodomo');
    expect(nursery.cluster).toMatchObject({ number: 22, group: 'policy_program' });
  });

  it('is read by the reform office, the executive and bureau people, not by every employee or the public', async () => {
    expect((await t.call('GET', '/api/v1/effects', { cookie: await as('kodomo-staff') })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/effects', { cookie: await as('staff1') })).status).toBe(403);
    expect(
      (await t.call('GET', `/api/v1/targets/${targetId}/ledger`, { cookie: await as('pt1') })).status,
    ).toBe(403);
    expect((await t.call('GET', `/api/v1/targets/${targetId}/ledger`)).status).toBe(401);
  });
});

describe('booking effects', () => {
  let booked: Effect;
  const base = {
    title: '一時預かりの予約受付の委託見直し',
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: '12000000',
    sourceKind: 'initiative',
  };

  it('refuses bad lines with clear errors and writes nothing', async () => {
    const sourceId = await initiativeId('子育て支援手続のオンライン化');
    const cookie = await as('kodomo-staff');
    const before = await effectAuditCount();
    const cases: [unknown, number, string?][] = [
      [{ ...base, sourceId, targetId, fiscalYear: 2027 }, 422, 'outside_target_span'],
      [{ ...base, sourceId, targetId, fiscalYear: 2023 }, 422, 'outside_target_span'],
      [{ ...base, sourceId, targetId, endFiscalYear: 2024 }, 400],
      [{ ...base, sourceId, targetId, recurrence: 'one_off', endFiscalYear: 2025 }, 400],
      [{ ...base, sourceId, targetId, amount: 12000000 }, 400],
      [{ ...base, sourceId, targetId, amount: '1.5' }, 400],
      [{ ...base, sourceId, targetId, amount: '1234567890123456' }, 400],
      [{ ...base, sourceId, targetId, category: 'saving' }, 400],
      [{ ...base, sourceId: '00000000-0000-4000-8000-000000000001', targetId }, 422],
      [{ ...base, sourceId, targetId: '00000000-0000-4000-8000-000000000001' }, 422],
    ];
    for (const [body, status, code] of cases) {
      const response = await t.call('POST', '/api/v1/effects', { cookie, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      if (code) expect((response.body as { code: string }).code).toBe(code);
    }
    expect(await effectAuditCount()).toBe(before);
  });

  it('lets a unit book planned lines for its own initiatives; only the reform office books actuals', async () => {
    const own = await initiativeId('子育て支援手続のオンライン化');
    const other = await initiativeId('介護予防教室の効果検証');
    const cookie = await as('kodomo-staff');
    expect(
      (await t.call('POST', '/api/v1/effects', { cookie, body: { ...base, sourceId: other, targetId } }))
        .status,
    ).toBe(403);
    const actual = await t.call('POST', '/api/v1/effects', {
      cookie,
      body: { ...base, sourceId: own, targetId, stage: 'actual' },
    });
    expect(actual.status).toBe(403);
    expect((actual.body as { detail: string }).detail).toContain('市政変革室');
    const before = await ledger();
    const response = await t.call('POST', '/api/v1/effects', {
      cookie,
      body: { ...base, sourceId: own, targetId },
    });
    expect(response.status).toBe(201);
    booked = response.body as Effect;
    expect(booked).toMatchObject({ orgUnit: { code: 'kodomo' }, cluster: { number: 23 } });
    const after = await ledger();
    expect(BigInt(after.total.planned) - BigInt(before.total.planned)).toBe(24_000_000n);
    expectConsistent(after, await lines());
    const reform = await t.call('POST', '/api/v1/effects', {
      cookie: await as('reform'),
      body: {
        ...base,
        sourceId: other,
        targetId,
        stage: 'actual',
        fiscalYear: 2024,
        recurrence: 'one_off',
        amount: '-5000000',
      },
    });
    expect(reform.status).toBe(201);
    expect((reform.body as Effect).bureau.code).toBe('hoken');
  });

  it('changes and removes lines under If-Match; an actual line is the reform office’s', async () => {
    const path = `/api/v1/effects/${booked.id}`;
    const cookie = await as('kodomo-staff');
    expect((await t.call('PATCH', path, { cookie, body: { amount: '15000000' } })).status).toBe(428);
    expect(
      (
        await t.call('PATCH', path, {
          cookie,
          body: { fiscalYear: 2030 },
          headers: { 'if-match': `"${booked.version}"` },
        })
      ).status,
    ).toBe(422);
    const changed = await t.call('PATCH', path, {
      cookie,
      body: { amount: '15000000', endFiscalYear: 2025 },
      headers: { 'if-match': `"${booked.version}"` },
    });
    expect(changed.status).toBe(200);
    booked = changed.body as Effect;
    expect(booked).toMatchObject({ amount: '15000000', endFiscalYear: 2025 });
    expectConsistent(await ledger(), await lines());
    const promote = await t.call('PATCH', path, {
      cookie,
      body: { stage: 'actual' },
      headers: { 'if-match': `"${booked.version}"` },
    });
    expect(promote.status).toBe(403);
    const confirmed = await t.call('PATCH', path, {
      cookie: await as('reform'),
      body: { stage: 'actual' },
      headers: { 'if-match': `"${booked.version}"` },
    });
    expect(confirmed.status).toBe(200);
    booked = confirmed.body as Effect;
    expect(
      (await t.call('DELETE', path, { cookie, headers: { 'if-match': `"${booked.version}"` } })).status,
    ).toBe(403);
    expect(
      (
        await t.call('DELETE', path, {
          cookie: await as('reform'),
          headers: { 'if-match': `"${booked.version}"` },
        })
      ).status,
    ).toBe(204);
    expect((await t.call('GET', path, { cookie })).status).toBe(404);
    expectConsistent(await ledger(), await lines());
  });
});

describe('the analyses’ 効果額 in the ledger', () => {
  async function analysisOf(clusterNumber: number): Promise<string> {
    return (
      await t.database.pool.query(
        `select a.id from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id
          where a.fiscal_year = 2024 and r.number = $1 limit 1`,
        [clusterNumber],
      )
    ).rows[0].id;
  }
  async function analysisVersion(id: string): Promise<number> {
    return (
      (await t.call('GET', `/api/v1/analyses/${id}`, { cookie: await as('reform') })).body as {
        version: number;
      }
    ).version;
  }
  async function review(login: string, id: string, body: Record<string, unknown>) {
    const response = await t.call('POST', `/api/v1/analyses/${id}/review`, {
      cookie: await as(login),
      body,
      headers: { 'if-match': `"${await analysisVersion(id)}"` },
    });
    expect(response.status, response.text).toBe(200);
  }

  it('shows the accepted lines read-only, counting them unless the ledger books the analysis itself', async () => {
    const view = await ledger();
    const byCluster = (number: number) =>
      view.analysisLines.filter((line) => line.cluster?.number === number);
    expect(byCluster(22)).toEqual([
      expect.objectContaining({ label: '公立保育所2か所の民間移管', amount: '180000000', isCounted: true }),
    ]);
    expect(byCluster(22)[0]!.bureau?.code).toBe('kodomo');
    expect(byCluster(23)).toEqual([
      expect.objectContaining({ label: '類似事業の統合', amount: '45000000', isCounted: true }),
    ]);
    // 34 公園事業: Park-PFI is booked in the ledger (against the analysis and its initiative), so the
    // report's line is shown but not counted a second time.
    expect(byCluster(34)).toEqual([
      expect.objectContaining({ isCounted: false, notCountedReason: 'booked_in_ledger' }),
    ]);
    expectConsistent(view, await lines());
  });

  it('moves only when a new report is accepted, never with the working copy', async () => {
    const analysisId = await analysisOf(23);
    const before = await ledger();
    const draft = await t.call('PUT', `/api/v1/analyses/${analysisId}/effects`, {
      cookie: await as('kodomo-staff'),
      body: {
        items: [
          {
            label: '類似事業の統合',
            fiscalYear: 2025,
            endFiscalYear: null,
            category: 'expenditure_cut',
            recurrence: 'recurring',
            stage: 'planned',
            amount: '60000000',
            basis: '統合する3事業の委託費（精査後）',
          },
        ],
      },
      headers: { 'if-match': `"${await analysisVersion(analysisId)}"` },
    });
    expect(draft.status, draft.text).toBe(200);
    expect((await ledger()).total).toEqual(before.total);

    await review('kodomo-staff', analysisId, { action: 'submit' });
    await review('kodomo-head', analysisId, { action: 'approve' });
    expect((await ledger()).total).toEqual(before.total);
    await review('reform', analysisId, { action: 'accept' });
    const after = await ledger();
    // 0.6億 instead of 0.45億, in FY2025 and FY2026.
    expect(BigInt(after.total.planned) - BigInt(before.total.planned)).toBe(30_000_000n);
    expect(after.analysisLines.find((line) => line.cluster?.number === 23)).toMatchObject({
      amount: '60000000',
      isCounted: true,
    });
    expectConsistent(after, await lines());
  });

  it('counts a booked line instead of the report’s lines once the reform office books the analysis', async () => {
    const analysisId = await analysisOf(22);
    const before = await ledger();
    const response = await t.call('POST', '/api/v1/effects', {
      cookie: await as('reform'),
      body: {
        title: '公立保育所2か所の民間移管（精査後）',
        fiscalYear: 2025,
        category: 'expenditure_cut',
        recurrence: 'recurring',
        stage: 'planned',
        amount: '200000000',
        sourceKind: 'analysis',
        sourceId: analysisId,
        targetId,
      },
    });
    expect(response.status, response.text).toBe(201);
    const after = await ledger();
    // 2.0億 booked replaces the report's 1.8億, in FY2025 and FY2026: +0.4億, not +4.0億.
    expect(BigInt(after.total.planned) - BigInt(before.total.planned)).toBe(40_000_000n);
    expect(after.analysisLines.find((line) => line.cluster?.number === 22)).toMatchObject({
      isCounted: false,
      notCountedReason: 'booked_in_ledger',
    });
    expectConsistent(after, await lines());
  });
});

describe('programme targets', () => {
  it('are kept by the reform office; a span cannot shrink past booked years', async () => {
    const body = { name: '財政健全化目標', amount: '5000000000', startFiscalYear: 2024, endFiscalYear: 2028 };
    expect((await t.call('POST', '/api/v1/targets', { cookie: await as('kodomo-head'), body })).status).toBe(
      403,
    );
    expect(
      (
        await t.call('POST', '/api/v1/targets', {
          cookie: await as('reform'),
          body: { ...body, endFiscalYear: 2023 },
        })
      ).status,
    ).toBe(400);
    const created = await t.call('POST', '/api/v1/targets', { cookie: await as('reform'), body });
    expect(created.status).toBe(201);
    const view = await ledger();
    const shrink = await t.call('PATCH', `/api/v1/targets/${targetId}`, {
      cookie: await as('reform'),
      body: { endFiscalYear: 2025 },
      headers: { 'if-match': `"${view.target.version}"` },
    });
    expect(shrink.status).toBe(422);
    expect((shrink.body as { code: string }).code).toBe('outside_target_span');
    const widen = await t.call('PATCH', `/api/v1/targets/${targetId}`, {
      cookie: await as('reform'),
      body: { endFiscalYear: 2027 },
      headers: { 'if-match': `"${view.target.version}"` },
    });
    expect(widen.status).toBe(200);
    const wider = await ledger();
    expect(wider.byYear.map((year) => year.fiscalYear)).toEqual([2024, 2025, 2026, 2027]);
    for (const grouping of [
      wider.byYear,
      wider.byGroup,
      wider.byBureau,
      wider.byCategory,
      wider.byRecurrence,
    ]) {
      expect(sum(grouping)).toEqual(wider.total);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes every effect and target route', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/effects',
      '/api/v1/effects/{id}',
      '/api/v1/targets',
      '/api/v1/targets/{id}',
      '/api/v1/targets/{id}/ledger',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
