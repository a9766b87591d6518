import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { type AnalysisDetail, type AnalysisFixtures, analysisFixtures } from './analysis-test-support.ts';

// The analysis answers are cached per visibility class (analysis-cache.ts): every write must be seen
// by the very next read, and no class may be served another class's copy.
let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
  await f.createUser('hoken-dept', [{ role: 'department_staff', orgUnit: 'hoken' }]);
});
afterAll(async () => {
  await t.close();
});

type Summary = { id: string; stage: string; reviewStatus: string | null };

async function read(login: string | null, path: string) {
  const response = await t.call('GET', path, { cookie: login ? await f.cookie(login) : null });
  return response;
}

async function readBody<T>(login: string | null, path: string): Promise<T> {
  const response = await read(login, path);
  expect(response.status, response.text).toBe(200);
  return response.body as T;
}

const listItem = async (login: string | null, id: string) =>
  (await readBody<{ items: Summary[] }>(login, '/api/v1/analyses?fy=2024')).items.find(
    (item) => item.id === id,
  );

/** Reads every cached answer of the analysis, so the next read after a write would be served from cache. */
async function readAll(id: string) {
  for (const login of ['reform', 'kodomo-staff', 'staff1']) {
    await read(login, `/api/v1/analyses/${id}`);
    await read(login, `/api/v1/analyses/${id}/versions`);
    await read(login, `/api/v1/analyses/${id}/benchmarks`);
    await read(login, `/api/v1/analyses/${id}/effects`);
    await read(login, '/api/v1/analyses?fy=2024');
  }
}

async function expectOk(response: { status: number; text: string }, status = 200) {
  expect(response.status, response.text).toBe(status);
}

