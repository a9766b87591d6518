import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

type Action = {
  id: string;
  body: string;
  status: string;
  dueDate: string;
  dueState: string;
  owner: { id: string; name: string };
  meeting: { id: string; sequence: number };
  closedAtMeeting: { id: string; title: string } | null;
  version: number;
};
type ActionDetail = Action & {
  updates: {
    body: string;
    fromStatus: string;
    toStatus: string;
    reviewedAtMeeting: { title: string } | null;
  }[];
  nextStatuses: string[];
  canReport: boolean;
  canEdit: boolean;
};

let t: TestApp;
let reform: string;
let meetingIdBySequence: Map<number, string>;
let unitIdByCode: Map<string, string>;

async function list(query: string, cookie = reform) {
  const response = await t.call('GET', `/api/v1/actions${query}`, { cookie });
  expect(response.status).toBe(200);
  return (response.body as { items: Action[] }).items;
}

async function count(table: string): Promise<number> {
  return (await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
}

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  const meetings = (await t.call('GET', '/api/v1/meetings?fy=2024', { cookie: reform })).body as {
    items: { id: string; sequence: number }[];
  };
  meetingIdBySequence = new Map(meetings.items.map((item) => [item.sequence, item.id]));
  const units = (await t.call('GET', '/api/v1/org-units', { cookie: reform })).body as {
    items: { id: string; code: string }[];
  };
  unitIdByCode = new Map(units.items.map((unit) => [unit.code, unit.id]));
});
afterAll(async () => {
  await t.close();
});

describe('the FY2024 instructions', () => {
  it('lists every instruction with its owner, due date and due state; the closed one is done', async () => {
    const items = await list('?fy=2024');
    expect(items).toHaveLength(4);
    const closed = items.filter((item) => item.status === 'closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ dueState: 'done', closedAtMeeting: { title: '第2回X会議' } });
    // The others were due in 2024 and are still open: overdue today.
    expect(
      items.filter((item) => item.status !== 'closed').every((item) => item.dueState === 'overdue'),
    ).toBe(true);
    // Open ones first, soonest due first.
    expect(items.at(-1)!.status).toBe('closed');
  });

  it("shows the closed instruction's history up to its review at the later meeting", async () => {
    const closed = (await list('?status=closed'))[0]!;
    const detail = (await t.call('GET', `/api/v1/actions/${closed.id}`, { cookie: reform }))
      .body as ActionDetail;
    expect(detail.updates.map((update) => update.toStatus)).toEqual(['closed', 'reported', 'in_progress']);
    expect(detail.updates[0]!.reviewedAtMeeting?.title).toBe('第2回X会議');
    expect(detail.nextStatuses).toEqual(['in_progress']);
  });

  it('filters by owner (with sub-units), "mine", status and overdue, and refuses unknown filters', async () => {
    const kodomo = await list(`?owner=${unitIdByCode.get('kodomo')}`);
    // 子ども家庭局 owns one and its 青少年課 another.
    expect(kodomo.map((item) => item.owner.name).sort()).toEqual(['子ども家庭局', '青少年課'].sort());
    const kodomoStaff = await t.signIn('kodomo-staff');
    expect((await list('?owner=mine', kodomoStaff)).map((item) => item.id).sort()).toEqual(
      kodomo.map((item) => item.id).sort(),
    );
    const staff2 = await t.signIn('staff2');
    expect(await list('?owner=mine', staff2)).toEqual([]);
    expect(
      (await list('?status=open,in_progress')).every((item) => ['open', 'in_progress'].includes(item.status)),
    ).toBe(true);
    expect(await list('?overdue=true')).toHaveLength(3);
    expect(await list('?overdue=false')).toHaveLength(1);
    expect((await t.call('GET', '/api/v1/actions?status=done', { cookie: reform })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/actions?owner=everyone', { cookie: reform })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/actions')).status).toBe(401);
  });
});

