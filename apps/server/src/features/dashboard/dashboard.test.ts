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
  items: { id: string; label: string; link: { type: string; id: string } }[];
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

/**
 * A write (or read) with plain SQL on another connection. On PostgreSQL the cached dashboard must
 * see such a write at once by itself; the embedded database has no other writer than its app, so
 * there a test write stands for a write through the app, which forgets the remembered cache stamps.
 */
async function sql(query: string, params: unknown[] = []) {
  const rows = (await t.database.pool.query(query, params)).rows;
  if (t.database.kind === 'embedded') t.cacheStamps.clear();
  return rows;
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

type StreamDashboard = {
  today: string;
  analyses: {
    effects: { planned: string; actual: string; analysesWithEffects: number };
  };
  meetings: {
    next: {
      id: string;
      title: string;
      analysesDue: { label: string; stage: string; isReported: boolean }[];
    } | null;
    items: {
      id: string;
      title: string;
      reports: { title: string; link: { type: string; id: string } | null }[];
      decisionCount: number;
      openActionCount: number;
    }[];
    decisions: number;
    actions: { total: number; open: number; overdue: number; byStatus: Breakdown[] };
  };
  policies: {
    isAvailable: boolean;
    total: number;
    byStatus: Breakdown[];
    byBureau: { orgUnit: { name: string }; status: string; title: string; isTitleShown: boolean }[];
  };
  platinum: {
    isAvailable: boolean;
    campaignTitle: string | null;
    funnel: Breakdown[];
    byTheme: { key: string; funnel: Breakdown[] }[];
    byBureau: { orgUnit: { name: string } | null; funnel: Breakdown[] }[];
    stepDurations: { step: string; averageDays: number | null; passed: number }[];
    overdue: number;
  };
};

async function streams(query = ''): Promise<StreamDashboard> {
  const response = await t.call('GET', `/api/v1/dashboard?fy=2024${query}`, { cookie });
  expect(response.status).toBe(200);
  return response.body as StreamDashboard;
}

async function drill(metric: string, key: string, query = ''): Promise<Records> {
  const response = await t.call(
    'GET',
    `/api/v1/dashboard/records?fy=2024&metric=${metric}&key=${key}${query}`,
    {
      cookie,
    },
  );
  expect(response.status, `${metric} ${key}`).toBe(200);
  return response.body as Records;
}

const countOf = (items: Breakdown[], key: string) => items.find((item) => item.key === key)?.count;

describe('the X meetings behind the dashboard', () => {
  it('shows what each meeting reported, its decisions and the open and overdue instructions', async () => {
    const body = await streams();
    const agenda = await sql(
      `select m.id as meeting_id, a.title from agenda_items a join meetings m on m.id = a.meeting_id
       where m.fiscal_year = 2024 order by m.sequence, a.position`,
    );
    expect(agenda.length).toBeGreaterThan(0);
    for (const meeting of body.meetings.items) {
      expect(meeting.reports.map((report) => report.title)).toEqual(
        agenda.filter((row) => row.meeting_id === meeting.id).map((row) => row.title),
      );
    }
    const first = body.meetings.items.find((meeting) => meeting.title === '第1回X会議')!;
    expect(first.reports[0]!.link?.type).toBe('analysis');
    const decisions = await sql(
      'select count(*)::int as n from meeting_decisions d join meetings m on m.id = d.meeting_id where m.fiscal_year = 2024',
    );
    expect(body.meetings.decisions).toBe(decisions[0].n);
    expect(body.meetings.items.reduce((sum, meeting) => sum + meeting.decisionCount, 0)).toBe(decisions[0].n);
    expect((await drill('meetings', 'decisions')).items).toHaveLength(decisions[0].n);

    const actions = await sql(
      `select a.status, a.due_date::text as due from meeting_actions a join meetings m on m.id = a.meeting_id
       where m.fiscal_year = 2024`,
    );
    expect(body.meetings.actions.total).toBe(actions.length);
    expect(body.meetings.actions.open).toBe(actions.filter((row) => row.status !== 'closed').length);
    expect(body.meetings.actions.overdue).toBe(
      actions.filter((row) => row.status !== 'closed' && row.due < body.today).length,
    );
    for (const status of ['open', 'in_progress', 'reported', 'closed'])
      expect(countOf(body.meetings.actions.byStatus, status)).toBe(
        actions.filter((row) => row.status === status).length,
      );
  });

  it('counts a new overdue instruction, and only for the bureau that owns it', async () => {
    const before = await streams();
    const kodomoBefore = await streams(`&orgUnit=${kodomoId}`);
    const kankyo = (await sql("select id from org_units where code = 'kankyo'"))[0].id;
    const item = (
      await sql(
        `select a.id, a.meeting_id from agenda_items a join meetings m on m.id = a.meeting_id
         where m.fiscal_year = 2024 and m.sequence = 2 order by a.position limit 1`,
      )
    )[0];
    await sql(
      `insert into meeting_actions (meeting_id, agenda_item_id, body, owner_org_unit_id, due_date, status)
       values ($1, $2, 'ごみ収集ルートの見直し案を示すこと。', $3, '2024-09-01', 'open')`,
      [item.meeting_id, item.id, kankyo],
    );
    const after = await streams();
    expect(after.meetings.actions.open).toBe(before.meetings.actions.open + 1);
    expect(after.meetings.actions.overdue).toBe(before.meetings.actions.overdue + 1);
    const meeting = after.meetings.items.find((candidate) => candidate.id === item.meeting_id)!;
    expect(meeting.openActionCount).toBe(
      before.meetings.items.find((candidate) => candidate.id === item.meeting_id)!.openActionCount + 1,
    );
    const overdue = await drill('meetings', 'actions:overdue');
    expect(overdue.items).toHaveLength(after.meetings.actions.overdue);
    expect(overdue.items.some((row) => row.label.startsWith('ごみ収集ルート'))).toBe(true);
    expect(overdue.items.every((row) => row.link.type === 'meeting')).toBe(true);
    const kodomoAfter = await streams(`&orgUnit=${kodomoId}`);
    expect(kodomoAfter.meetings.actions).toEqual(kodomoBefore.meetings.actions);
    const open = await drill('meetings', 'actions:open', `&orgUnit=${kodomoId}`);
    expect(open.items).toHaveLength(kodomoAfter.meetings.actions.open);
  });
});

describe('the analyses due and their effects', () => {
  it('names what is due at the next X meeting and sums the analyses’ effect amounts', async () => {
    const body = await streams();
    expect(body.meetings.next?.title).toBe('第3回X会議');
    const due = await sql(
      `select r.number, r.name, d.stage from analysis_due_meetings d
       join analyses a on a.id = d.analysis_id
       join cluster_revisions r on r.cluster_id = a.cluster_id and r.valid_to_fiscal_year is null
       where d.meeting_id = $1 order by r.number`,
      [body.meetings.next!.id],
    );
    expect(due.length).toBeGreaterThan(0);
    expect(body.meetings.next!.analysesDue.map((item) => [item.label, item.stage])).toEqual(
      due.map((row) => [`${row.number} ${row.name}`, row.stage]),
    );
    // As the ledger counts them: each analysis's newest accepted or reported version, never a working copy.
    const newest = `select distinct on (v.analysis_id) v.analysis_id, v.id, v.content from analysis_versions v
       join analyses a on a.id = v.analysis_id
       where a.fiscal_year = 2024 and v.status in ('accepted', 'reported')
       order by v.analysis_id, v.number desc`;
    const effects = await sql(
      `select line->>'stage' as stage, sum((line->>'amount')::numeric)::text as total
       from (${newest}) n cross join lateral jsonb_array_elements(coalesce(n.content->'effects', '[]'::jsonb)) line
       group by line->>'stage'`,
    );
    const sumOf = (stage: string) => effects.find((row) => row.stage === stage)?.total ?? '0';
    expect(body.analyses.effects.planned).toBe(sumOf('planned'));
    expect(body.analyses.effects.actual).toBe(sumOf('actual'));

    const analysisId = (
      await sql(
        `select a.id from analyses a join cluster_revisions r on r.cluster_id = a.cluster_id
         where a.fiscal_year = 2024 and r.number = 25`,
      )
    )[0].id;
    // A line in the working copy is a draft: the figure stays.
    await sql(
      `insert into analysis_effects (analysis_id, position, label, fiscal_year, category, recurrence, stage, amount)
       values ($1, 99, '施設統合による維持費削減', 2025, 'expenditure_cut', 'recurring', 'actual', 7000000)`,
      [analysisId],
    );
    const drafted = await streams();
    expect(drafted.analyses.effects).toEqual(body.analyses.effects);
    // The same line in the newest accepted version counts.
    const version = (await sql(`select id from (${newest}) n where n.analysis_id = $1`, [analysisId]))[0];
    expect(version, 'analysis 25 has an accepted or reported version in the demo').toBeDefined();
    await sql(
      `update analysis_versions set content = jsonb_set(content, '{effects}', coalesce(content->'effects', '[]'::jsonb) ||
         jsonb_build_array(jsonb_build_object('label', '施設統合による維持費削減', 'fiscalYear', 2025, 'endFiscalYear', null,
           'category', 'expenditure_cut', 'recurrence', 'recurring', 'stage', 'actual', 'amount', '7000000', 'basis', '')))
       where id = $1`,
      [version.id],
    );
    const after = await streams();
    expect(BigInt(after.analyses.effects.actual)).toBe(BigInt(body.analyses.effects.actual) + 7_000_000n);
    expect(after.analyses.effects.planned).toBe(body.analyses.effects.planned);
  });
});

describe('the bureau X policies', () => {
  it('counts each bureau’s policy by the state of its latest version, and a new draft', async () => {
    const body = await streams();
    const latest = await sql(
      `select v.status, count(*)::int as n from bureau_policies p
       join bureau_policy_versions v on v.policy_id = p.id and v.version_number = p.latest_version_number
       where p.fiscal_year = 2024 group by v.status`,
    );
    expect(body.policies.isAvailable).toBe(true);
    expect(body.policies.total).toBe(latest.reduce((sum, row) => sum + row.n, 0));
    for (const row of latest) expect(countOf(body.policies.byStatus, row.status)).toBe(row.n);
    expect(body.policies.byBureau).toHaveLength(body.policies.total);

    const unit =
      (
        await sql(
          `select u.id, u.name from org_units u where u.parent_id is null and not exists
           (select 1 from bureau_policies p where p.org_unit_id = u.id and p.fiscal_year = 2024)
         order by u.sort_order limit 1`,
        )
      )[0] ??
      (
        await sql(
          `select u.id, u.name from org_units u where not exists
             (select 1 from bureau_policies p where p.org_unit_id = u.id and p.fiscal_year = 2024) limit 1`,
        )
      )[0];
    const policy = (
      await sql('insert into bureau_policies (org_unit_id, fiscal_year) values ($1, 2024) returning id', [
        unit.id,
      ])
    )[0];
    await sql(
      "insert into bureau_policy_versions (policy_id, version_number, status, title) values ($1, 1, 'draft', '令和6年度 X方針（案）')",
      [policy.id],
    );
    const after = await streams();
    expect(after.policies.total).toBe(body.policies.total + 1);
    expect(countOf(after.policies.byStatus, 'draft')).toBe(countOf(body.policies.byStatus, 'draft')! + 1);
    // Another unit's draft shows its state but not its title; the reform office reads the title.
    expect(after.policies.byBureau.find((row) => row.orgUnit.name === unit.name)).toMatchObject({
      status: 'draft',
      title: '（公表前）',
      isTitleShown: false,
    });
    expect(JSON.stringify(after)).not.toContain('令和6年度 X方針（案）');
    const reform = await t.signIn('reform');
    const asOffice = (await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie: reform }))
      .body as StreamDashboard;
    expect(asOffice.policies.byBureau.find((row) => row.orgUnit.name === unit.name)?.title).toBe(
      '令和6年度 X方針（案）',
    );
    const drafts = await drill('policies', 'status:draft');
    expect(drafts.items).toHaveLength(countOf(after.policies.byStatus, 'draft')!);
    expect(drafts.items.find((row) => row.id === policy.id)?.link).toEqual({
      type: 'bureau_policy',
      id: policy.id,
    });
  });
});

