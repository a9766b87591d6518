import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Entry = {
  id: string;
  lane: string;
  label: string;
  span: { precision: string; start: string; end: string };
  spanLabel: { ja: string; en: string };
  source: string;
  isMilestone: boolean;
  isDone: boolean;
  link: { type: string; id: string } | null;
  version: number | null;
};
type Schedule = { fiscalYear: number; lanes: { code: string }[]; entries: Entry[] };

let t: TestApp;
let reform: string;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  staff = await t.signIn('staff1');
});
afterAll(async () => {
  await t.close();
});

async function schedule(cookie = staff): Promise<Schedule> {
  const response = await t.call('GET', '/api/v1/schedule?fy=2024', { cookie });
  expect(response.status).toBe(200);
  return response.body as Schedule;
}

async function auditCount(action: string): Promise<number> {
  const result = await t.database.pool.query(
    'select count(*)::int as n from audit_events where action = $1',
    [action],
  );
  return result.rows[0].n as number;
}

describe('the year’s schedule', () => {
  it('draws the six FY2024 meetings once each, at the precision the seed gives them', async () => {
    const body = await schedule();
    expect(body.lanes.map((lane) => lane.code)).toEqual([
      'x_meeting',
      'bureau_policy',
      'voluntary_reform',
      'analysis',
      'platinum',
    ]);
    const meetings = body.entries.filter((entry) => entry.lane === 'x_meeting');
    expect(meetings.map((entry) => [entry.label, entry.spanLabel.ja])).toEqual([
      ['キックオフMTG', '6月4日'],
      ['第1回X会議', '7月22日'],
      ['第2回X会議', '8月21日'],
      ['第3回X会議', '10月上旬'],
      ['第4回X会議', '11月上旬'],
      ['第5回X会議', '12月下旬'],
    ]);
    const third = meetings[3]!;
    expect(third).toMatchObject({
      span: { precision: 'early', start: '2024-10-01', end: '2024-10-10' },
      source: 'meeting',
      isMilestone: true,
      isDone: false,
      version: null,
    });
    expect(third.link?.type).toBe('meeting');
    expect(meetings[0]!.isDone).toBe(true);
  });

  it('keeps the other lanes of slide 3 with their spans', async () => {
    const body = await schedule();
    const platinum = body.entries.filter((entry) => entry.lane === 'platinum').map((entry) => entry.label);
    expect(platinum).toEqual(
      expect.arrayContaining([
        'PTの人選・結成',
        'PTによる課題等の洗い出し',
        '制度所管局で解決案の検討・決定',
        '関係局長による対応方針の表明',
      ]),
    );
    const start = body.entries.find((entry) => entry.label.startsWith('経営分析着手'))!;
    expect(start.spanLabel).toEqual({ ja: '6月〜7月', en: 'Jun – Jul' });
    expect(body.entries.find((entry) => entry.lane === 'bureau_policy')).toBeDefined();
  });

  it('is for signed-in employees only', async () => {
    expect((await t.call('GET', '/api/v1/schedule?fy=2024')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/schedule?fy=1999', { cookie: staff })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/schedule?fy=abc', { cookie: staff })).status).toBe(400);
  });
});