describe('cached analysis answers', () => {
  it('show every kind of write at the next read', async () => {
    const id = await f.plan(await f.newCluster());
    await readAll(id);
    expect((await listItem('reform', id))?.stage).toBe('planned');

    // Stage move.
    await f.move(id, { to: 'started' });
    expect((await f.detail(id)).stage).toBe('started');
    expect((await listItem('reform', id))?.stage).toBe('started');
    expect((await listItem('staff1', id))?.stage).toBe('started');
    await readAll(id);

    // Report edit.
    await expectOk(
      await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
        sections: { conclusion: { text: '委託で費用を二割減らす。' } },
      }),
    );
    const edited = await readBody<AnalysisDetail>('kodomo-staff', `/api/v1/analyses/${id}`);
    expect((edited.report as { conclusion: { text: string } }).conclusion.text).toBe(
      '委託で費用を二割減らす。',
    );
    await readAll(id);

    // Submission, approval, return, resubmission, approval, acceptance.
    const review = async (login: string, body: Record<string, unknown>, expected: string) => {
      await readAll(id);
      await expectOk(await f.write(login, 'POST', `/api/v1/analyses/${id}/review`, id, body));
      expect((await readBody<AnalysisDetail>('reform', `/api/v1/analyses/${id}`)).reviewStatus).toBe(
        expected,
      );
      expect((await readBody<AnalysisDetail>('kodomo-staff', `/api/v1/analyses/${id}`)).reviewStatus).toBe(
        expected,
      );
      expect((await listItem('reform', id))?.reviewStatus).toBe(expected);
      const versions = await readBody<{ items: { status: string }[] }>(
        'reform',
        `/api/v1/analyses/${id}/versions`,
      );
      return versions.items;
    };
    expect(
      await review('kodomo-staff', { action: 'submit', report: 'progress_reported' }, 'submitted'),
    ).toHaveLength(1);
    await review('kodomo-head', { action: 'approve' }, 'approved');
    await review('reform', { action: 'return', comment: '根拠を補ってください。' }, 'returned');
    expect(
      await review('kodomo-staff', { action: 'submit', report: 'progress_reported' }, 'submitted'),
    ).toHaveLength(2);
    await review('kodomo-head', { action: 'approve' }, 'approved');
    const accepted = await review('reform', { action: 'accept' }, 'accepted');
    expect(accepted.at(-1)?.status).toBe('accepted');

    // The accepted report reported at a meeting: the stage, the transitions and the list follow.
    await readAll(id);
    await f.move(id, { to: 'progress_reported', meetingId: f.meetingId(1) });
    const moved = await readBody<AnalysisDetail>('staff1', `/api/v1/analyses/${id}`);
    expect(moved.stage).toBe('progress_reported');
    expect(moved.transitions.at(-1)?.toStage).toBe('progress_reported');
    expect((await listItem('staff1', id))?.stage).toBe('progress_reported');
    const reported = await readBody<{ items: { status: string }[] }>(
      'staff1',
      `/api/v1/analyses/${id}/versions`,
    );
    expect(reported.items.map((version) => version.status)).toEqual(['reported']);

    // Benchmark indicator, then a changed value.
    await readAll(id);
    const created = await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
      name: '児童1人当たり運営費',
      unit: '千円',
      direction: 'lower_is_better',
      values: [
        { subject: '本市', isOwnCity: true, year: 2023, value: 2480 },
        { subject: '政令市A', year: 2023, value: 2190 },
      ],
    });
    await expectOk(created, 201);
    type Indicators = { items: { id: string; values: { subject: string; value: number }[] }[] };
    const indicators = await readBody<Indicators>('reform', `/api/v1/analyses/${id}/benchmarks`);
    expect(indicators.items).toHaveLength(1);
    await readAll(id);
    await expectOk(
      await f.write(
        'kodomo-staff',
        'PUT',
        `/api/v1/analyses/${id}/benchmarks/${indicators.items[0]!.id}`,
        id,
        {
          name: '児童1人当たり運営費',
          unit: '千円',
          direction: 'lower_is_better',
          values: [
            { subject: '本市', isOwnCity: true, year: 2023, value: 2000 },
            { subject: '政令市A', year: 2023, value: 2190 },
          ],
        },
      ),
    );
    const changed = await readBody<Indicators>('kodomo-staff', `/api/v1/analyses/${id}/benchmarks`);
    expect(changed.items[0]!.values.find((value) => value.subject === '本市')?.value).toBe(2000);

    // Effect lines.
    await readAll(id);
    await expectOk(
      await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, {
        items: [
          {
            label: '窓口業務の委託',
            fiscalYear: 2025,
            category: 'expenditure_cut',
            recurrence: 'recurring',
            stage: 'planned',
            amount: '120000000',
            basis: '委託費と人件費の差額',
          },
        ],
      }),
    );
    const effects = await readBody<{ items: { amount: string }[] }>(
      'reform',
      `/api/v1/analyses/${id}/effects`,
    );
    expect(effects.items.map((item) => item.amount)).toEqual(['120000000']);

    // A review comment.
    await readAll(id);
    await expectOk(
      await t.call('POST', `/api/v1/analyses/${id}/comments`, {
        cookie: await f.cookie('reform'),
        body: { body: '効果額の根拠は？', versionNumber: 2, section: 'conclusion' },
      }),
      201,
    );
    const comments = await readBody<{ items: { body: string }[] }>(
      'kodomo-staff',
      `/api/v1/analyses/${id}/comments`,
    );
    expect(comments.items.map((comment) => comment.body)).toContain('効果額の根拠は？');

    // Publication: the public sees it only once published, and no longer once withdrawn.
    expect((await read(null, `/api/v1/analyses/${id}`)).status).toBe(404);
    await expectOk(await f.write('reform', 'PATCH', `/api/v1/analyses/${id}`, id, { isPublished: true }));
    expect((await readBody<AnalysisDetail>(null, `/api/v1/analyses/${id}`)).id).toBe(id);
    expect(await listItem(null, id)).toBeDefined();
    await expectOk(await f.write('reform', 'PATCH', `/api/v1/analyses/${id}`, id, { isPublished: false }));
    expect((await read(null, `/api/v1/analyses/${id}`)).status).toBe(404);
    expect(await listItem(null, id)).toBeUndefined();
  });

  it('serve each visibility class its own answer, whoever asked first', async () => {
    const id = await f.plan(await f.newCluster());
    await f.move(id, { to: 'started' });
    await expectOk(
      await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
        sections: { conclusion: { text: '所管課だけが読む作業中の結論' } },
      }),
    );
    await expectOk(
      await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/review`, id, {
        action: 'submit',
        report: 'progress_reported',
      }),
    );
    // The reform office reads first, so everything is in the cache before the others ask.
    const asReform = await readBody<AnalysisDetail>('reform', `/api/v1/analyses/${id}`);
    expect(asReform.report).not.toBeNull();
    expect(asReform.permissions.canEditPlan).toBe(true);
    await readBody('reform', `/api/v1/analyses/${id}/versions`);
    await readBody('reform', `/api/v1/analyses/${id}/versions/compare?from=1&to=current`);
    expect((await listItem('reform', id))?.reviewStatus).toBe('submitted');

    const asOwner = await readBody<AnalysisDetail>('kodomo-staff', `/api/v1/analyses/${id}`);
    expect(asOwner.report).not.toBeNull();
    expect(asOwner.permissions.canEditPlan).toBe(false);
    expect(asOwner.permissions.reviewActions).toEqual(['withdraw']);

    for (const login of ['hoken-dept', 'staff1']) {
      const other = await readBody<AnalysisDetail>(login, `/api/v1/analyses/${id}`);
      expect(other.report, login).toBeNull();
      expect(other.reviewStatus, login).toBeNull();
      expect(other.latestVersion, login).toBeNull();
      expect(other.permissions.canEditReport, login).toBe(false);
      expect((await listItem(login, id))?.reviewStatus, login).toBeNull();
      const versions = await readBody<{ items: unknown[] }>(login, `/api/v1/analyses/${id}/versions`);
      expect(versions.items, login).toEqual([]);
      expect(
        (await read(login, `/api/v1/analyses/${id}/versions/compare?from=1&to=current`)).status,
        login,
      ).toBe(404);
    }
    expect((await read(null, `/api/v1/analyses/${id}`)).status).toBe(404);
    expect((await read(null, `/api/v1/analyses/${id}/versions`)).status).toBe(404);
    expect(await listItem(null, id)).toBeUndefined();

    // And the other way round: a department's copy never reaches the reform office or the public.
    const second = await f.plan(await f.newCluster());
    const ownerFirst = await readBody<AnalysisDetail>('kodomo-staff', `/api/v1/analyses/${second}`);
    expect(ownerFirst.permissions.canEditPlan).toBe(false);
    expect(
      (await readBody<AnalysisDetail>('reform', `/api/v1/analyses/${second}`)).permissions.canEditPlan,
    ).toBe(true);
    expect((await readBody<AnalysisDetail>('staff1', `/api/v1/analyses/${second}`)).report).toBeNull();
    expect((await read(null, `/api/v1/analyses/${second}`)).status).toBe(404);
  });

  it('show a change written by another process (triggers bump the topics in the writer’s transaction)', async () => {
    const id = await f.plan(await f.newCluster());
    await f.move(id, { to: 'started' });
    await expectOk(
      await f.write('kodomo-staff', 'POST', `/api/v1/analyses/${id}/benchmarks`, id, {
        name: '窓口1件当たり費用',
        unit: '円',
        direction: 'lower_is_better',
        values: [{ subject: '本市', isOwnCity: true, year: 2023, value: 900 }],
      }),
      201,
    );
    type Indicators = { items: { values: { value: number }[] }[] };
    expect(
      (await readBody<Indicators>('reform', `/api/v1/analyses/${id}/benchmarks`)).items[0]!.values[0]!.value,
    ).toBe(900);
    const before = await readBody<AnalysisDetail>('reform', `/api/v1/analyses/${id}`);
    const mover = (before as unknown as { transitions: { actor: { displayName: string } | null }[] })
      .transitions[0]!.actor!.displayName;
    await readAll(id);

    // Another app process writes straight to the database.
    const outside = async (statement: string, params: unknown[]) => {
      await t.database.pool.query(statement, params);
      // Embedded, no other process can write: this one's remembered stamps stand in for it.
      if (t.database.kind === 'embedded') t.cacheStamps.clear();
    };
    await outside(
      `update analysis_benchmark_values set value = 800
       where indicator_id in (select id from analysis_benchmark_indicators where analysis_id = $1)`,
      [id],
    );
    expect(
      (await readBody<Indicators>('reform', `/api/v1/analyses/${id}/benchmarks`)).items[0]!.values[0]!.value,
    ).toBe(800);
    await outside("update users set display_name = display_name || '（改）' where display_name = $1", [
      mover,
    ]);
    const renamed = (await readBody<AnalysisDetail>('staff1', `/api/v1/analyses/${id}`)) as unknown as {
      transitions: { actor: { displayName: string } | null }[];
    };
    expect(renamed.transitions[0]!.actor!.displayName).toBe(`${mover}（改）`);
    await outside('update users set display_name = $1 where display_name = $2', [mover, `${mover}（改）`]);
    await outside("update analyses set stage = 'planned' where id = $1", [id]);
    expect((await listItem('staff1', id))?.stage).toBe('planned');
    expect((await readBody<AnalysisDetail>('kodomo-staff', `/api/v1/analyses/${id}`)).stage).toBe('planned');
  });

  it('answers an id written in capitals with the same fresh copy', async () => {
    const id = await f.plan(await f.newCluster());
    const upper = `/api/v1/analyses/${id.toUpperCase()}`;
    const before = await read('reform', upper);
    expect(before.status).toBe(200);
    await f.move(id, { to: 'started' });
    expect((await readBody<AnalysisDetail>('reform', upper)).stage).toBe('started');
  });
});
