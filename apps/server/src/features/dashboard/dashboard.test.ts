import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Breakdown = { key: string; count: number };
type Dashboard = {
  fiscalYear: number;
  orgUnit: { id: string; name: string } | null;
  analyses: {
    clusterCount: number;
    targetCount: number;
    byStage: Breakdown[];
    byGroup: { key: string; clusterCount: number; targetCount: number; byStage: Breakdown[] }[];
  };
  meetings: {
    held: number;
    planned: number;
    items: { title: string; spanLabel: { ja: string }; isHeld: boolean }[];
  };
  policies: { isAvailable: boolean; byStatus: Breakdown[] };
  initiatives: { isAvailable: boolean; total: number; byStatus: Breakdown[]; stale: number };
  effects: {
    isAvailable: boolean;
    planned: string;
    actual: string;
    total: string;
    target: { name: string } | null;
    percentOfTarget: number | null;
  };
  needs: { isAvailable: boolean; total: number; bySide: Breakdown[]; byStatus: Breakdown[] };
};
type Records = {
  title: { ja: string };
  isAvailable: boolean;
  items: { label: string; link: { type: string; id: string } }[];
};
type Overview = {
  boxes: { id: string; figures: { value: number; drill: { metric: string; key: string } | null }[] }[];
};

let t: TestApp;
let cookie: string;
let kodomoId: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.signIn('kodomo-staff');
  kodomoId = (await t.database.pool.query("select id from org_units where code = 'kodomo'")).rows[0].id;
});
afterAll(async () => {
  await t.close();
});

async function sql(query: string, params: unknown[] = []) {
  return (await t.database.pool.query(query, params)).rows;
}

describe('the progress dashboard', () => {
  it('counts the year’s analyses by stage and group from the records', async () => {
    const response = await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie });
    expect(response.status).toBe(200);
    const body = response.body as Dashboard;
    const targets = await sql(
      'select stage, count(*)::int as n from analyses where fiscal_year = 2024 group by stage',
    );
    const targetCount = targets.reduce((sum, row) => sum + row.n, 0);
    expect(targetCount).toBeGreaterThanOrEqual(5);
    expect(body.analyses.clusterCount).toBe(57);
    expect(body.analyses.targetCount).toBe(targetCount);
    for (const row of targets) {
      expect(body.analyses.byStage.find((entry) => entry.key === row.stage)?.count).toBe(row.n);
    }
    expect(body.analyses.byGroup.map((group) => [group.key, group.clusterCount])).toEqual([
      ['policy_program', 42],
      ['cross_cutting', 8],
      ['organization', 7],
    ]);
    expect(body.analyses.byGroup.reduce((sum, group) => sum + group.targetCount, 0)).toBe(targetCount);
    expect(body.effects.total).toMatch(/^\d+$/);
  });

  it('lists the six meetings with their dates as the seed gives them', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    const held = (
      await sql(
        'select count(*)::int as n from meetings where fiscal_year = 2024 and actual_date is not null',
      )
    )[0].n;
    expect(body.meetings.held).toBe(held);
    expect(body.meetings.held + body.meetings.planned).toBe(6);
    expect(body.meetings.items.map((item) => item.spanLabel.ja).slice(3)).toEqual([
      '10月上旬',
      '11月上旬',
      '12月下旬',
    ]);
  });

  it('narrows to a bureau and the units below it', async () => {
    const response = await t.call('GET', `/api/v1/dashboard?fy=2024&orgUnit=${kodomoId}`, { cookie });
    expect(response.status).toBe(200);
    const body = response.body as Dashboard;
    expect(body.orgUnit?.name).toBe('子ども家庭局');
    // Clusters 22–25 belong to 子ども家庭局 in the FY2024 data set.
    expect(body.analyses.clusterCount).toBe(4);
    const kodomoTargets = await sql(
      `select count(*)::int as n from analyses a join cluster_owners o on o.cluster_id = a.cluster_id
       where a.fiscal_year = 2024 and o.org_unit_id = $1`,
      [kodomoId],
    );
    expect(body.analyses.targetCount).toBe(kodomoTargets[0].n);
  });

  it('refuses signed-out callers and bad filters', async () => {
    expect((await t.call('GET', '/api/v1/dashboard?fy=2024')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/overview?fy=2024')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/dashboard?fy=2024&orgUnit=nope', { cookie })).status).toBe(400);
    const unknownUnit = await t.call(
      'GET',
      '/api/v1/dashboard?fy=2024&orgUnit=00000000-0000-4000-8000-000000000000',
      {
        cookie,
      },
    );
    expect(unknownUnit.status).toBe(400);
    expect((await t.call('GET', '/api/v1/dashboard?fy=1990', { cookie })).status).toBe(404);
  });
  it('counts initiatives and the year’s effect lines from their streams', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    const initiatives = await sql(
      'select status, count(*)::int as n from initiatives where fiscal_year = 2024 group by status',
    );
    expect(body.initiatives.isAvailable).toBe(true);
    expect(body.initiatives.total).toBe(initiatives.reduce((sum, row) => sum + row.n, 0));
    for (const row of initiatives) {
      expect(body.initiatives.byStatus.find((entry) => entry.key === row.status)?.count).toBe(row.n);
    }
    const effects = await sql(
      'select stage, coalesce(sum(amount), 0)::text as total from effects where fiscal_year = 2024 group by stage',
    );
    const sumOf = (stage: string) => effects.find((row) => row.stage === stage)?.total ?? '0';
    expect(body.effects).toMatchObject({
      isAvailable: true,
      planned: sumOf('planned'),
      actual: sumOf('actual'),
    });
    const drill = (
      await t.call('GET', '/api/v1/dashboard/records?fy=2024&metric=effects&key=all', { cookie })
    ).body as Records;
    const lines = await sql('select count(*)::int as n from effects where fiscal_year = 2024');
    expect(drill.items).toHaveLength(lines[0].n);
  });
  it('counts needs by side and status and lists them without the reporter', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    const sides = await sql(
      'select side, count(*)::int as n from needs where fiscal_year = 2024 group by side',
    );
    expect(body.needs.isAvailable).toBe(true);
    expect(body.needs.total).toBe(sides.reduce((sum, row) => sum + row.n, 0));
    for (const row of sides)
      expect(body.needs.bySide.find((entry) => entry.key === row.side)?.count).toBe(row.n);
    const drill = (await t.call('GET', '/api/v1/dashboard/records?fy=2024&metric=needs&key=all', { cookie }))
      .body as Records;
    expect(drill.items).toHaveLength(body.needs.total);
    const reporters = await sql(
      'select reporter_name, reporter_contact from needs where reporter_name is not null',
    );
    const text = JSON.stringify(drill);
    for (const row of reporters) {
      expect(text).not.toContain(row.reporter_name);
      if (row.reporter_contact) expect(text).not.toContain(row.reporter_contact);
    }
  });

  it('lists the initiatives owing an update and measures the ledger against its target', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    const stale = (
      await t.call('GET', '/api/v1/dashboard/records?fy=2024&metric=initiatives&key=stale', { cookie })
    ).body as Records;
    expect(stale.items).toHaveLength(body.initiatives.stale);
    const targets = await sql(
      'select name from effect_targets where start_fiscal_year <= 2024 and end_fiscal_year >= 2024',
    );
    if (targets.length) {
      expect(body.effects.target?.name).toBe(targets[0].name);
      expect(body.effects.percentOfTarget).not.toBeNull();
    }
    const kodomo = (await t.call('GET', `/api/v1/dashboard?fy=2024&orgUnit=${kodomoId}`, { cookie }))
      .body as Dashboard;
    expect(kodomo.effects.percentOfTarget).toBeNull();
  });
});