describe('entries the reform office keeps', () => {
  const body = {
    fiscalYear: 2024,
    lane: 'bureau_policy',
    label: '局区X方針の中間報告',
    span: { precision: 'mid', start: '2024-09-11', end: '2024-09-20' },
  };

  it('adds, changes and removes an entry with If-Match, auditing each step', async () => {
    const created = await t.call('POST', '/api/v1/schedule/entries', { cookie: reform, body });
    expect(created.status).toBe(201);
    const entry = created.body as Entry;
    expect(entry).toMatchObject({ source: 'office', version: 1, spanLabel: { ja: '9月中旬' } });
    expect(created.headers.get('etag')).toBe('"1"');
    expect((await schedule()).entries.some((other) => other.id === entry.id)).toBe(true);
    expect(await auditCount('schedule_entry.create')).toBe(1);

    const path = `/api/v1/schedule/entries/${entry.id}`;
    const change = { span: { precision: 'late', start: '2024-09-21', end: '2024-09-30' } };
    expect((await t.call('PATCH', path, { cookie: reform, body: change })).status).toBe(428);
    expect(
      (await t.call('PATCH', path, { cookie: reform, body: change, headers: { 'if-match': '"7"' } })).status,
    ).toBe(412);
    const changed = await t.call('PATCH', path, {
      cookie: reform,
      body: change,
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, spanLabel: { ja: '9月下旬' }, label: body.label });

    expect((await t.call('DELETE', path, { cookie: reform, headers: { 'if-match': '"1"' } })).status).toBe(
      412,
    );
    expect((await t.call('DELETE', path, { cookie: reform, headers: { 'if-match': '"2"' } })).status).toBe(
      204,
    );
    expect((await schedule()).entries.some((other) => other.id === entry.id)).toBe(false);
    expect(await auditCount('schedule_entry.update')).toBe(1);
    expect(await auditCount('schedule_entry.delete')).toBe(1);
  });

  it('refuses other roles and signed-out callers, and writes nothing', async () => {
    const before = (await schedule()).entries.length;
    expect((await t.call('POST', '/api/v1/schedule/entries', { cookie: staff, body })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/schedule/entries', { body })).status).toBe(401);
    const mayor = await t.signIn('mayor');
    expect((await t.call('POST', '/api/v1/schedule/entries', { cookie: mayor, body })).status).toBe(403);
    expect((await schedule()).entries.length).toBe(before);
  });

  it('refuses invented days, other years, unknown fields, dangling links and meeting look-alikes', async () => {
    const before = (await schedule()).entries.length;
    const cases: [unknown, string][] = [
      [{ ...body, span: { precision: 'early', start: '2024-10-01', end: '2024-10-09' } }, 'span'],
      [{ ...body, span: { precision: 'month', start: '2025-04-01', end: '2025-04-30' } }, 'span'],
      [{ ...body, span: { precision: 'day', start: '2024-02-30', end: '2024-02-30' } }, 'span'],
      [{ ...body, label: '' }, 'label'],
      [{ ...body, label: 'x'.repeat(201) }, 'label'],
      [{ ...body, colour: 'red' }, ''],
      [{ ...body, link: { type: 'meeting', id: '00000000-0000-4000-8000-000000000000' } }, 'link.id'],
    ];
    for (const [payload, path] of cases) {
      const response = await t.call('POST', '/api/v1/schedule/entries', { cookie: reform, body: payload });
      expect(response.status, JSON.stringify(payload)).toBe(400);
      const problem = response.body as {
        code: string;
        errors?: { path: string; messages: { ja: string } }[];
      };
      expect(problem.code).toBe('validation_failed');
      if (path) expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
    const meetingId = (await schedule()).entries.find((entry) => entry.lane === 'x_meeting')!.link!.id;
    const lookalike = await t.call('POST', '/api/v1/schedule/entries', {
      cookie: reform,
      body: { ...body, lane: 'x_meeting', link: { type: 'meeting', id: meetingId } },
    });
    expect(lookalike.status).toBe(400);
    expect((await schedule()).entries.length).toBe(before);
  });

  it('does not let a meeting’s own entry be edited through the schedule', async () => {
    const mirror = await t.database.pool.query(
      "select id from schedule_items where lane = 'x_meeting' and link_type = 'meeting' limit 1",
    );
    const id = mirror.rows[0].id as string;
    const response = await t.call('PATCH', `/api/v1/schedule/entries/${id}`, {
      cookie: reform,
      body: { label: 'changed' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(404);
  });
});

describe('entries drawn from the streams’ records', () => {
  it('draws each report due at an X meeting at the meeting’s date, naming the clusters', async () => {
    const body = await schedule();
    const due = body.entries.filter((entry) => entry.source === 'analysis_due');
    const rows = await t.database.pool.query(
      `select m.sequence, d.stage, r.name from analysis_due_meetings d
       join analyses a on a.id = d.analysis_id and a.fiscal_year = 2024
       join cluster_revisions r on r.cluster_id = a.cluster_id and r.valid_to_fiscal_year is null
       join meetings m on m.id = d.meeting_id order by m.sequence, d.stage, r.number`,
    );
    const groups = new Set(rows.rows.map((row) => `${row.sequence}:${row.stage}`));
    expect(due).toHaveLength(groups.size);
    const first = due.find((entry) => entry.label.startsWith('経営分析の経過報告（保育所'))!;
    expect(first).toMatchObject({
      lane: 'analysis',
      label: '経営分析の経過報告（保育所・幼稚園、子育て支援事業、青少年関連事業、公園事業）',
      span: { precision: 'day', start: '2024-07-22', end: '2024-07-22' },
      isDone: true,
    });
    expect(first.link?.type).toBe('meeting');
    // The data set's hand-written entry with the same words is drawn once, as the record-backed one.
    expect(body.entries.filter((entry) => entry.label === first.label)).toHaveLength(1);
    const direction = due.find((entry) => entry.label.startsWith('経営分析の方向性報告'))!;
    expect(direction.spanLabel.ja).toBe('10月上旬');
    expect(direction.isDone).toBe(false);

    // Moving a report to another meeting moves its entry.
    await t.database.pool.query(
      `update analysis_due_meetings set meeting_id = (select id from meetings where fiscal_year = 2024 and sequence = 3)
       where stage = 'direction_reported' and analysis_id = (select a.id from analyses a
         join cluster_revisions r on r.cluster_id = a.cluster_id where a.fiscal_year = 2024 and r.number = 13)`,
    );
    const after = (await schedule()).entries.filter((entry) => entry.source === 'analysis_due');
    const moved = after.find(
      (entry) => entry.label.startsWith('経営分析の方向性報告') && entry.spanLabel.ja === '10月上旬',
    )!;
    expect(moved.label).toContain('文化振興施策');
  });

  it('draws the phases of the year’s Platinum campaign as they are set', async () => {
    const body = await schedule();
    const phases = body.entries.filter((entry) => entry.source === 'platinum_phase');
    expect(phases.map((entry) => entry.label)).toEqual(
      expect.arrayContaining(['アイデア募集', 'PTの人選・結成', '関係局長による対応方針の表明']),
    );
    const formation = phases.find((entry) => entry.label === 'PTの人選・結成')!;
    expect(formation).toMatchObject({ lane: 'platinum', spanLabel: { ja: '7月' }, isMilestone: false });
    expect(formation.link?.type).toBe('platinum_campaign');
    expect(body.entries.filter((entry) => entry.label === 'PTの人選・結成')).toHaveLength(1);

    await t.database.pool.query(
      `update platinum_campaigns set phases = jsonb_set(phases, '{trial}',
         '{"from":{"precision":"month","start":"2025-02-01","end":"2025-02-28"},"to":{"precision":"month","start":"2025-03-01","end":"2025-03-31"}}')
       where fiscal_year = 2024`,
    );
    const trial = (await schedule()).entries.find((entry) => entry.label === '試行・実施')!;
    expect(trial.spanLabel.ja).toBe('2月〜3月');
  });
});
