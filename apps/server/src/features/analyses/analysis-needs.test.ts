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

type Need = { id: string; body: string; links: { kind: string; targetId: string }[] };

async function started(): Promise<string> {
  const id = await f.plan(await f.newCluster());
  await f.move(id, { to: 'started' });
  return id;
}

/** A need of 子ども家庭局, linked to the analysis, as its department records it. */
async function linkedNeed(analysisId: string, body: string): Promise<Need> {
  const cookie = await f.cookie('kodomo-staff');
  const created = await t.call('POST', '/api/v1/needs', {
    cookie,
    body: {
      side: 'recipient',
      channel: 'counter',
      body,
      receivedOn: '2024-09-02',
      orgUnitId: f.orgUnitId('kodomo'),
    },
  });
  expect(created.status, created.text).toBe(201);
  const need = created.body as Need & { version: number };
  const linked = await t.call('PUT', `/api/v1/needs/${need.id}/links`, {
    cookie,
    body: { links: [{ kind: 'analysis', targetId: analysisId }] },
    headers: { 'if-match': `"${need.version}"` },
  });
  expect(linked.status, linked.text).toBe(200);
  return need;
}

describe('needs in the analysis report', () => {
  it('lists the needs linked to the analysis, and the report cites them in ニーズ・課題', async () => {
    const id = await started();
    const need = await linkedNeed(id, '保育所の送迎時間が合わない。');
    const listed = await t.call('GET', `/api/v1/needs?analysisId=${id}`, {
      cookie: await f.cookie('kodomo-staff'),
    });
    expect(listed.status).toBe(200);
    expect((listed.body as { items: Need[] }).items.map((item) => item.id)).toEqual([need.id]);

    const saved = await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
      sections: { needs: { text: '送迎の時間帯に課題。', needIds: [need.id] } },
    });
    expect(saved.status, saved.text).toBe(200);
    const detail = await f.detail(id);
    expect(detail.report).toMatchObject({ needs: { text: '送迎の時間帯に課題。', needIds: [need.id] } });
  });

  it('refuses to cite a need that does not exist (422) and writes nothing', async () => {
    const id = await started();
    const before = await f.detail(id);
    const refused = await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
      sections: { needs: { text: '引用', needIds: ['00000000-0000-4000-8000-000000000000'] } },
    });
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: { path: string }[] }).errors[0]!.path).toBe('sections.needs.needIds');
    const after = await f.detail(id);
    expect(after.version).toBe(before.version);
    expect(after.report).toMatchObject({ needs: { text: '', needIds: [] } });
  });

  it('shows a department only its own units’ needs for an analysis', async () => {
    const id = await started();
    const need = await linkedNeed(id, '担い手の負担が大きい。');
    await f.createUser('kankyo-needs', [{ role: 'department_staff', orgUnit: 'kankyo' }]);
    const other = await t.call('GET', `/api/v1/needs?analysisId=${id}`, {
      cookie: await f.cookie('kankyo-needs'),
    });
    expect(other.status).toBe(200);
    expect((other.body as { items: Need[] }).items.map((item) => item.id)).not.toContain(need.id);
    const own = await t.call('GET', `/api/v1/needs?analysisId=${id}`, {
      cookie: await f.cookie('kodomo-head'),
    });
    expect((own.body as { items: Need[] }).items.map((item) => item.id)).toContain(need.id);
    // Staff without a unit role do not list needs at all.
    expect(
      (await t.call('GET', `/api/v1/needs?analysisId=${id}`, { cookie: await f.cookie('staff1') })).status,
    ).toBe(403);
  });
});
