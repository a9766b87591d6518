import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
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

type Summary = {
  id: string;
  cluster: { number: number; name: string };
  stage: string;
  reviewStatus: string | null;
  leadOrgUnit: { name: string } | null;
  contact: { displayName: string } | null;
  dueMeetings: { stage: string; meeting: { sequence: number; plannedLabel: string } }[];
  lastReport: {
    stage: string;
    reportedOn: string | null;
    meeting: { sequence: number; title: string } | null;
  } | null;
  isPublished: boolean;
};

async function list(query: string, login: string | null = 'reform') {
  const response = await t.call('GET', `/api/v1/analyses${query}`, {
    cookie: login ? await f.cookie(login) : null,
  });
  expect(response.status, response.text).toBe(200);
  return (response.body as { fiscalYear: number; items: Summary[] }).items;
}

describe('the FY2024 analysis plan of the demo data set', () => {
  it('has the five targets the schedule names, each reported as progress at the X meeting the schedule gives', async () => {
    const items = await list('?fy=2024', null);
    expect(
      items.map((item) => [
        item.cluster.number,
        item.cluster.name,
        item.stage,
        item.lastReport?.meeting?.title,
      ]),
    ).toEqual([
      [13, '文化振興施策', 'progress_reported', '第2回X会議'],
      [22, '保育所・幼稚園', 'progress_reported', '第1回X会議'],
      [23, '子育て支援事業', 'progress_reported', '第1回X会議'],
      [25, '青少年関連事業', 'progress_reported', '第1回X会議'],
      [34, '公園事業', 'progress_reported', '第1回X会議'],
    ]);
    expect(items.map((item) => item.lastReport?.reportedOn)).toEqual([
      '2024-08-21',
      '2024-07-22',
      '2024-07-22',
      '2024-07-22',
      '2024-07-22',
    ]);
    expect(items.every((item) => item.isPublished)).toBe(true);
  });

  it('plans the direction and final reports at the later meetings, with their dates at their real precision', async () => {
    const items = await list('?fy=2024');
    const nursery = items.find((item) => item.cluster.number === 22)!;
    expect(
      nursery.dueMeetings.map((due) => [due.stage, due.meeting.sequence, due.meeting.plannedLabel]),
    ).toEqual([
      ['progress_reported', 1, '7月22日'],
      ['direction_reported', 3, '10月上旬'],
      ['final_reported', 5, '12月下旬'],
    ]);
    expect(nursery.leadOrgUnit?.name).toBe('子ども家庭局');
    expect(nursery.contact?.displayName).toBe('改革 太郎');
  });

  it('has a report with every section, one reported version and work since then for 保育所・幼稚園', async () => {
    const nursery = (await list('?fy=2024')).find((item) => item.cluster.number === 22)!;
    const detail = await f.detail(nursery.id);
    const report = detail.report as Record<string, { text?: string }>;
    expect(report.conclusion!.text).toContain('令和7年度予算');
    const cookie = await f.cookie('reform');
    const versions = await t.call('GET', `/api/v1/analyses/${nursery.id}/versions`, { cookie });
    expect(
      (versions.body as { items: { number: number; status: string; report: string }[] }).items,
    ).toMatchObject([{ number: 1, status: 'reported', report: 'progress_reported' }]);
    const compare = await t.call('GET', `/api/v1/analyses/${nursery.id}/versions/compare?from=1&to=current`, {
      cookie,
    });
    const changed = (compare.body as { sections: { section: string; isChanged: boolean }[] }).sections
      .filter((section) => section.isChanged)
      .map((section) => section.section);
    expect(changed).toEqual(['conclusion']);
  });

  it('sets the programme period the effects must fall in', async () => {
    const setting = await t.database.pool.query(
      "select value from system_settings where key = 'programme.period'",
    );
    expect(setting.rows[0].value).toMatchObject({ startFiscalYear: 2024, endFiscalYear: 2026 });
  });
});

describe('filters', () => {
  it('filters by stage, by org unit (with the units below it) and by the meeting a report is due at', async () => {
    expect((await list('?fy=2024&stage=planned')).length).toBe(0);
    expect((await list('?fy=2024&stage=progress_reported')).length).toBe(5);
    const kodomo = await list(`?fy=2024&orgUnit=${f.orgUnitId('kodomo')}`);
    expect(kodomo.map((item) => item.cluster.number)).toEqual([22, 23, 25]);
    const section = await f.plan(await f.newCluster(), 'kodomo-hoiku');
    const withSection = await list(`?fy=2024&orgUnit=${f.orgUnitId('kodomo')}`);
    expect(withSection.map((item) => item.id)).toContain(section);
    const dueAtThird = await list(`?fy=2024&dueMeeting=${f.meetingId(3)}`);
    expect(dueAtThird.map((item) => item.cluster.number)).toEqual([22, 23, 34]);
  });

  it('answers a bad filter with 400 and an unknown year with 404', async () => {
    const cookie = await f.cookie('reform');
    expect((await t.call('GET', '/api/v1/analyses?fy=2024&stage=done', { cookie })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/analyses?fy=2024&orgUnit=abc', { cookie })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/analyses?fy=1999', { cookie })).status).toBe(404);
  });
});

