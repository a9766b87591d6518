import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AnalysisFixtures, analysisFixtures } from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
  await f.createUser('kankyo-dept', [{ role: 'department_staff', orgUnit: 'kankyo' }]);
});
afterAll(async () => {
  await t.close();
});

type Draft = {
  section: string;
  content: { form: Record<string, unknown>; base: Record<string, unknown> };
  baseVersion: number;
  version: number;
  updatedBy: { displayName: string } | null;
  updatedAt: string;
};

async function started(): Promise<string> {
  const id = await f.plan(await f.newCluster());
  await f.move(id, { to: 'started' });
  return id;
}

const content = (text: string) => ({ form: { text }, base: { text: '' } });

async function saveDraft(
  id: string,
  section: string,
  version: number,
  body: unknown,
  login = 'kodomo-staff',
) {
  return t.call('PUT', `/api/v1/analyses/${id}/drafts/${section}`, {
    cookie: await f.cookie(login),
    body,
    headers: { 'if-match': `"${version}"` },
  });
}

async function drafts(id: string, login = 'kodomo-staff') {
  return t.call('GET', `/api/v1/analyses/${id}/drafts`, { cookie: await f.cookie(login) });
}

async function draftRows(id: string) {
  const result = await t.database.pool.query<{ count: string }>(
    'select count(*)::text as count from analysis_report_drafts where analysis_id = $1',
    [id],
  );
  return Number(result.rows[0]!.count);
}

