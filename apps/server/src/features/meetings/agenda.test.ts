import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';

type Proposal = {
  kind: string;
  title: string;
  presenterOrgUnitId: string | null;
  presenterName: string | null;
  links: {
    type: 'analysis' | 'action' | 'cluster' | 'platinum_issue';
    id: string;
    analysisStage?: string | null;
  }[];
  reason: { ja: string };
};
type Agenda = {
  agendaVersion: number;
  items: {
    id: string;
    number: number;
    title: string;
    kind: string;
    version: number;
    materials: { id: string; label: string; number: number }[];
    links: { type: string; id: string }[];
  }[];
};

let t: TestApp;
let reform: string;
let sixthId: string;
let meetingIdBySequence: Map<number, string>;

function pdfForm(name: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([SAMPLE_FILES.pdf()], name, { type: 'application/pdf' }));
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}

async function upload(itemId: string, name: string) {
  const response = await t.app.request(
    `http://totonoe.test/api/v1/meetings/${sixthId}/agenda-items/${itemId}/materials`,
    {
      method: 'POST',
      headers: { origin: 'http://totonoe.test', cookie: reform },
      body: pdfForm(name),
    },
  );
  expect(response.status).toBe(201);
}

async function agenda(): Promise<{ body: Agenda; etag: string }> {
  const response = await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-items`, { cookie: reform });
  expect(response.status).toBe(200);
  return { body: response.body as Agenda, etag: response.headers.get('etag')! };
}

async function count(table: string): Promise<number> {
  return (await t.database.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
}

beforeAll(async () => {
  t = await createTestApp();
  reform = await t.signIn('reform');
  const list = (await t.call('GET', '/api/v1/meetings?fy=2024', { cookie: reform })).body as {
    items: { id: string; sequence: number }[];
  };
  meetingIdBySequence = new Map(list.items.map((item) => [item.sequence, item.id]));
  const created = await t.call('POST', '/api/v1/meetings', {
    cookie: reform,
    body: {
      fiscalYear: 2024,
      sequence: 6,
      planned: { precision: 'month', start: '2025-01-01', end: '2025-01-31' },
    },
  });
  sixthId = (created.body as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

describe('proposals of due items', () => {
  it('proposes for 第3回 the direction reports its plan puts there, and nothing already reported', async () => {
    const response = await t.call('GET', `/api/v1/meetings/${meetingIdBySequence.get(3)}/agenda-proposals`, {
      cookie: reform,
    });
    expect(response.status).toBe(200);
    const items = (response.body as { items: Proposal[] }).items;
    const analysisItems = items.filter((item) => item.kind === 'analysis_report');
    expect(analysisItems.length).toBeGreaterThan(0);
    for (const item of analysisItems) {
      expect(item.links[0]!.analysisStage).toBe('direction_reported');
      expect(item.reason.ja).toContain('この会議で報告する予定');
    }
    // Progress reports were made at 第1回・第2回: never proposed again.
    expect(items.some((item) => item.links.some((link) => link.analysisStage === 'progress_reported'))).toBe(
      false,
    );
  });

  it('proposes for a new 第6回 the open instructions of earlier meetings, by owner, and carried-over reports', async () => {
    const response = await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-proposals`, { cookie: reform });
    const items = (response.body as { items: Proposal[] }).items;
    const reviews = items.filter((item) => item.kind === 'instruction_review');
    // 第1回 gave three instructions (one closed at 第2回), 第2回 one: three open, owned by three units.
    expect(reviews.map((item) => item.presenterName).sort()).toEqual(
      ['市民文化スポーツ局', '建設局', '青少年課'].sort(),
    );
    expect(reviews.every((item) => item.title.startsWith('指示事項の対応状況'))).toBe(true);
    const carried = items.filter((item) => item.kind === 'analysis_report');
    expect(carried.length).toBeGreaterThan(0);
    // One report per analysis: the direction report that is owed, never the final one before it.
    expect(carried.every((item) => item.reason.ja.includes('まだ報告されていません'))).toBe(true);
    expect(carried.every((item) => item.links[0]!.analysisStage === 'direction_reported')).toBe(true);
    expect(new Set(carried.map((item) => item.links[0]!.id)).size).toBe(carried.length);
  });

  it('proposes the Platinum responses to announce, once: after they are on one agenda, no other meeting gets them', async () => {
    const third = meetingIdBySequence.get(3)!;
    const items = (
      (await t.call('GET', `/api/v1/meetings/${third}/agenda-proposals`, { cookie: reform })).body as {
        items: Proposal[];
      }
    ).items;
    const platinum = items.filter((item) => item.kind === 'platinum');
    expect(platinum.length).toBeGreaterThan(0);
    expect(platinum.every((item) => item.links.every((link) => link.type === 'platinum_issue'))).toBe(true);
    const added = await t.call('POST', `/api/v1/meetings/${third}/agenda-items`, {
      cookie: reform,
      body: {
        kind: 'platinum',
        title: platinum[0]!.title,
        presenterOrgUnitId: platinum[0]!.presenterOrgUnitId,
        links: platinum[0]!.links,
      },
    });
    expect(added.status).toBe(201);
    const item = (added.body as Agenda).items.at(-1)!;
    expect(item.links.every((link) => link.type === 'platinum_issue')).toBe(true);
    expect((item as unknown as { links: { label: string }[] }).links[0]!.label).toMatch(/^課題\d+ /);
    const fourth = (
      (
        await t.call('GET', `/api/v1/meetings/${meetingIdBySequence.get(4)}/agenda-proposals`, {
          cookie: reform,
        })
      ).body as { items: Proposal[] }
    ).items;
    const announced = new Set(platinum[0]!.links.map((link) => link.id));
    expect(fourth.some((proposal) => proposal.links.some((link) => announced.has(link.id)))).toBe(false);
  });

  it('is for the reform office only', async () => {
    const staff = await t.signIn('staff1');
    expect(
      (await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-proposals`, { cookie: staff })).status,
    ).toBe(403);
    expect((await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-proposals`)).status).toBe(401);
  });
});