describe('the Platinum funnel', () => {
  it('counts the ideas that reached each stage, by theme and bureau, and a new idea', async () => {
    const body = await streams();
    expect(body.platinum.isAvailable).toBe(true);
    expect(body.platinum.campaignTitle).toContain('プラチナ');
    const live = await sql(
      `select count(*)::int as n from platinum_ideas i join platinum_campaigns c on c.id = i.campaign_id
       where c.fiscal_year = 2024 and i.status in ('submitted', 'grouped', 'merged')`,
    );
    expect(countOf(body.platinum.funnel, 'submitted')).toBe(live[0].n);
    const announced = await sql(
      `select count(*)::int as n from platinum_ideas i join platinum_issues s on s.id = i.issue_id
       join platinum_campaigns c on c.id = i.campaign_id
       where c.fiscal_year = 2024 and i.status = 'grouped' and s.status in ('announced', 'implemented')`,
    );
    expect(countOf(body.platinum.funnel, 'announced')).toBe(announced[0].n);
    for (const stage of body.platinum.funnel) {
      expect(body.platinum.byTheme.reduce((sum, theme) => sum + countOf(theme.funnel, stage.key)!, 0)).toBe(
        stage.count,
      );
      expect(
        body.platinum.byBureau.reduce((sum, bureau) => sum + countOf(bureau.funnel, stage.key)!, 0),
      ).toBe(stage.count);
    }
    expect(body.platinum.stepDurations.map((step) => step.step)).toContain('sent_on_to_decided');
    const overdue = await sql(
      `select count(*)::int as n from platinum_issues s join platinum_assignments a on a.issue_id = s.id
       join platinum_campaigns c on c.id = s.campaign_id
       where c.fiscal_year = 2024 and s.status = 'sent_on' and a.due_on < $1`,
      [body.today],
    );
    expect(body.platinum.overdue).toBe(overdue[0].n);
    expect((await drill('platinum', 'overdue')).items).toHaveLength(overdue[0].n);

    const campaign = (await sql('select id from platinum_campaigns where fiscal_year = 2024 limit 1'))[0];
    const author = (await sql("select id from users where login = 'staff2'"))[0];
    await sql(
      `insert into platinum_ideas (campaign_id, number, theme, title, problem, proposal, author_id, search_key, similarity_key)
       values ($1, (select max(number) + 1 from platinum_ideas where campaign_id = $1), 'office',
               '会議室の予約を一本化する', '予約台帳が課ごとにある', '全庁で一つの予約システムにする', $2, 'k', 'k')`,
      [campaign.id, author.id],
    );
    const after = await streams();
    expect(countOf(after.platinum.funnel, 'submitted')).toBe(live[0].n + 1);
    expect(countOf(after.platinum.funnel, 'grouped')).toBe(countOf(body.platinum.funnel, 'grouped'));
    const office = after.platinum.byTheme.find((theme) => theme.key === 'office')!;
    expect(countOf(office.funnel, 'submitted')).toBe(
      countOf(body.platinum.byTheme.find((theme) => theme.key === 'office')!.funnel, 'submitted')! + 1,
    );
    const submitted = await drill('platinum', 'stage:submitted');
    expect(submitted.items).toHaveLength(live[0].n + 1);
    expect(submitted.items.some((item) => item.label.endsWith('会議室の予約を一本化する'))).toBe(true);
    expect(submitted.items.every((item) => item.link.type === 'platinum_idea')).toBe(true);
    const byTheme = await drill('platinum', 'theme:office:stage:submitted');
    expect(byTheme.items).toHaveLength(countOf(office.funnel, 'submitted')!);
  });

  it('never names who proposed an idea', async () => {
    const authors = await sql(
      `select distinct u.display_name from platinum_ideas i join users u on u.id = i.author_id`,
    );
    for (const key of ['stage:submitted', 'stage:grouped', 'stage:announced', 'overdue']) {
      const text = JSON.stringify(await drill('platinum', key));
      for (const row of authors) expect(text, key).not.toContain(row.display_name);
    }
    const text = JSON.stringify(await streams());
    for (const row of authors) expect(text).not.toContain(row.display_name);
  });

  it('keeps to the ideas sent to a bureau, and refuses keys it does not know', async () => {
    const kodomo = await streams(`&orgUnit=${kodomoId}`);
    const sent = await sql(
      `select count(*)::int as n from platinum_ideas i join platinum_assignments a on a.issue_id = i.issue_id
       join org_units u on u.id = a.org_unit_id
       where i.status = 'grouped' and (u.id = $1 or u.parent_id = $1)`,
      [kodomoId],
    );
    expect(countOf(kodomo.platinum.funnel, 'grouped')).toBe(sent[0].n);
    for (const key of ['theme:nope:stage:grouped', 'theme:office:overdue', 'stage:gone', 'theme:office']) {
      const response = await t.call('GET', `/api/v1/dashboard/records?fy=2024&metric=platinum&key=${key}`, {
        cookie,
      });
      expect(response.status, key).toBe(400);
    }
    for (const key of ['actions:soon', 'actions:status:gone', 'decision']) {
      const response = await t.call('GET', `/api/v1/dashboard/records?fy=2024&metric=meetings&key=${key}`, {
        cookie,
      });
      expect(response.status, key).toBe(400);
    }
  });
});