describe('drill-down', () => {
  it('gives the records behind each analysis number', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    for (const stage of body.analyses.byStage) {
      const response = await t.call(
        'GET',
        `/api/v1/dashboard/records?fy=2024&metric=analyses&key=stage:${stage.key}`,
        {
          cookie,
        },
      );
      expect(response.status).toBe(200);
      const records = response.body as Records;
      expect(records.items.length).toBe(stage.count);
      for (const item of records.items) expect(item.link.type).toBe('analysis');
    }
    const group = body.analyses.byGroup[0]!;
    const drill = (
      await t.call('GET', `/api/v1/dashboard/records?fy=2024&metric=analyses&key=group:${group.key}`, {
        cookie,
      })
    ).body as Records;
    expect(drill.items.length).toBe(group.targetCount);
    const all = (await t.call('GET', '/api/v1/dashboard/records?fy=2024&metric=clusters&key=all', { cookie }))
      .body as Records;
    expect(all.items).toHaveLength(57);
    expect(all.items[0]!.label).toBe('1 戦略的広報');
  });

  it('gives the meetings held and planned', async () => {
    const body = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie })).body as Dashboard;
    const planned = (
      await t.call('GET', '/api/v1/dashboard/records?fy=2024&metric=meetings&key=planned', { cookie })
    ).body as Records;
    expect(planned.items).toHaveLength(body.meetings.planned);
    expect(planned.items.every((item) => item.link.type === 'meeting')).toBe(true);
  });

  it('answers every stream’s figure, and refuses keys it does not know', async () => {
    for (const [metric, key] of [
      ['policies', 'status:published'],
      ['initiatives', 'stale'],
      ['effects', 'actual'],
      ['platinum', 'stage:announced'],
      ['needs', 'side:recipient'],
    ]) {
      const response = await t.call('GET', `/api/v1/dashboard/records?fy=2024&metric=${metric}&key=${key}`, {
        cookie,
      });
      expect(response.status, `${metric} ${key}`).toBe(200);
    }
    for (const query of [
      'metric=analyses&key=stage:nope',
      'metric=analyses&key=group:nope',
      'metric=meetings&key=soon',
      'metric=needs&key=side:',
      'metric=secrets&key=all',
      'metric=analyses&key=DROP%20TABLE',
    ]) {
      const response = await t.call('GET', `/api/v1/dashboard/records?fy=2024&${query}`, { cookie });
      expect(response.status, query).toBe(400);
      expect((response.body as { code: string }).code).toBe('validation_failed');
    }
  });
});

describe('the whole picture', () => {
  it('has every part of slide 1 with live counts that drill down', async () => {
    const response = await t.call('GET', '/api/v1/overview?fy=2024', { cookie });
    expect(response.status).toBe(200);
    const body = response.body as Overview;
    expect(body.boxes.map((box) => box.id)).toEqual([
      'bearers',
      'x_meeting',
      'bureau_policy',
      'needs',
      'analysis',
      'voluntary',
      'platinum',
    ]);
    const analysis = body.boxes.find((box) => box.id === 'analysis')!;
    expect(analysis.figures[0]).toMatchObject({ value: 57, drill: { metric: 'clusters', key: 'all' } });
    for (const box of body.boxes) {
      for (const figure of box.figures) {
        if (!figure.drill) continue;
        const drill = await t.call(
          'GET',
          `/api/v1/dashboard/records?fy=2024&metric=${figure.drill.metric}&key=${figure.drill.key}`,
          { cookie },
        );
        expect(drill.status, `${box.id} ${figure.drill.key}`).toBe(200);
      }
    }
  });
});
