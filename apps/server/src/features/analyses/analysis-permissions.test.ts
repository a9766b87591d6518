import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';
import {
  type AnalysisDetail,
  type AnalysisFixtures,
  analysisFixtures,
  countFor,
} from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;

/**
 * Everyone the matrix is tried as: the demo sign-ins, the public, and department staff and a bureau
 * head of another bureau (建設局) made for the test.
 */
const ACTORS = [
  'anonymous',
  'reform',
  'mayor',
  'kodomo-head',
  'kodomo-staff',
  'test-kensetsu-staff',
  'test-kensetsu-head',
  'staff1',
  'staff2',
  'pt1',
  'admin',
] as const;
type Actor = (typeof ACTORS)[number];

const INSIDERS: Actor[] = ['reform', 'mayor', 'kodomo-head', 'kodomo-staff'];

beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
  await f.createUser('test-kensetsu-staff', [
    { role: 'department_staff', orgUnit: 'kensetsu' },
    { role: 'staff' },
  ]);
  await f.createUser('test-kensetsu-head', [{ role: 'bureau_head', orgUnit: 'kensetsu' }, { role: 'staff' }]);
});
afterAll(async () => {
  await t.close();
});

async function cookieOf(actor: Actor): Promise<string | null> {
  return actor === 'anonymous' ? null : f.cookie(actor);
}

async function read(actor: Actor, path: string) {
  return t.call('GET', path, { cookie: await cookieOf(actor) });
}

/** Expected status of a write the actor may not make: 401 without a session, 404 for those outside the review, else 403. */
function refusal(actor: Actor, isWorkingCopyRoute: boolean): number {
  if (actor === 'anonymous') return 401;
  if (isWorkingCopyRoute && !INSIDERS.includes(actor)) return 404;
  return 403;
}

/**
 * Tries a write as every actor: those refused all try the same analysis, which must not change
 * (version, rows); each allowed actor gets a fresh one and must succeed.
 */
async function expectOnly(
  allowed: Actor[],
  options: {
    isWorkingCopyRoute: boolean;
    prepare: () => Promise<string>;
    method: string;
    path: (id: string) => string;
    body?: unknown;
    success: number;
    table?: string;
  },
) {
  const shared = await options.prepare();
  const before = await f.detail(shared);
  const rowsBefore = options.table ? await countFor(t, options.table, shared) : 0;
  for (const actor of ACTORS) {
    const isAllowed = allowed.includes(actor);
    const id = isAllowed ? await options.prepare() : shared;
    const current = isAllowed ? await f.detail(id) : before;
    const response = await t.call(options.method, options.path(id), {
      cookie: await cookieOf(actor),
      body: options.body,
      headers: { 'if-match': `"${current.version}"` },
    });
    if (isAllowed) {
      expect(response.status, `${actor}: ${response.text}`).toBe(options.success);
    } else {
      expect(response.status, `${actor}: ${response.text}`).toBe(refusal(actor, options.isWorkingCopyRoute));
    }
  }
  const after = await f.detail(shared);
  expect(after.version).toBe(before.version);
  expect(after.reviewStatus).toBe(before.reviewStatus);
  expect(after.stage).toBe(before.stage);
  if (options.table) expect(await countFor(t, options.table, shared)).toBe(rowsBefore);
}

/** A fresh kodomo-led analysis on a cluster made for it, moved as far as asked. */
async function fresh(state: 'planned' | 'started' | 'submitted' | 'approved' | 'accepted' = 'started') {
  const id = await f.plan(await f.newCluster());
  if (state === 'planned') return id;
  await f.move(id, { to: 'started' });
  if (state === 'started') return id;
  const step = async (login: string, body: Record<string, unknown>) => {
    const response = await f.write(login, 'POST', `/api/v1/analyses/${id}/review`, id, body);
    expect(response.status, response.text).toBe(200);
  };
  await step('kodomo-staff', { action: 'submit' });
  if (state === 'submitted') return id;
  await step('kodomo-head', { action: 'approve' });
  if (state === 'approved') return id;
  await step('reform', { action: 'accept' });
  return id;
}