describe('the cached dashboard', () => {
  it('shows a write in each stream in the next answer', async () => {
    const whole = async () => (await streams()) as unknown as Dashboard;
    const before = await whole();
    const need = (await sql('select id from needs where fiscal_year = 2024 limit 1'))[0];
    await sql('update needs set fiscal_year = 2023 where id = $1', [need.id]);
    const initiative = (await sql('select id from initiatives where fiscal_year = 2024 limit 1'))[0];
    await sql('update initiatives set fiscal_year = 2023 where id = $1', [initiative.id]);
    const line = (await sql('select id from effects where fiscal_year = 2024 limit 1'))[0];
    await sql('update effects set amount = amount + 1000 where id = $1', [line.id]);
    const after = await whole();
    expect(after.needs.total).toBe(before.needs.total - 1);
    expect(after.initiatives.total).toBe(before.initiatives.total - 1);
    expect(BigInt(after.effects.total)).toBe(BigInt(before.effects.total) + 1000n);
    await sql('update needs set fiscal_year = 2024 where id = $1', [need.id]);
    await sql('update initiatives set fiscal_year = 2024 where id = $1', [initiative.id]);
    await sql('update effects set amount = amount - 1000 where id = $1', [line.id]);
    const restored = await whole();
    expect(restored.needs.total).toBe(before.needs.total);
    expect(restored.initiatives.total).toBe(before.initiatives.total);
    expect(restored.effects.total).toBe(before.effects.total);
  });

  it('answers each visibility class with its own policy titles, never another class’s cached answer', async () => {
    const units = await sql(
      `select u.id, u.name from org_units u where u.code <> 'kodomo' and not exists
         (select 1 from bureau_policies p where p.org_unit_id = u.id and p.fiscal_year = 2024)
       order by u.sort_order, u.code limit 2`,
    );
    // One unit's first draft, consulted with 子ども家庭局; another's revision of a published policy.
    const drafted = (
      await sql('insert into bureau_policies (org_unit_id, fiscal_year) values ($1, 2024) returning id', [
        units[0].id,
      ])
    )[0];
    const version = (
      await sql(
        "insert into bureau_policy_versions (policy_id, version_number, status, title, consultation_round) values ($1, 1, 'consulting', '合議中の方針案', 1) returning id",
        [drafted.id],
      )
    )[0];
    await sql(
      'insert into bureau_policy_consultations (version_id, round, org_unit_id, position) values ($1, 1, $2, 1)',
      [version.id, kodomoId],
    );
    const revised = (
      await sql(
        'insert into bureau_policies (org_unit_id, fiscal_year, latest_version_number, published_version_number) values ($1, 2024, 2, 1) returning id',
        [units[1].id],
      )
    )[0];
    await sql(
      "insert into bureau_policy_versions (policy_id, version_number, status, title) values ($1, 1, 'superseded', '公表中の方針'), ($1, 2, 'draft', '改訂中の方針案')",
      [revised.id],
    );
    const titles = async (login: string) => {
      const response = await t.call('GET', '/api/v1/dashboard?fy=2024', { cookie: await t.signIn(login) });
      expect(response.status).toBe(200);
      const rows = (response.body as StreamDashboard).policies.byBureau;
      return {
        drafted: rows.find((row) => row.orgUnit.name === units[0].name),
        revised: rows.find((row) => row.orgUnit.name === units[1].name),
      };
    };
    // The executives read every draft first, so their answer is the one in the cache.
    const mayor = await titles('mayor');
    expect(mayor.drafted).toMatchObject({ title: '合議中の方針案', isTitleShown: true });
    expect(mayor.revised).toMatchObject({ title: '改訂中の方針案', isTitleShown: true });
    // Staff of another bureau: the published version's title, and nothing of a first draft.
    const staff = await titles('staff2');
    expect(staff.drafted).toMatchObject({ title: '（公表前）', isTitleShown: false });
    expect(staff.revised).toMatchObject({ title: '公表中の方針', isTitleShown: true });
    // The consulted bureau's people may read the draft they are consulted on.
    const consulted = await titles('kodomo-staff');
    expect(consulted.drafted).toMatchObject({ title: '合議中の方針案', isTitleShown: true });
    expect(consulted.revised).toMatchObject({ title: '公表中の方針', isTitleShown: true });
    // And the classes stay apart when read again from the cache.
    expect((await titles('staff2')).drafted?.title).toBe('（公表前）');
    expect((await titles('reform')).revised?.title).toBe('改訂中の方針案');
  });
});

describe('a drill-down cut short', () => {
  it('says how many records the figure counts, whatever the list shows', async () => {
    const body = (await streams()) as unknown as Dashboard;
    const needs = (await drill('needs', 'all')) as Records & { total: number };
    expect(needs.total).toBe(body.needs.total);
    expect(needs.items.length).toBeLessThanOrEqual(needs.total);
    const submitted = countOf((await streams()).platinum.funnel, 'submitted')!;
    const ideas = (await drill('platinum', 'stage:submitted')) as Records & { total: number };
    expect(ideas.total).toBe(submitted);
    expect(ideas.items.length).toBe(Math.min(submitted, 500));
  });
});
