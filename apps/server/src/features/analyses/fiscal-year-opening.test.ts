import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AnalysisFixtures, analysisFixtures } from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
});
afterAll(async () => {
  await t.close();
});

type Preview = {
  year: number;
  isOpen: boolean;
  unfinished: { analysisId: string; cluster: { number: number }; canRollOver: boolean }[];
};

describe('opening a new fiscal year', () => {
  it('rolls unfinished analyses over with their history, closes others with a reason, and does nothing the second time', async () => {
    const cookie = await f.cookie('reform');
    const preview = await t.call('GET', '/api/v1/fiscal-years/2025/opening', { cookie });
    expect(preview.status).toBe(200);
    const before = preview.body as Preview;
    expect(before.isOpen).toBe(false);
    expect(before.unfinished.map((item) => item.cluster.number)).toEqual([13, 22, 23, 25, 34]);
    const culture = before.unfinished.find((item) => item.cluster.number === 13)!;

    const opened = await t.call('POST', '/api/v1/fiscal-years/2025/opening', {
      cookie,
      body: {
        decisions: [{ analysisId: culture.analysisId, action: 'close', reason: '令和6年度で分析を終える' }],
      },
    });
    expect(opened.status, opened.text).toBe(200);
    const result = opened.body as {
      isNewlyOpened: boolean;
      rolledOver: { from: string; to: string }[];
      closed: string[];
    };
    expect(result.isNewlyOpened).toBe(true);
    expect(result.rolledOver).toHaveLength(4);
    expect(result.closed).toEqual([culture.analysisId]);

    // The register carries over as it stands; the new plan holds the rolled-over analyses only.
    expect(
      ((await t.call('GET', '/api/v1/clusters?fy=2025')).body as { items: unknown[] }).items,
    ).toHaveLength(57);
    const plan = (await t.call('GET', '/api/v1/analyses?fy=2025', { cookie })).body as {
      items: { id: string; cluster: { number: number }; stage: string }[];
    };
    expect(plan.items.map((item) => [item.cluster.number, item.stage])).toEqual([
      [22, 'progress_reported'],
      [23, 'progress_reported'],
      [25, 'progress_reported'],
      [34, 'progress_reported'],
    ]);
    const nursery = result.rolledOver.find(
      (pair) => plan.items.find((item) => item.id === pair.to)?.cluster.number === 22,
    )!;
    const copy = await f.detail(nursery.to);
    expect((copy as unknown as { rolledOverFromId: string }).rolledOverFromId).toBe(nursery.from);
    expect((copy.report as { conclusion: { text: string } }).conclusion.text).toContain('令和7年度予算');
    const old = await f.detail(nursery.from);
    expect((old as unknown as { isClosed: boolean; closedReason: string }).isClosed).toBe(true);
    expect((old as unknown as { closedReason: string }).closedReason).toBe('令和7年度へ繰越');
    expect(old.transitions).toHaveLength(2);
    const copiedEffects = await t.call('GET', `/api/v1/analyses/${nursery.to}/effects`, { cookie });
    expect((copiedEffects.body as { items: { amount: string }[] }).items).toMatchObject([
      { amount: '180000000' },
    ]);

    // The closed analysis cannot be edited any more.
    const edit = await f.write(
      'kodomo-staff',
      'PATCH',
      `/api/v1/analyses/${nursery.from}/report`,
      nursery.from,
      {
        sections: { conclusion: { text: '閉じた後' } },
      },
    );
    expect(edit.status).toBe(409);

    const again = await t.call('POST', '/api/v1/fiscal-years/2025/opening', { cookie, body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ year: 2025, isNewlyOpened: false, rolledOver: [], closed: [] });
    const planAfter = (await t.call('GET', '/api/v1/analyses?fy=2025', { cookie })).body as {
      items: unknown[];
    };
    expect(planAfter.items).toHaveLength(4);
  });

  it('refuses to skip a year, a close without a reason, and anyone but the reform office', async () => {
    const cookie = await f.cookie('reform');
    expect((await t.call('POST', '/api/v1/fiscal-years/2030/opening', { cookie, body: {} })).status).toBe(
      422,
    );
    const years = await t.database.pool.query('select year from fiscal_years order by year');
    expect(years.rows.map((row) => row.year)).not.toContain(2030);
    for (const login of ['mayor', 'kodomo-head', 'admin']) {
      const response = await t.call('POST', '/api/v1/fiscal-years/2026/opening', {
        cookie: await f.cookie(login),
        body: {},
      });
      expect(response.status, login).toBe(403);
    }
    expect((await t.call('GET', '/api/v1/fiscal-years/2026/opening')).status).toBe(401);
    const next = (await t.call('GET', '/api/v1/fiscal-years/2026/opening', { cookie })).body as Preview;
    expect(next.unfinished).toHaveLength(4);
    const noReason = await t.call('POST', '/api/v1/fiscal-years/2026/opening', {
      cookie,
      body: { decisions: [{ analysisId: next.unfinished[0]!.analysisId, action: 'close' }] },
    });
    expect(noReason.status).toBe(400);
    const after = await t.database.pool.query('select year from fiscal_years order by year');
    expect(after.rows.map((row) => row.year)).toEqual([2024, 2025]);
  });
});
