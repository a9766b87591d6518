import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Summary = {
  id: string;
  sequence: number;
  title: string;
  planned: { precision: string; start: string; end: string };
  plannedLabel: string;
  actualDate: string | null;
  isPublic: boolean;
};
type Detail = Summary & {
  version: number;
  agendaVersion: number;
  agenda: {
    id: string;
    number: number;
    kind: string;
    title: string;
    links: { type: string; label: string; analysisStage: string | null }[];
    materials: {
      label: string;
      title: string;
      isPublished: boolean;
      isRedactionRequired: boolean;
      hasRedactedFile: boolean;
    }[];
    decisions: { body: string }[];
    instructions: {
      id: string;
      status: string;
      owner: { name: string };
      closedAtMeeting: { title: string } | null;
    }[];
  }[];
  minutes: { status: string; body: string } | null;
  hasHiddenMinutes: boolean;
  canManage: boolean;
};
type PublicMeeting = {
  title: string;
  videoUrl: string | null;
  agenda:
    | {
        number: number;
        title: string;
        materials: { label: string; isRedacted: boolean; downloadUrl: string }[];
      }[]
    | null;
  minutes: { body: string } | null;
};

let t: TestApp;
let reform: string;
let staff: string;
let meetings: Summary[];
const bySequence = (sequence: number) => meetings.find((meeting) => meeting.sequence === sequence)!;

async function count(table: string): Promise<number> {
  const result = await t.database.pool.query(`select count(*)::int as n from ${table}`);
  return result.rows[0].n as number;
}

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  staff = await t.signIn('staff1');
  meetings = (
    (await t.call('GET', '/api/v1/meetings?fy=2024', { cookie: reform })).body as { items: Summary[] }
  ).items;
});
afterAll(async () => {
  await t.close();
});

