import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Item = {
  id: string;
  title: string;
  sourceKind: string;
  sourceLabel: string | null;
  ownerOrgUnit: { code: string };
  status: string;
  health: string;
  isUpdateDue: boolean;
  version: number;
};
type Detail = Item & {
  milestones: { title: string; from: { fiscalYear: number; quarter: number }; label: string }[];
  updates: { reportedOn: string; body: string; author: { name: string } | null }[];
  kpis: {
    id: string;
    name: string;
    years: {
      fiscalYear: number;
      target: string | null;
      actual: string | null;
      achievementRatePercent: number | null;
    }[];
  }[];
  permissions: { canManage: boolean; canReport: boolean };
};
type Counts = {
  total: number;
  updateDue: number;
  reportOverdue: number;
  byStatus: Record<string, number>;
  byHealth: Record<string, number>;
};

let t: TestApp;
const cookies: Record<string, string> = {};
const unitIds: Record<string, string> = {};
const clusterIds: Record<number, string> = {};

async function as(login: string): Promise<string> {
  cookies[login] ??= await t.signIn(login);
  return cookies[login]!;
}

async function list(query: string, login = 'reform'): Promise<Item[]> {
  const response = await t.call('GET', `/api/v1/initiatives?fy=2024&${query}`, { cookie: await as(login) });
  expect(response.status).toBe(200);
  return (response.body as { items: Item[] }).items;
}

async function counts(query = ''): Promise<Counts> {
  return (await t.call('GET', `/api/v1/initiatives/summary?fy=2024&${query}`, { cookie: await as('mayor') }))
    .body as Counts;
}

async function detail(id: string, login = 'reform'): Promise<Detail> {
  return (await t.call('GET', `/api/v1/initiatives/${id}`, { cookie: await as(login) })).body as Detail;
}

async function write(method: string, path: string, login: string, version: number | null, body: unknown) {
  return t.call(method, path, {
    cookie: await as(login),
    body,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
  });
}

async function initiativeAuditCount(): Promise<number> {
  return (
    await t.database.pool.query(
      "select count(*)::int as n from audit_events where entity_type = 'initiative'",
    )
  ).rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const row of (await t.database.pool.query('select id, code from org_units')).rows)
    unitIds[row.code] = row.id;
  for (const row of (await t.database.pool.query('select cluster_id, number from cluster_revisions')).rows) {
    clusterIds[row.number] = row.cluster_id;
  }
});
afterAll(async () => {
  await t.close();
});