describe('building the agenda', () => {
  it('adds proposed items, which then leave the proposals', async () => {
    const proposals = (
      (await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-proposals`, { cookie: reform })).body as {
        items: Proposal[];
      }
    ).items;
    const picked = [
      ...proposals.filter((item) => item.kind === 'instruction_review').slice(0, 2),
      proposals.find((item) => item.kind === 'analysis_report')!,
    ];
    for (const proposal of picked) {
      const response = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
        cookie: reform,
        body: {
          kind: proposal.kind,
          title: proposal.title,
          presenterOrgUnitId: proposal.presenterOrgUnitId,
          links: proposal.links,
        },
      });
      expect(response.status).toBe(201);
    }
    // Adding the same proposal again (a double click) is refused.
    const again = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: reform,
      body: { kind: picked[0]!.kind, title: picked[0]!.title, links: picked[0]!.links },
    });
    expect(again.status).toBe(409);
    const after = (
      (await t.call('GET', `/api/v1/meetings/${sixthId}/agenda-proposals`, { cookie: reform })).body as {
        items: Proposal[];
      }
    ).items;
    const keyOf = (link: Proposal['links'][number]) => `${link.type}:${link.id}:${link.analysisStage ?? ''}`;
    const stillProposed = new Set(after.flatMap((item) => item.links.map(keyOf)));
    for (const proposal of picked)
      for (const link of proposal.links) expect(stillProposed.has(keyOf(link))).toBe(false);
    // With its direction report on the agenda, the analysis now owes its final report next.
    const analysisLink = picked[2]!.links[0]!;
    expect(
      after.some((item) =>
        item.links.some((link) => link.id === analysisLink.id && link.analysisStage === 'final_reported'),
      ),
    ).toBe(true);
    const { body } = await agenda();
    expect(body.items.map((item) => item.number)).toEqual([1, 2, 3]);
  });

  it('numbers materials 資料1… in agenda order and renumbers them when the order changes', async () => {
    let { body } = await agenda();
    const [first, second, third] = body.items;
    await upload(third!.id, 'c.pdf');
    await upload(first!.id, 'a1.pdf');
    await upload(first!.id, 'a2.pdf');
    await upload(second!.id, 'b.pdf');
    ({ body } = await agenda());
    expect(body.items.map((item) => item.materials.map((material) => material.label))).toEqual([
      ['資料1', '資料2'],
      ['資料3'],
      ['資料4'],
    ]);
    const { etag } = await agenda();
    const reordered = await t.call('PUT', `/api/v1/meetings/${sixthId}/agenda-items/order`, {
      cookie: reform,
      body: { itemIds: [third!.id, first!.id, second!.id] },
      headers: { 'if-match': etag },
    });
    expect(reordered.status).toBe(200);
    const after = reordered.body as Agenda;
    expect(after.items.map((item) => item.id)).toEqual([third!.id, first!.id, second!.id]);
    expect(after.items.map((item) => item.materials.map((material) => material.label))).toEqual([
      ['資料1'],
      ['資料2', '資料3'],
      ['資料4'],
    ]);
    expect(reordered.headers.get('etag')).not.toBe(etag);
  });

  it('refuses a stale or missing If-Match and an order that is not the whole agenda, changing nothing', async () => {
    const { body, etag } = await agenda();
    const ids = body.items.map((item) => item.id);
    const path = `/api/v1/meetings/${sixthId}/agenda-items/order`;
    expect((await t.call('PUT', path, { cookie: reform, body: { itemIds: ids } })).status).toBe(428);
    expect(
      (await t.call('PUT', path, { cookie: reform, body: { itemIds: ids }, headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(412);
    const missing = await t.call('PUT', path, {
      cookie: reform,
      body: { itemIds: ids.slice(1) },
      headers: { 'if-match': etag },
    });
    expect(missing.status).toBe(422);
    const twice = await t.call('PUT', path, {
      cookie: reform,
      body: { itemIds: [ids[0], ids[0], ids[1]] },
      headers: { 'if-match': etag },
    });
    expect(twice.status).toBe(422);
    const other = meetingIdBySequence.get(1)!;
    const foreign = (
      (await t.call('GET', `/api/v1/meetings/${other}/agenda-items`, { cookie: reform })).body as Agenda
    ).items[0]!.id;
    expect(
      (
        await t.call('PUT', path, {
          cookie: reform,
          body: { itemIds: [foreign, ids[1], ids[2]] },
          headers: { 'if-match': etag },
        })
      ).status,
    ).toBe(422);
    expect((await agenda()).body.items.map((item) => item.id)).toEqual(ids);
  });

  it('edits an item with If-Match on the item and checks what it links to', async () => {
    const { body } = await agenda();
    const item = body.items[2]!;
    const path = `/api/v1/meetings/${sixthId}/agenda-items/${item.id}`;
    const changed = await t.call('PATCH', path, {
      cookie: reform,
      body: { title: '新しい議題名', note: '15分' },
      headers: { 'if-match': `"${item.version}"` },
    });
    expect(changed.status).toBe(200);
    expect((changed.body as Agenda).items[2]!.title).toBe('新しい議題名');
    const stale = await t.call('PATCH', path, {
      cookie: reform,
      body: { title: 'x' },
      headers: { 'if-match': `"${item.version}"` },
    });
    expect(stale.status).toBe(412);
    const badLink = await t.call('PATCH', path, {
      cookie: reform,
      body: { links: [{ type: 'analysis', id: '00000000-0000-4000-8000-000000000000' }] },
      headers: { 'if-match': `"${item.version + 1}"` },
    });
    expect(badLink.status).toBe(422);
  });

  it('refuses to review an instruction of a later meeting, an unknown presenter or kind, and bad input', async () => {
    const before = await count('agenda_items');
    const secondMeeting = meetingIdBySequence.get(2)!;
    const actions = (await t.call('GET', `/api/v1/actions?meetingId=${sixthId}`, { cookie: reform }))
      .body as { items: unknown[] };
    expect(actions.items).toHaveLength(0);
    const laterAction = (
      (await t.call('GET', `/api/v1/actions?meetingId=${secondMeeting}`, { cookie: reform })).body as {
        items: { id: string }[];
      }
    ).items[0]!.id;
    const onFirst = await t.call('POST', `/api/v1/meetings/${meetingIdBySequence.get(1)}/agenda-items`, {
      cookie: reform,
      body: { kind: 'instruction_review', title: '前回指示', links: [{ type: 'action', id: laterAction }] },
    });
    expect(onFirst.status).toBe(422);
    const presenter = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: reform,
      body: { kind: 'other', title: 'x', presenterOrgUnitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(presenter.status).toBe(422);
    const kind = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: reform,
      body: { kind: 'speech', title: 'x' },
    });
    expect(kind.status).toBe(400);
    const long = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: reform,
      body: { kind: 'other', title: 'x'.repeat(201) },
    });
    expect(long.status).toBe(400);
    const staff = await t.signIn('kodomo-head');
    const notOffice = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: staff,
      body: { kind: 'other', title: 'x' },
    });
    expect(notOffice.status).toBe(403);
    expect(await count('agenda_items')).toBe(before);
  });

  it('removes an empty item (If-Match on the agenda) but not one with materials', async () => {
    const added = await t.call('POST', `/api/v1/meetings/${sixthId}/agenda-items`, {
      cookie: reform,
      body: { kind: 'other', title: 'その他' },
    });
    const body = added.body as Agenda;
    const empty = body.items.at(-1)!;
    const withMaterials = body.items[0]!;
    const refused = await t.call('DELETE', `/api/v1/meetings/${sixthId}/agenda-items/${withMaterials.id}`, {
      cookie: reform,
      headers: { 'if-match': added.headers.get('etag')! },
    });
    expect(refused.status).toBe(409);
    const removed = await t.call('DELETE', `/api/v1/meetings/${sixthId}/agenda-items/${empty.id}`, {
      cookie: reform,
      headers: { 'if-match': added.headers.get('etag')! },
    });
    expect(removed.status).toBe(200);
    expect((removed.body as Agenda).items.map((item) => item.number)).toEqual([1, 2, 3]);
  });

  it('records decisions on an item of the meeting only', async () => {
    const { body } = await agenda();
    const itemId = body.items[0]!.id;
    const created = await t.call('POST', `/api/v1/meetings/${sixthId}/decisions`, {
      cookie: reform,
      body: { agendaItemId: itemId, body: '方向性を了承する。' },
    });
    expect(created.status).toBe(201);
    const foreignItem = (
      (await t.call('GET', `/api/v1/meetings/${meetingIdBySequence.get(1)}/agenda-items`, { cookie: reform }))
        .body as Agenda
    ).items[0]!.id;
    const wrong = await t.call('POST', `/api/v1/meetings/${sixthId}/decisions`, {
      cookie: reform,
      body: { agendaItemId: foreignItem, body: 'x' },
    });
    expect(wrong.status).toBe(422);
    const decision = created.body as { id: string; version: number };
    const edited = await t.call('PATCH', `/api/v1/meetings/${sixthId}/decisions/${decision.id}`, {
      cookie: reform,
      body: { body: '方向性を了承し、次回までに工程表を示す。' },
      headers: { 'if-match': `"${decision.version}"` },
    });
    expect(edited.status).toBe(200);
    const list = (await t.call('GET', `/api/v1/meetings/${sixthId}/decisions`, { cookie: reform })).body as {
      items: { body: string }[];
    };
    expect(list.items.map((item) => item.body)).toEqual(['方向性を了承し、次回までに工程表を示す。']);
    const audit = await t.database.pool.query(
      "select action from audit_events where entity_type = 'decision' and entity_id = $1 order by id",
      [decision.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['decision.create', 'decision.update']);
  });
});