describe('recording instructions', () => {
  let itemId: string;
  const path = () => `/api/v1/meetings/${meetingIdBySequence.get(2)}/instructions`;

  beforeAll(async () => {
    const agenda = (
      await t.call('GET', `/api/v1/meetings/${meetingIdBySequence.get(2)}/agenda-items`, { cookie: reform })
    ).body as { items: { id: string }[] };
    itemId = agenda.items[0]!.id;
  });

  it('refuses an instruction without an owner, with an unknown owner or a bad due date, writing nothing', async () => {
    const before = await count('meeting_actions');
    const noOwner = await t.call('POST', path(), {
      cookie: reform,
      body: { agendaItemId: itemId, body: '検討すること', dueDate: '2024-12-27' },
    });
    expect(noOwner.status).toBe(400);
    expect((noOwner.body as { errors: { path: string }[] }).errors.map((error) => error.path)).toContain(
      'ownerOrgUnitId',
    );
    const unknownOwner = await t.call('POST', path(), {
      cookie: reform,
      body: {
        agendaItemId: itemId,
        body: '検討すること',
        dueDate: '2024-12-27',
        ownerOrgUnitId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknownOwner.status).toBe(422);
    const badDate = await t.call('POST', path(), {
      cookie: reform,
      body: {
        agendaItemId: itemId,
        body: '検討すること',
        dueDate: '2024-02-30',
        ownerOrgUnitId: unitIdByCode.get('shimin'),
      },
    });
    expect(badDate.status).toBe(400);
    const notOffice = await t.call('POST', path(), {
      cookie: await t.signIn('kodomo-head'),
      body: {
        agendaItemId: itemId,
        body: '検討すること',
        dueDate: '2024-12-27',
        ownerOrgUnitId: unitIdByCode.get('shimin'),
      },
    });
    expect(notOffice.status).toBe(403);
    expect(await count('meeting_actions')).toBe(before);
  });

  it('records an instruction as an open action of its owner', async () => {
    const created = await t.call('POST', path(), {
      cookie: reform,
      body: {
        agendaItemId: itemId,
        body: '文化施設の指定管理者の評価結果を整理すること。',
        dueDate: '2099-12-27',
        ownerOrgUnitId: unitIdByCode.get('shimin'),
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      statusLabel: '未着手',
      dueState: 'not_due',
      owner: { name: '市民文化スポーツ局' },
    });
  });
});

describe('tracking an action to closure', () => {
  let action: Action;

  beforeAll(async () => {
    action = (await list(`?owner=${unitIdByCode.get('kensetsu')}`))[0]!;
  });

  it('lets the owning unit report progress and completion, but not close it', async () => {
    const owner = await t.signIn('kensetsu-staff');
    const detail = (await t.call('GET', `/api/v1/actions/${action.id}`, { cookie: owner }))
      .body as ActionDetail;
    expect(detail).toMatchObject({ canReport: true, canEdit: false, nextStatuses: ['reported'] });
    const progress = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: owner,
      body: { body: '内訳の整理を終え、指定管理者制度の試算に入った。' },
      headers: { 'if-match': `"${detail.version}"` },
    });
    expect(progress.status).toBe(200);
    let version = (progress.body as Action).version;
    const close = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: owner,
      body: { body: '完了', status: 'closed' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(close.status).toBe(409);
    expect((close.body as { code: string }).code).toBe('invalid_transition');
    const reported = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: owner,
      body: { body: '試算結果を報告する。', status: 'reported' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(reported.status).toBe(200);
    version = (reported.body as Action).version;
    const stale = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: owner,
      body: { body: 'x' },
      headers: { 'if-match': `"${version - 1}"` },
    });
    expect(stale.status).toBe(412);
    action = reported.body as Action;
  });

  it("refuses other units' staff", async () => {
    for (const login of ['staff1', 'kodomo-staff']) {
      const response = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
        cookie: await t.signIn(login),
        body: { body: 'x' },
        headers: { 'if-match': `"${action.version}"` },
      });
      expect(response.status).toBe(403);
    }
  });

  it('is closed by the reform office at a later meeting, never an earlier one', async () => {
    const earlier = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: reform,
      body: { body: '了承', status: 'closed', reviewedAtMeetingId: meetingIdBySequence.get(0) },
      headers: { 'if-match': `"${action.version}"` },
    });
    expect(earlier.status).toBe(422);
    const closed = await t.call('POST', `/api/v1/actions/${action.id}/updates`, {
      cookie: reform,
      body: {
        body: '第3回X会議で了承。完了とする。',
        status: 'closed',
        reviewedAtMeetingId: meetingIdBySequence.get(3),
      },
      headers: { 'if-match': `"${action.version}"` },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      dueState: 'done',
      closedAtMeeting: { title: '第3回X会議' },
    });
    // It no longer goes onto later agendas.
    const proposals = (
      await t.call('GET', `/api/v1/meetings/${meetingIdBySequence.get(4)}/agenda-proposals`, {
        cookie: reform,
      })
    ).body as { items: { links: { id: string }[] }[] };
    expect(proposals.items.some((item) => item.links.some((link) => link.id === action.id))).toBe(false);
    const audit = await t.database.pool.query(
      "select action from audit_events where entity_type = 'action' and entity_id = $1 order by id desc limit 1",
      [action.id],
    );
    expect(audit.rows[0].action).toBe('action.closed');
  });

  it('lets the office correct the owner and due date with If-Match', async () => {
    const open = (await list('?status=open,in_progress'))[0]!;
    const updated = await t.call('PATCH', `/api/v1/actions/${open.id}`, {
      cookie: reform,
      body: { dueDate: '2099-03-31', ownerOrgUnitId: unitIdByCode.get('kodomo') },
      headers: { 'if-match': `"${open.version}"` },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      dueDate: '2099-03-31',
      owner: { name: '子ども家庭局' },
      dueState: 'not_due',
    });
    const byOwner = await t.call('PATCH', `/api/v1/actions/${open.id}`, {
      cookie: await t.signIn('kodomo-head'),
      body: { dueDate: '2100-01-01' },
      headers: { 'if-match': `"${(updated.body as Action).version}"` },
    });
    expect(byOwner.status).toBe(403);
  });
});