describe('reading analyses, by role', () => {
  it('shows the plan and stages to every signed-in person and published analyses to the public', async () => {
    const unpublished = await fresh('planned');
    const published = (
      (await read('anonymous', '/api/v1/analyses?fy=2024')).body as { items: { id: string }[] }
    ).items[0]!.id;
    for (const actor of ACTORS) {
      const list = (await read(actor, '/api/v1/analyses?fy=2024')).body as { items: { id: string }[] };
      expect(
        list.items.some((item) => item.id === unpublished),
        actor,
      ).toBe(actor !== 'anonymous');
      expect((await read(actor, `/api/v1/analyses/${published}`)).status, actor).toBe(200);
      expect((await read(actor, `/api/v1/analyses/${unpublished}`)).status, actor).toBe(
        actor === 'anonymous' ? 404 : 200,
      );
    }
  });

  it('gives the working copy, review status, comments and attachments only to the reform office, executives and the owning bureau', async () => {
    const id = await fresh('submitted');
    for (const actor of ACTORS) {
      const isInsider = INSIDERS.includes(actor);
      const detail = await read(actor, `/api/v1/analyses/${id}`);
      expect(detail.status, actor).toBe(actor === 'anonymous' ? 404 : 200);
      if (detail.status === 200) {
        const body = detail.body as AnalysisDetail;
        expect(body.report !== null, actor).toBe(isInsider);
        expect(body.reviewStatus !== null, actor).toBe(isInsider);
      }
      const expected = isInsider ? 200 : actor === 'anonymous' ? 401 : 404;
      expect((await read(actor, `/api/v1/analyses/${id}/comments`)).status, actor).toBe(expected);
      expect((await read(actor, `/api/v1/analyses/${id}/attachments`)).status, actor).toBe(expected);
      // The submitted version is not reported yet: as private as the working copy.
      const version = await read(actor, `/api/v1/analyses/${id}/versions/1`);
      expect(version.status, actor).toBe(isInsider ? 200 : 404);
      const versions = await read(actor, `/api/v1/analyses/${id}/versions`);
      if (versions.status === 200) {
        expect((versions.body as { items: unknown[] }).items.length, actor).toBe(isInsider ? 1 : 0);
      }
    }
  });

  it('shows review status in lists only to those who may see it', async () => {
    const id = await fresh('submitted');
    for (const actor of ACTORS) {
      const list = (await read(actor, '/api/v1/analyses?fy=2024')).body as {
        items: { id: string; reviewStatus: string | null }[];
      };
      const item = list.items.find((entry) => entry.id === id);
      if (actor === 'anonymous') {
        expect(item).toBeUndefined();
      } else {
        expect(item?.reviewStatus ?? null, actor).toBe(INSIDERS.includes(actor) ? 'submitted' : null);
      }
    }
  });

  it('never shows the public who made a move or who submitted', async () => {
    const published = (
      (await read('anonymous', '/api/v1/analyses?fy=2024')).body as {
        items: { id: string; contact: unknown }[];
      }
    ).items[0]!;
    expect(published.contact).toBeNull();
    const detail = (await read('anonymous', `/api/v1/analyses/${published.id}`)).body as {
      transitions: { actor: unknown; note: string }[];
    };
    expect(detail.transitions.every((move) => move.actor === null && move.note === '')).toBe(true);
    const versions = (await read('anonymous', `/api/v1/analyses/${published.id}/versions`)).body as {
      items: { submittedBy: unknown; status: string }[];
    };
    expect(versions.items.length).toBeGreaterThan(0);
    expect(
      versions.items.every((version) => version.submittedBy === null && version.status === 'reported'),
    ).toBe(true);
  });
});