describe('FY2024 demo initiatives', () => {
  it('come from bureau policies, analysis directions and voluntary reforms, with milestones and updates', async () => {
    const items = await list('');
    expect(items).toHaveLength(12);
    const bySource = (kind: string) => items.filter((item) => item.sourceKind === kind).length;
    expect([bySource('bureau_policy'), bySource('analysis_direction'), bySource('voluntary_reform')]).toEqual(
      [6, 3, 3],
    );
    const parks = items.find((item) => item.title.startsWith('Park-PFI'))!;
    expect(parks.sourceLabel).toBe('経営分析 34 公園事業（2024年度）');
    expect(parks.health).toBe('delayed');
    const nursery = await detail(items.find((item) => item.title === '公立保育所の適正配置計画の策定')!.id);
    expect(nursery.sourceLabel).toBe('令和6年度 子ども家庭局X方針');
    expect(nursery.milestones.map((milestone) => milestone.label)).toEqual([
      '2024年度 第2四半期〜2024年度 第3四半期',
      '2024年度 第4四半期',
      '2025年度 第1四半期〜2025年度 第2四半期',
      '2025年度 第3四半期〜2026年度 第4四半期',
    ]);
    expect(nursery.updates.map((update) => update.reportedOn)).toEqual([
      '2025-01-20',
      '2024-09-25',
      '2024-07-10',
    ]);
    expect(nursery.updates[0]!.author?.name).toBe('保育 担当');
    // 待機児童 12 → 6: an actual of 4 has come (12 − 4) ÷ (12 − 6) = 133.3% of the way.
    expect(nursery.kpis[0]!.years.find((year) => year.fiscalYear === 2024)).toMatchObject({
      target: '6',
      actual: '4',
      achievementRatePercent: 133.3,
    });
  });

  it('shows the reform office which owe an update in the quarter of the day asked about', async () => {
    const due = await list('updateDue=true&asOf=2025-03-31');
    expect(due.map((item) => item.title).sort()).toEqual(
      [
        '子育て支援手続のオンライン化',
        '青少年施設の協働運営への移行',
        'Park-PFI による公園の整備・管理の見直し',
        '文化施設の料金体系と指定管理の見直し',
        '道路照明のLED化による電気料金の削減',
        '補助金の終期設定と成果指標の義務化',
        '介護予防教室の効果検証',
      ].sort(),
    );
    // On a day already past, a report made later does not count.
    const september = await list('updateDue=false&asOf=2024-09-30');
    expect(september.map((item) => item.title).sort()).toEqual(
      [
        '公立保育所の適正配置計画の策定',
        '子育て支援手続のオンライン化',
        '青少年施設の協働運営への移行',
        'Park-PFI による公園の整備・管理の見直し',
        '介護認定事務のペーパーレス化',
        'ごみ収集ルートの最適化',
        '全庁業務量調査とBPRの推進',
      ].sort(),
    );
    const summary = await counts('asOf=2025-03-31');
    expect(summary).toMatchObject({ total: 12, updateDue: 7 });
    expect(summary.byStatus).toEqual({ not_started: 2, in_progress: 9, done: 1, stopped: 0 });
  });

  it('shows the reform office whose reports are overdue (a quarter ended without one) and by when each is owed', async () => {
    type Reporting = Item & {
      lastUpdateOn: string | null;
      reportDueOn: string | null;
      isReportOverdue: boolean;
    };
    const all = (await list('asOf=2025-03-31')) as Reporting[];
    const overdue = (await list('overdue=true&asOf=2025-03-31')) as Reporting[];
    const open = all.filter((item) => item.status === 'not_started' || item.status === 'in_progress');
    // Nothing reported since the third quarter began (1 October) by the last day of the year.
    const expected = open.filter((item) => item.lastUpdateOn === null || item.lastUpdateOn < '2024-10-01');
    expect(expected.length).toBeGreaterThan(0);
    expect(overdue.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort());
    for (const item of overdue)
      expect(item).toMatchObject({ isReportOverdue: true, reportDueOn: '2024-12-31' });
    for (const item of open.filter((entry) => !entry.isReportOverdue && entry.isUpdateDue))
      expect(item.reportDueOn).toBe('2025-03-31');
    const done = all.find((item) => item.status === 'done')!;
    expect(done).toMatchObject({ reportDueOn: null, isReportOverdue: false });
    expect((await counts('asOf=2025-03-31')).reportOverdue).toBe(overdue.length);
    const notOverdue = await list('overdue=false&asOf=2025-03-31');
    expect(notOverdue.length + overdue.length).toBe(all.length);
    expect(
      (await t.call('GET', '/api/v1/initiatives?overdue=maybe', { cookie: await as('reform') })).status,
    ).toBe(400);
  });

  it('filters by owner (with the units below it), by the user’s own units and by cluster', async () => {
    const kodomo = await list(`ownerOrgUnitId=${unitIds.kodomo}`);
    expect(kodomo.map((item) => item.ownerOrgUnit.code).sort()).toEqual([
      'kodomo',
      'kodomo-hoiku',
      'kodomo-seishonen',
    ]);
    expect((await list('mine=true', 'kodomo-staff')).length).toBe(3);
    expect(await list('mine=true', 'pt1')).toEqual([]);
    expect((await list(`clusterId=${clusterIds[34]}`)).map((item) => item.title)).toEqual([
      'Park-PFI による公園の整備・管理の見直し',
    ]);
    expect((await list('q=BPR')).map((item) => item.title)).toEqual(['全庁業務量調査とBPRの推進']);
  });

  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/initiatives?fy=2024')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/initiatives/summary?fy=2024')).status).toBe(401);
  });
});