describe('drafts of report sections (autosave)', () => {
  it('saves a first draft with If-Match "0", then each change with the draft’s own version; the analysis keeps its version', async () => {
    const id = await started();
    const before = await f.detail(id);
    const first = await saveDraft(id, 'conclusion', 0, {
      content: content('結論を書きかけ'),
      baseVersion: before.version,
    });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({
      section: 'conclusion',
      version: 1,
      updatedBy: { displayName: expect.any(String) },
    });
    const second = await saveDraft(id, 'conclusion', 1, {
      content: content('結論を書きかけ、続き'),
      baseVersion: before.version,
    });
    expect(second.status).toBe(200);
    expect((second.body as Draft).version).toBe(2);
    // A half-typed amount is kept as typed: a draft is not yet valid.
    const table = await saveDraft(id, 'currentState', 0, {
      content: {
        form: { text: '', annualCost: '12,3', volumes: [{ label: '利用者数', value: '3千', unit: '人' }] },
        base: { text: '', annualCost: '', volumes: [] },
      },
      baseVersion: before.version,
    });
    expect(table.status, table.text).toBe(200);

    const after = await f.detail(id);
    expect(after.version).toBe(before.version);
    expect((after.report as { conclusion: { text: string } }).conclusion.text).toBe('');
    const listed = (await drafts(id)).body as { items: Draft[] };
    expect(listed.items.map((item) => [item.section, item.version])).toEqual([
      ['conclusion', 2],
      ['currentState', 1],
    ]);
    expect(listed.items[0]!.content.form).toEqual({ text: '結論を書きかけ、続き' });
    const audit = await t.database.pool.query<{ count: string }>(
      "select count(*)::text as count from audit_events where entity_id = $1 and action = 'analysis.draft.save'",
      [id],
    );
    expect(Number(audit.rows[0]!.count)).toBe(3);
  });

  it('answers 412 to a stale draft version or a second first draft, and 428 without If-Match; nothing is written', async () => {
    const id = await started();
    const { version } = await f.detail(id);
    expect((await saveDraft(id, 'needs', 0, { content: content('一'), baseVersion: version })).status).toBe(
      200,
    );
    expect((await saveDraft(id, 'needs', 0, { content: content('二'), baseVersion: version })).status).toBe(
      412,
    );
    expect((await saveDraft(id, 'needs', 5, { content: content('三'), baseVersion: version })).status).toBe(
      412,
    );
    const missing = await t.call('PUT', `/api/v1/analyses/${id}/drafts/needs`, {
      cookie: await f.cookie('kodomo-staff'),
      body: { content: content('四'), baseVersion: version },
    });
    expect(missing.status).toBe(428);
    const listed = (await drafts(id)).body as { items: Draft[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]!.content.form).toEqual({ text: '一' });
  });

  it('refuses bad input with 400: an unknown section, unknown fields, a nested object, an over-long text', async () => {
    const id = await started();
    const { version } = await f.detail(id);
    expect((await saveDraft(id, 'summary', 0, { content: content('x'), baseVersion: version })).status).toBe(
      400,
    );
    expect(
      (await saveDraft(id, 'conclusion', 0, { content: content('x'), baseVersion: version, extra: 1 }))
        .status,
    ).toBe(400);
    expect(
      (
        await saveDraft(id, 'conclusion', 0, {
          content: { form: { text: { deep: 'x' } }, base: {} },
          baseVersion: version,
        })
      ).status,
    ).toBe(400);
    expect(
      (await saveDraft(id, 'conclusion', 0, { content: content('あ'.repeat(20_001)), baseVersion: version }))
        .status,
    ).toBe(400);
    expect(await draftRows(id)).toBe(0);
  });

  it('is removed when the section is saved to the working copy, and can be discarded with If-Match', async () => {
    const id = await started();
    const { version } = await f.detail(id);
    await saveDraft(id, 'conclusion', 0, { content: content('下書き'), baseVersion: version });
    await saveDraft(id, 'comparison', 0, { content: content('比較の下書き'), baseVersion: version });
    const saved = await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
      sections: { conclusion: { text: '保存した結論' } },
    });
    expect(saved.status).toBe(200);
    expect(((await drafts(id)).body as { items: Draft[] }).items.map((item) => item.section)).toEqual([
      'comparison',
    ]);
    // The draft of a saved section is gone: its next autosave learns that the base moved.
    expect(
      (await saveDraft(id, 'conclusion', 1, { content: content('古い下書き'), baseVersion: version })).status,
    ).toBe(412);

    const cookie = await f.cookie('kodomo-staff');
    const stale = await t.call('DELETE', `/api/v1/analyses/${id}/drafts/comparison`, {
      cookie,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const discarded = await t.call('DELETE', `/api/v1/analyses/${id}/drafts/comparison`, {
      cookie,
      headers: { 'if-match': '"1"' },
    });
    expect(discarded.status).toBe(204);
    expect(await draftRows(id)).toBe(0);
  });

  it('is refused while the report is under review', async () => {
    const id = await started();
    await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
      sections: { conclusion: { text: '提出する結論' } },
    });
    expect(
      (await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/review`, id, { action: 'submit' }))
        .status,
    ).toBe(200);
    const { version } = await f.detail(id);
    const refused = await saveDraft(id, 'conclusion', 0, {
      content: content('審査中'),
      baseVersion: version,
    });
    expect(refused.status).toBe(409);
    expect(await draftRows(id)).toBe(0);
  });

  it('is read only by the owning department and the reform office; another bureau cannot read or write it by guessing the id', async () => {
    const id = await started();
    const { version } = await f.detail(id);
    await saveDraft(id, 'conclusion', 0, { content: content('部署内の下書き'), baseVersion: version });

    expect((await drafts(id, 'kodomo-staff')).status).toBe(200);
    const reform = await drafts(id, 'reform');
    expect(reform.status).toBe(200);
    expect((reform.body as { items: Draft[] }).items).toHaveLength(1);
    for (const login of ['kankyo-dept', 'staff1', 'staff2', 'mayor', 'kodomo-head', 'admin']) {
      const response = await drafts(id, login);
      expect(response.status, login).toBe(404);
      expect(response.text).not.toContain('部署内の下書き');
    }
    expect((await t.call('GET', `/api/v1/analyses/${id}/drafts`)).status).toBe(401);

    // Writing: another bureau's department, and anyone who may not read it, learn nothing (404);
    // the reform office reads drafts but does not write the department's report (403).
    for (const login of ['kankyo-dept', 'staff1', 'mayor']) {
      const response = await saveDraft(
        id,
        'conclusion',
        1,
        { content: content('侵入'), baseVersion: version },
        login,
      );
      expect(response.status, login).toBe(404);
      const discard = await t.call('DELETE', `/api/v1/analyses/${id}/drafts/conclusion`, {
        cookie: await f.cookie(login),
        headers: { 'if-match': '"1"' },
      });
      expect(discard.status, login).toBe(404);
    }
    expect(
      (
        await saveDraft(
          id,
          'conclusion',
          1,
          { content: content('室の上書き'), baseVersion: version },
          'reform',
        )
      ).status,
    ).toBe(403);
    const unknown = await drafts('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const listed = (await drafts(id)).body as { items: Draft[] };
    expect(listed.items[0]).toMatchObject({ version: 1, content: { form: { text: '部署内の下書き' } } });
  });
});