describe('the FY2024 series', () => {
  it('holds the six planned meetings with the seed dates and precision, in a list shape kept from the foundation', async () => {
    const response = await t.call('GET', '/api/v1/meetings?fy=2024');
    expect(response.status).toBe(200);
    const items = (response.body as { items: Summary[] }).items;
    expect(
      items.map((item) => [
        item.sequence,
        item.title,
        item.planned.precision,
        item.planned.start,
        item.planned.end,
        item.plannedLabel,
      ]),
    ).toEqual([
      [0, 'キックオフMTG', 'day', '2024-06-04', '2024-06-04', '6月4日'],
      [1, '第1回X会議', 'day', '2024-07-22', '2024-07-22', '7月22日'],
      [2, '第2回X会議', 'day', '2024-08-21', '2024-08-21', '8月21日'],
      [3, '第3回X会議', 'early', '2024-10-01', '2024-10-10', '10月上旬'],
      [4, '第4回X会議', 'early', '2024-11-01', '2024-11-10', '11月上旬'],
      [5, '第5回X会議', 'late', '2024-12-21', '2024-12-31', '12月下旬'],
    ]);
  });

  it("has 第1回's agenda reporting the four analyses, with numbered materials, decisions and instructions", async () => {
    const response = await t.call('GET', `/api/v1/meetings/${bySequence(1).id}`, { cookie: reform });
    expect(response.status).toBe(200);
    const detail = response.body as Detail;
    expect(detail.agenda.map((item) => item.links.map((link) => [link.label, link.analysisStage]))).toEqual([
      [['22 保育所・幼稚園', 'progress_reported']],
      [['23 子育て支援事業', 'progress_reported']],
      [['25 青少年関連事業', 'progress_reported']],
      [['34 公園事業', 'progress_reported']],
    ]);
    expect(detail.agenda.flatMap((item) => item.materials.map((material) => material.label))).toEqual([
      '資料1',
      '資料2',
      '資料3',
      '資料4',
    ]);
    expect(detail.agenda[3]!.materials[0]).toMatchObject({
      isRedactionRequired: true,
      hasRedactedFile: true,
      isPublished: true,
    });
    expect(detail.agenda.every((item) => item.decisions.length > 0)).toBe(true);
    expect(detail.minutes?.status).toBe('published');
  });

  it("has 第2回 reporting 文化振興施策 and closing 第1回's instruction", async () => {
    const second = (await t.call('GET', `/api/v1/meetings/${bySequence(2).id}`, { cookie: reform }))
      .body as Detail;
    expect(second.agenda[0]!.links[0]).toMatchObject({
      label: '13 文化振興施策',
      analysisStage: 'progress_reported',
    });
    expect(second.agenda[1]!.kind).toBe('instruction_review');
    const first = (await t.call('GET', `/api/v1/meetings/${bySequence(1).id}`, { cookie: reform }))
      .body as Detail;
    const closed = first.agenda
      .flatMap((item) => item.instructions)
      .filter((action) => action.status === 'closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.closedAtMeeting?.title).toBe('第2回X会議');
    expect(second.agenda[1]!.links[0]!.type).toBe('action');
    expect(second.agenda[1]!.links[0]!.label).toContain('公立保育所の運営コスト');
  });

  it('shows the public exactly the published parts: agenda, published materials (redacted where flagged), published minutes, video', async () => {
    const first = await t.call('GET', `/api/v1/meetings/${bySequence(1).id}`);
    expect(first.status).toBe(200);
    const body = first.body as PublicMeeting & Record<string, unknown>;
    expect(body.agenda?.map((item) => item.materials.map((material) => material.label))).toEqual([
      ['資料1'],
      ['資料2'],
      ['資料3'],
      ['資料4'],
    ]);
    expect(body.agenda?.[3]?.materials[0]?.isRedacted).toBe(true);
    expect(body.minutes?.body).toContain('第1回X会議 議事要旨');
    expect(body.videoUrl).toMatch(/^https:/);
    // Internal records never appear.
    expect(JSON.stringify(body)).not.toContain('decisions');
    expect(JSON.stringify(body)).not.toContain('instructions');
    expect(JSON.stringify(body)).not.toContain('公立保育所の運営コストについて');
    // 第2回's minutes are approved, not published.
    const second = (await t.call('GET', `/api/v1/meetings/${bySequence(2).id}`)).body as PublicMeeting;
    expect(second.minutes).toBeNull();
    // A signed-in employee asking for the public view gets the same.
    const asPublic = await t.call('GET', `/api/v1/meetings/${bySequence(1).id}?view=public`, {
      cookie: reform,
    });
    expect(asPublic.body).toEqual(first.body);
  });

  it('hides draft minutes from employees outside the office and the executives', async () => {
    const created = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 20,
        planned: { precision: 'month', start: '2025-02-01', end: '2025-02-28' },
      },
    });
    const id = (created.body as Summary).id;
    expect(
      (await t.call('POST', `/api/v1/meetings/${id}/minutes`, { cookie: reform, body: { body: '下書き' } }))
        .status,
    ).toBe(201);
    const asStaff = (await t.call('GET', `/api/v1/meetings/${id}`, { cookie: staff })).body as Detail;
    expect(asStaff.minutes).toBeNull();
    expect(asStaff.hasHiddenMinutes).toBe(true);
    expect(asStaff.canManage).toBe(false);
    expect((await t.call('GET', `/api/v1/meetings/${id}/minutes`, { cookie: staff })).status).toBe(404);
    const mayor = await t.signIn('mayor');
    expect(
      ((await t.call('GET', `/api/v1/meetings/${id}`, { cookie: mayor })).body as Detail).minutes?.body,
    ).toBe('下書き');
  });
});