describe('writing analyses, by role', () => {
  it('edits the report: the owning department only', async () => {
    await expectOnly(['kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('started'),
      method: 'PATCH',
      path: (id) => `/api/v1/analyses/${id}/report`,
      body: { sections: { conclusion: { text: '結論' } } },
      success: 200,
    });
  });

  it('submits: the owning department only', async () => {
    await expectOnly(['kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('started'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'submit' },
      success: 200,
      table: 'analysis_versions',
    });
  });

  it('approves: the owning bureau head only', async () => {
    await expectOnly(['kodomo-head'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('submitted'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'approve' },
      success: 200,
    });
  });

  it('returns a submission before approval: the owning bureau head; after approval: the reform office', async () => {
    await expectOnly(['kodomo-head'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('submitted'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'return', comment: '数値の出典を追記してください。' },
      success: 200,
      table: 'analysis_comments',
    });
    await expectOnly(['reform'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('approved'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'return', comment: '比較対象を見直してください。' },
      success: 200,
      table: 'analysis_comments',
    });
  });

  it('accepts: the reform office only', async () => {
    await expectOnly(['reform'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('approved'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'accept' },
      success: 200,
    });
  });

  it('withdraws: the owning department only', async () => {
    await expectOnly(['kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('submitted'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/review`,
      body: { action: 'withdraw' },
      success: 200,
    });
  });

  it('marks an analysis started: the reform office or the owning department', async () => {
    await expectOnly(['reform', 'kodomo-staff'], {
      isWorkingCopyRoute: false,
      prepare: () => fresh('planned'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/transitions`,
      body: { to: 'started' },
      success: 201,
      table: 'analysis_transitions',
    });
  });

  it('records a report at an X meeting: the reform office only', async () => {
    await expectOnly(['reform'], {
      isWorkingCopyRoute: false,
      prepare: () => fresh('accepted'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/transitions`,
      body: { to: 'progress_reported', meetingId: f.meetingId(1) },
      success: 201,
      table: 'analysis_transitions',
    });
  });

  it('changes the plan and publishes: the reform office only', async () => {
    await expectOnly(['reform'], {
      isWorkingCopyRoute: false,
      prepare: () => fresh('planned'),
      method: 'PATCH',
      path: (id) => `/api/v1/analyses/${id}`,
      body: { isPublished: true, dueMeetings: { progress_reported: f.meetingId(2) } },
      success: 200,
      table: 'analysis_due_meetings',
    });
  });

  it('comments: the reform office, the owning bureau head and department, not executives', async () => {
    await expectOnly(['reform', 'kodomo-head', 'kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('submitted'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/comments`,
      body: { body: '確認しました。', versionNumber: 1, section: 'conclusion' },
      success: 201,
      table: 'analysis_comments',
    });
  });

  it('edits effects and benchmarks: the owning department only', async () => {
    await expectOnly(['kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('started'),
      method: 'PUT',
      path: (id) => `/api/v1/analyses/${id}/effects`,
      body: {
        items: [
          {
            label: '委託化',
            fiscalYear: 2025,
            category: 'expenditure_cut',
            recurrence: 'recurring',
            stage: 'planned',
            amount: '1000000',
          },
        ],
      },
      success: 200,
      table: 'analysis_effects',
    });
    await expectOnly(['kodomo-staff'], {
      isWorkingCopyRoute: true,
      prepare: () => fresh('started'),
      method: 'POST',
      path: (id) => `/api/v1/analyses/${id}/benchmarks`,
      body: { name: '1人当たり経費', unit: '円', direction: 'lower_is_better' },
      success: 201,
      table: 'analysis_benchmark_indicators',
    });
  });

  it('creates and removes plan entries: the reform office only', async () => {
    const clusterId = await f.newCluster();
    for (const actor of ACTORS) {
      const response = await t.call('POST', '/api/v1/analyses', {
        cookie: await cookieOf(actor),
        body: { clusterId, fiscalYear: 2024 },
      });
      expect(response.status, actor).toBe(actor === 'reform' ? 201 : actor === 'anonymous' ? 401 : 403);
    }
    await expectOnly(['reform'], {
      isWorkingCopyRoute: false,
      prepare: () => fresh('planned'),
      method: 'DELETE',
      path: (id) => `/api/v1/analyses/${id}`,
      success: 204,
    });
  });

  it('uploads attachments: the reform office and the owning department', async () => {
    const id = await fresh('started');
    for (const actor of ACTORS) {
      const form = new FormData();
      form.set('file', new File([SAMPLE_FILES.pdf()], '資料.pdf'));
      const request = new Request(`http://totonoe.test/api/v1/analyses/${id}/attachments`, {
        method: 'POST',
        headers: {
          origin: 'http://totonoe.test',
          ...(actor === 'anonymous' ? {} : { cookie: (await cookieOf(actor))! }),
        },
        body: form,
      });
      const response = await t.app.request(request);
      const expected = ['reform', 'kodomo-staff'].includes(actor) ? 201 : refusal(actor, true);
      expect(response.status, `${actor}: ${await response.text()}`).toBe(expected);
    }
  });

  it('keeps another bureau’s staff from reading or writing a draft by guessing its id', async () => {
    const id = await fresh('started');
    const ownDraft = await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${id}/report`, id, {
      sections: { conclusion: { text: '未公表の検討内容' } },
    });
    expect(ownDraft.status).toBe(200);
    for (const actor of ['test-kensetsu-staff', 'test-kensetsu-head'] as const) {
      const detail = (await read(actor, `/api/v1/analyses/${id}`)).body as AnalysisDetail;
      expect(JSON.stringify(detail)).not.toContain('未公表の検討内容');
      expect((await read(actor, `/api/v1/analyses/${id}/versions/compare?from=1&to=current`)).status).toBe(
        404,
      );
      const write = await f.write(actor, 'PATCH', `/api/v1/analyses/${id}/report`, id, {
        sections: { conclusion: { text: '上書き' } },
      });
      expect(write.status).toBe(404);
    }
    // And the kodomo department cannot write a 建設局 analysis either.
    const other = await f.plan(await f.newCluster('kensetsu'), 'kensetsu');
    await f.move(other, { to: 'started' });
    const foreign = await f.write('kodomo-staff', 'PATCH', `/api/v1/analyses/${other}/report`, other, {
      sections: { conclusion: { text: 'x' } },
    });
    expect(foreign.status).toBe(404);
    const own = await f.write('test-kensetsu-staff', 'PATCH', `/api/v1/analyses/${other}/report`, other, {
      sections: { conclusion: { text: '建設局の結論' } },
    });
    expect(own.status).toBe(200);
  });
});