describe('registering and running an initiative', () => {
  let created: Detail;
  const base = {
    fiscalYear: 2024,
    title: '一時預かり事業の予約システム導入',
    sourceKind: 'voluntary_reform',
    clusterIds: [] as string[],
  };

  it('lets the owner unit and the reform office register, and checks the source', async () => {
    const before = await initiativeAuditCount();
    const forbidden = await write('POST', '/api/v1/initiatives', 'kodomo-staff', null, {
      ...base,
      ownerOrgUnitId: unitIds.hoken,
    });
    expect(forbidden.status).toBe(403);
    const policyId = (await t.database.pool.query('select id from bureau_policies limit 1')).rows[0].id;
    const refused: [unknown, number][] = [
      [{ ...base, ownerOrgUnitId: unitIds.kodomo, sourceId: policyId }, 422],
      [{ ...base, ownerOrgUnitId: unitIds.kodomo, sourceKind: 'bureau_policy' }, 422],
      [
        {
          ...base,
          ownerOrgUnitId: unitIds.kodomo,
          sourceKind: 'bureau_policy',
          sourceId: '00000000-0000-4000-8000-000000000001',
        },
        422,
      ],
      [
        { ...base, ownerOrgUnitId: unitIds.kodomo, sourceKind: 'analysis_direction', sourceId: policyId },
        422,
      ],
      [
        { ...base, ownerOrgUnitId: unitIds.kodomo, clusterIds: ['00000000-0000-4000-8000-000000000001'] },
        422,
      ],
      [{ ...base, ownerOrgUnitId: '00000000-0000-4000-8000-000000000001' }, 422],
      [{ ...base, ownerOrgUnitId: unitIds.kodomo, status: 'finished' }, 400],
      [{ ...base, ownerOrgUnitId: unitIds.kodomo, title: '' }, 400],
      [{ ...base, ownerOrgUnitId: unitIds.kodomo, secret: true }, 400],
    ];
    for (const [body, status] of refused) {
      const response = await write('POST', '/api/v1/initiatives', 'kodomo-staff', null, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
    }
    expect(await initiativeAuditCount()).toBe(before);
    // Platinum responses and meeting instructions are other features' records: kept as plain ids.
    const fromPlatinum = await write('POST', '/api/v1/initiatives', 'reform', null, {
      ...base,
      title: 'プラチナ提案: 庁内会議のペーパーレス',
      ownerOrgUnitId: unitIds.somu,
      sourceKind: 'platinum_response',
      sourceId: '00000000-0000-4000-8000-0000000000aa',
    });
    expect(fromPlatinum.status).toBe(201);
    const response = await write('POST', '/api/v1/initiatives', 'kodomo-staff', null, {
      ...base,
      ownerOrgUnitId: unitIds['kodomo-hoiku'],
      clusterIds: [clusterIds[23]!, clusterIds[23]!],
    });
    expect(response.status).toBe(201);
    created = response.body as Detail;
    expect(created).toMatchObject({
      status: 'not_started',
      isUpdateDue: true,
      permissions: { canManage: true, canReport: true },
    });
    expect(response.headers.get('etag')).toBe(`"${created.version}"`);
    expect(await initiativeAuditCount()).toBe(before + 2);
  });

  it('keeps a 工程表 of quarters that run forwards', async () => {
    const path = `/api/v1/initiatives/${created.id}/milestones`;
    const backwards = await write('PUT', path, 'kodomo-staff', created.version, {
      milestones: [
        { title: '導入', from: { fiscalYear: 2025, quarter: 2 }, to: { fiscalYear: 2025, quarter: 1 } },
      ],
    });
    expect(backwards.status).toBe(400);
    expect((backwards.body as { errors: { path: string }[] }).errors[0]!.path).toBe('milestones.0.to');
    const badQuarter = await write('PUT', path, 'kodomo-staff', created.version, {
      milestones: [
        { title: '導入', from: { fiscalYear: 2025, quarter: 5 }, to: { fiscalYear: 2025, quarter: 5 } },
      ],
    });
    expect(badQuarter.status).toBe(400);
    expect((await write('PUT', path, 'kodomo-staff', null, { milestones: [] })).status).toBe(428);
    const saved = await write('PUT', path, 'kodomo-staff', created.version, {
      milestones: [
        {
          title: '仕様検討',
          from: { fiscalYear: 2024, quarter: 3 },
          to: { fiscalYear: 2024, quarter: 4 },
          isDone: true,
        },
        { title: '運用開始', from: { fiscalYear: 2025, quarter: 3 }, to: { fiscalYear: 2025, quarter: 3 } },
      ],
    });
    expect(saved.status).toBe(200);
    created = saved.body as Detail;
    const roadmap = await t.call(
      'GET',
      `/api/v1/initiatives/roadmap?fy=2024&ownerOrgUnitId=${unitIds['kodomo-hoiku']}`,
      {
        cookie: await as('kodomo-staff'),
      },
    );
    const body = roadmap.body as {
      quarters: { label: string }[];
      items: { title: string; milestones: unknown[] }[];
    };
    expect(body.quarters[0]!.label).toBe('2024年度 第1四半期');
    expect(body.quarters.at(-1)!.label).toBe('2026年度 第4四半期');
    expect(body.items.find((item) => item.title === base.title)!.milestones).toHaveLength(2);
  });

  it('takes progress reports from the owner only, and the dashboard counts follow', async () => {
    const path = `/api/v1/initiatives/${created.id}/updates`;
    const before = await counts('asOf=2025-03-31');
    const report = {
      reportedOn: '2025-03-10',
      body: '予約システムの仕様を確定した。',
      status: 'in_progress',
      health: 'at_risk',
    };
    expect((await write('POST', path, 'reform', created.version, report)).status).toBe(403);
    expect(
      (await write('POST', path, 'kodomo-staff', created.version, { ...report, reportedOn: '2024-02-30' }))
        .status,
    ).toBe(400);
    expect(
      (await write('POST', path, 'kodomo-staff', created.version, { ...report, reportedOn: '2999-04-01' }))
        .status,
    ).toBe(400);
    expect((await write('POST', path, 'kodomo-staff', created.version - 1, report)).status).toBe(412);
    const reported = await write('POST', path, 'kodomo-staff', created.version, report);
    expect(reported.status).toBe(201);
    created = reported.body as Detail;
    expect(created).toMatchObject({ status: 'in_progress', health: 'at_risk', lastUpdateOn: '2025-03-10' });
    const after = await counts('asOf=2025-03-31');
    expect(after.byStatus.in_progress).toBe((before.byStatus.in_progress ?? 0) + 1);
    expect(after.byStatus.not_started).toBe((before.byStatus.not_started ?? 0) - 1);
    expect(after.byHealth.at_risk).toBe((before.byHealth.at_risk ?? 0) + 1);
    expect(after.updateDue).toBe(before.updateDue - 1);
  });

  it('refuses an actual (and so an achievement rate) on a KPI without a target for the year, writing nothing', async () => {
    const saved = await write(
      'PUT',
      `/api/v1/initiatives/${created.id}/kpis`,
      'kodomo-staff',
      created.version,
      {
        kpis: [
          {
            name: '予約のオンライン比率',
            unit: '%',
            baseline: '0',
            targets: [{ fiscalYear: 2025, value: '60' }],
          },
        ],
      },
    );
    expect(saved.status).toBe(200);
    created = saved.body as Detail;
    const kpiId = created.kpis[0]!.id;
    const before = await initiativeAuditCount();
    const withoutTarget = await write(
      'PUT',
      `/api/v1/initiatives/${created.id}/kpis/${kpiId}/actuals/2024`,
      'kodomo-staff',
      created.version,
      { actual: '20' },
    );
    expect(withoutTarget.status).toBe(422);
    expect((withoutTarget.body as { code: string }).code).toBe('kpi_target_missing');
    expect((await detail(created.id)).version).toBe(created.version);
    expect(await initiativeAuditCount()).toBe(before);
    const recorded = await write(
      'PUT',
      `/api/v1/initiatives/${created.id}/kpis/${kpiId}/actuals/2025`,
      'kodomo-staff',
      created.version,
      { actual: '45' },
    );
    expect(recorded.status).toBe(200);
    created = recorded.body as Detail;
    expect(created.kpis[0]!.years).toEqual([
      expect.objectContaining({ fiscalYear: 2025, target: '60', actual: '45', achievementRatePercent: 75 }),
    ]);
    const dropTarget = await write(
      'PUT',
      `/api/v1/initiatives/${created.id}/kpis`,
      'kodomo-staff',
      created.version,
      {
        kpis: [{ id: kpiId, name: '予約のオンライン比率', unit: '%', baseline: '0', targets: [] }],
      },
    );
    expect(dropTarget.status).toBe(422);
    expect((dropTarget.body as { code: string }).code).toBe('kpi_target_missing');
  });

  it('hands an initiative only to a unit the user may act for', async () => {
    const path = `/api/v1/initiatives/${created.id}`;
    expect(
      (await write('PATCH', path, 'kodomo-staff', created.version, { ownerOrgUnitId: unitIds.hoken })).status,
    ).toBe(403);
    const moved = await write('PATCH', path, 'kodomo-staff', created.version, {
      ownerOrgUnitId: unitIds.kodomo,
      clusterIds: [clusterIds[22]!, clusterIds[23]!],
    });
    expect(moved.status).toBe(200);
    expect((moved.body as Item).ownerOrgUnit.code).toBe('kodomo');
    expect((await write('PATCH', path, 'pt1', (moved.body as Item).version, { title: 'x' })).status).toBe(
      403,
    );
    created = moved.body as Detail;
  });

  it('sets how often progress is reported (quarterly by default); the due date follows it', async () => {
    type Reporting = Detail & { updateCadence: string; reportDueOn: string | null };
    const path = `/api/v1/initiatives/${created.id}`;
    const read = async (asOf: string) =>
      (await t.call('GET', `${path}?asOf=${asOf}`, { cookie: await as('kodomo-staff') })).body as Reporting;
    const before = await read('2024-11-10');
    expect(before.updateCadence).toBe('quarterly');
    const audits = await initiativeAuditCount();
    const bad = await write('PATCH', path, 'kodomo-staff', before.version, { updateCadence: 'weekly' });
    expect(bad.status).toBe(400);
    expect(await initiativeAuditCount()).toBe(audits);
    const monthly = await write('PATCH', path, 'kodomo-staff', before.version, { updateCadence: 'monthly' });
    expect(monthly.status).toBe(200);
    expect(await initiativeAuditCount()).toBe(audits + 1);
    const after = await read('2024-11-10');
    expect(after.updateCadence).toBe('monthly');
    expect(before.reportDueOn).toBe('2024-12-31');
    expect(after.reportDueOn).toBe('2024-11-30');
  });
});

describe('the OpenAPI document', () => {
  it('describes every initiative route', async () => {
    const doc = (await t.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/initiatives',
      '/api/v1/initiatives/summary',
      '/api/v1/initiatives/roadmap',
      '/api/v1/initiatives/{id}',
      '/api/v1/initiatives/{id}/milestones',
      '/api/v1/initiatives/{id}/updates',
      '/api/v1/initiatives/{id}/kpis',
      '/api/v1/initiatives/{id}/kpis/{kpiId}/actuals/{fiscalYear}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