describe('creating and changing meetings', () => {
  it('adds a meeting beyond the plan (第6回 in January) and puts it on the schedule', async () => {
    const response = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 6,
        planned: { precision: 'mid', start: '2025-01-11', end: '2025-01-20' },
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({ title: '第6回X会議', plannedLabel: '1月中旬', isPublic: true });
    const schedule = await t.database.pool.query(
      "select label, precision, start_date::text from schedule_items where link_type = 'meeting' and link_id = $1",
      [(response.body as Summary).id],
    );
    expect(schedule.rows).toEqual([{ label: '第6回X会議', precision: 'mid', start_date: '2025-01-11' }]);
    const audit = await t.database.pool.query(
      "select count(*)::int as n from audit_events where action = 'meeting.create'",
    );
    expect(audit.rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a second meeting with the same sequence in a year (409) and writes nothing', async () => {
    const before = await count('meetings');
    const response = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 3,
        planned: { precision: 'day', start: '2024-10-03', end: '2024-10-03' },
      },
    });
    expect(response.status).toBe(409);
    expect((response.body as { messages: { ja: string } }).messages.ja).toContain('回数 3');
    expect(await count('meetings')).toBe(before);
  });

  it('refuses an actual date outside the fiscal year, and an inconsistent planned span, with field errors', async () => {
    const before = await count('meetings');
    const outside = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 7,
        planned: { precision: 'day', start: '2025-03-10', end: '2025-03-10' },
        actualDate: '2025-04-02',
      },
    });
    expect(outside.status).toBe(400);
    expect((outside.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toEqual([
      'actualDate',
    ]);
    const invented = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 7,
        planned: { precision: 'early', start: '2024-10-01', end: '2024-10-05' },
      },
    });
    expect(invented.status).toBe(400);
    const unknownField = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 7,
        planned: { precision: 'day', start: '2024-10-01', end: '2024-10-01' },
        room: 'x',
      },
    });
    expect(unknownField.status).toBe(400);
    const plannedOutside = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 7,
        planned: { precision: 'month', start: '2025-04-01', end: '2025-04-30' },
      },
    });
    expect(plannedOutside.status).toBe(400);
    expect(await count('meetings')).toBe(before);
  });

  it('lets only the reform office create, and nobody without a session', async () => {
    const body = {
      fiscalYear: 2024,
      sequence: 8,
      planned: { precision: 'month', start: '2025-03-01', end: '2025-03-31' },
    };
    expect((await t.call('POST', '/api/v1/meetings', { body })).status).toBe(401);
    expect((await t.call('POST', '/api/v1/meetings', { cookie: staff, body })).status).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/meetings', { cookie: await t.signIn('kodomo-head'), body })).status,
    ).toBe(403);
  });

  it('updates with If-Match: 428 without, 412 when stale, and fixes the date and time', async () => {
    const id = bySequence(3).id;
    const read = await t.call('GET', `/api/v1/meetings/${id}`, { cookie: reform });
    const etag = read.headers.get('etag')!;
    const change = {
      actualDate: '2024-10-08',
      startTime: '10:00',
      endTime: '11:00',
      place: '本庁舎 特別会議室',
    };
    expect((await t.call('PATCH', `/api/v1/meetings/${id}`, { cookie: reform, body: change })).status).toBe(
      428,
    );
    expect(
      (
        await t.call('PATCH', `/api/v1/meetings/${id}`, {
          cookie: reform,
          body: change,
          headers: { 'if-match': '"99"' },
        })
      ).status,
    ).toBe(412);
    const updated = await t.call('PATCH', `/api/v1/meetings/${id}`, {
      cookie: reform,
      body: change,
      headers: { 'if-match': etag },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      actualDate: '2024-10-08',
      startTime: '10:00',
      endTime: '11:00',
      plannedLabel: '10月上旬',
    });
    const badTimes = await t.call('PATCH', `/api/v1/meetings/${id}`, {
      cookie: reform,
      body: { endTime: '09:00' },
      headers: { 'if-match': updated.headers.get('etag')! },
    });
    expect(badTimes.status).toBe(400);
  });

  it('refuses to publish anything of a closed meeting, and hides a closed meeting from the public entirely', async () => {
    const created = await t.call('POST', '/api/v1/meetings', {
      cookie: reform,
      body: {
        fiscalYear: 2024,
        sequence: 9,
        planned: { precision: 'day', start: '2025-03-25', end: '2025-03-25' },
        isPublic: false,
      },
    });
    const id = (created.body as Summary).id;
    const publish = await t.call('PATCH', `/api/v1/meetings/${id}`, {
      cookie: reform,
      body: { isAgendaPublished: true },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(publish.status).toBe(409);
    expect((await t.call('GET', `/api/v1/meetings/${id}`)).status).toBe(404);
    const list = (await t.call('GET', '/api/v1/meetings?fy=2024')).body as { items: Summary[] };
    expect(list.items.some((item) => item.id === id)).toBe(false);
    expect((await t.call('GET', `/api/v1/meetings/${id}`, { cookie: staff })).status).toBe(200);
  });

  it('publishes the video only with a link', async () => {
    const id = bySequence(4).id;
    const read = await t.call('GET', `/api/v1/meetings/${id}`, { cookie: reform });
    const noLink = await t.call('PATCH', `/api/v1/meetings/${id}`, {
      cookie: reform,
      body: { isVideoPublished: true },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(noLink.status).toBe(422);
    const httpLink = await t.call('PATCH', `/api/v1/meetings/${id}`, {
      cookie: reform,
      body: { videoUrl: 'http://video.example.jp/x' },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(httpLink.status).toBe(400);
  });
});

describe('minutes', () => {
  it('moves draft → approved → published, refuses skipping and editing after approval', async () => {
    const id = bySequence(5).id;
    const created = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
      cookie: reform,
      body: { body: '議事要旨（案）' },
    });
    expect(created.status).toBe(201);
    expect(
      (await t.call('POST', `/api/v1/meetings/${id}/minutes`, { cookie: reform, body: { body: 'again' } }))
        .status,
    ).toBe(409);
    let etag = created.headers.get('etag')!;
    const skip = await t.call('POST', `/api/v1/meetings/${id}/minutes/status`, {
      cookie: reform,
      body: { status: 'published' },
      headers: { 'if-match': etag },
    });
    expect(skip.status).toBe(409);
    expect((skip.body as { code: string }).code).toBe('invalid_transition');
    const edited = await t.call('PATCH', `/api/v1/meetings/${id}/minutes`, {
      cookie: reform,
      body: { body: '議事要旨' },
      headers: { 'if-match': etag },
    });
    expect(edited.status).toBe(200);
    etag = edited.headers.get('etag')!;
    const approved = await t.call('POST', `/api/v1/meetings/${id}/minutes/status`, {
      cookie: reform,
      body: { status: 'approved' },
      headers: { 'if-match': etag },
    });
    expect(approved.body).toMatchObject({ status: 'approved', statusLabel: '承認済み' });
    etag = approved.headers.get('etag')!;
    const locked = await t.call('PATCH', `/api/v1/meetings/${id}/minutes`, {
      cookie: reform,
      body: { body: '書き換え' },
      headers: { 'if-match': etag },
    });
    expect(locked.status).toBe(409);
    expect((await t.call('GET', `/api/v1/meetings/${id}`)).body).toMatchObject({ minutes: null });
    const published = await t.call('POST', `/api/v1/meetings/${id}/minutes/status`, {
      cookie: reform,
      body: { status: 'published' },
      headers: { 'if-match': etag },
    });
    expect(published.status).toBe(200);
    expect(((await t.call('GET', `/api/v1/meetings/${id}`)).body as PublicMeeting).minutes?.body).toBe(
      '議事要旨',
    );
    const byStaff = await t.call('POST', `/api/v1/meetings/${id}/minutes/status`, {
      cookie: staff,
      body: { status: 'approved' },
      headers: { 'if-match': published.headers.get('etag')! },
    });
    expect(byStaff.status).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('describes the meeting, agenda, material, minutes, action and calendar routes', async () => {
    const paths = Object.keys(
      ((await t.call('GET', '/api/v1/openapi.json')).body as { paths: object }).paths,
    );
    for (const path of [
      '/api/v1/meetings',
      '/api/v1/meetings/{id}',
      '/api/v1/meetings/{id}/agenda-items',
      '/api/v1/meetings/{id}/agenda-items/order',
      '/api/v1/meetings/{id}/agenda-proposals',
      '/api/v1/meetings/{id}/decisions',
      '/api/v1/meetings/{id}/agenda-items/{itemId}/materials',
      '/api/v1/meetings/{id}/materials/{materialId}/file',
      '/api/v1/meetings/{id}/minutes',
      '/api/v1/meetings/{id}/instructions',
      '/api/v1/actions',
      '/api/v1/meetings.ics',
      '/api/v1/calendar-feed',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