describe('keeping the plan', () => {
  it('puts a cluster on the plan with a lead org unit, a reform-office contact and due meetings', async () => {
    const response = await t.call('POST', '/api/v1/analyses', {
      cookie: await f.cookie('reform'),
      body: {
        clusterId: f.clusterId(47),
        fiscalYear: 2024,
        leadOrgUnitId: f.orgUnitId('zaisei'),
        contactUserId: (await t.database.pool.query("select id from users where login = 'reform'")).rows[0]
          .id,
        dueMeetings: { direction_reported: f.meetingId(3), final_reported: f.meetingId(5) },
      },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.body).toMatchObject({
      cluster: { number: 47, name: '補助金・負担金の見直し' },
      stage: 'planned',
      isPublished: false,
      leadOrgUnit: { name: '財政局' },
    });
    const register = (await t.call('GET', '/api/v1/clusters?fy=2024')).body as {
      items: { number: number; isAnalysisTarget: boolean }[];
    };
    expect(register.items.find((item) => item.number === 47)?.isAnalysisTarget).toBe(true);
    const again = await t.call('POST', '/api/v1/analyses', {
      cookie: await f.cookie('reform'),
      body: { clusterId: f.clusterId(47), fiscalYear: 2024 },
    });
    expect(again.status).toBe(409);
  });

  it('refuses an unknown cluster, a contact outside the reform office, a meeting of no such year, an unopened year', async () => {
    const cookie = await f.cookie('reform');
    const kodomoStaff = (await t.database.pool.query("select id from users where login = 'kodomo-staff'"))
      .rows[0].id;
    const cases: [Record<string, unknown>, number][] = [
      [{ clusterId: '00000000-0000-4000-8000-000000000000', fiscalYear: 2024 }, 422],
      [{ clusterId: f.clusterId(48), fiscalYear: 2024, contactUserId: kodomoStaff }, 422],
      [
        {
          clusterId: f.clusterId(48),
          fiscalYear: 2024,
          leadOrgUnitId: '00000000-0000-4000-8000-000000000000',
        },
        422,
      ],
      [
        {
          clusterId: f.clusterId(48),
          fiscalYear: 2024,
          dueMeetings: { final_reported: '00000000-0000-4000-8000-000000000000' },
        },
        422,
      ],
      [{ clusterId: f.clusterId(48), fiscalYear: 2030 }, 404],
      [{ clusterId: f.clusterId(48), fiscalYear: 2024, stage: 'final_reported' }, 400],
    ];
    for (const [body, status] of cases) {
      const response = await t.call('POST', '/api/v1/analyses', { cookie, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
    }
    const register = (await t.call('GET', '/api/v1/clusters?fy=2024')).body as {
      items: { number: number; isAnalysisTarget: boolean }[];
    };
    expect(register.items.find((item) => item.number === 48)?.isAnalysisTarget).toBe(false);
  });

  it('changes due meetings and publishes; the public then sees it', async () => {
    const id = await f.plan(49, 'zaisei');
    expect((await t.call('GET', `/api/v1/analyses/${id}`)).status).toBe(404);
    const response = await f.write('reform', 'PATCH', `/api/v1/analyses/${id}`, id, {
      dueMeetings: { progress_reported: f.meetingId(2) },
      isPublished: true,
    });
    expect(response.status, response.text).toBe(200);
    expect(await countFor(t, 'analysis_due_meetings', id)).toBe(1);
    const anonymous = await t.call('GET', `/api/v1/analyses/${id}`);
    expect(anonymous.status).toBe(200);
    expect((anonymous.body as { report: unknown; contact: unknown }).report).toBeNull();
    expect((anonymous.body as { contact: unknown }).contact).toBeNull();
  });

  it('takes a planned analysis off the plan, but not one that has started', async () => {
    const id = await f.plan(50, 'zaisei');
    await f.write('reform', 'PATCH', `/api/v1/analyses/${id}`, id, {
      dueMeetings: { progress_reported: f.meetingId(2) },
    });
    const removed = await f.write('reform', 'DELETE', `/api/v1/analyses/${id}`, id);
    expect(removed.status).toBe(204);
    expect((await t.call('GET', `/api/v1/analyses/${id}`, { cookie: await f.cookie('reform') })).status).toBe(
      404,
    );
    const kept = await f.plan(51, 'zaisei');
    await f.move(kept, { to: 'started' });
    const refused = await f.write('reform', 'DELETE', `/api/v1/analyses/${kept}`, kept);
    expect(refused.status).toBe(409);
  });

  it('answers an unknown or malformed id with 404 or 400', async () => {
    const cookie = await f.cookie('reform');
    expect(
      (await t.call('GET', '/api/v1/analyses/00000000-0000-4000-8000-000000000000', { cookie })).status,
    ).toBe(404);
    expect((await t.call('GET', '/api/v1/analyses/not-a-uuid', { cookie })).status).toBe(400);
  });
});
