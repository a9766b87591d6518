import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  type AnalysisDetail,
  type AnalysisFixtures,
  analysisFixtures,
  countFor,
} from './analysis-test-support.ts';

let t: TestApp;
let f: AnalysisFixtures;
beforeAll(async () => {
  t = await createTestApp();
  f = await analysisFixtures(t);
});
afterAll(async () => {
  await t.close();
});

type Comparison = {
  from: { number: number };
  to: { number: number | null };
  sections: {
    section: string;
    isChanged: boolean;
    changes: {
      path: string;
      kind: string;
      before: unknown;
      after: unknown;
      textDiff?: { kind: string; text: string }[];
    }[];
  }[];
};

async function started(): Promise<string> {
  const id = await f.plan(await f.newCluster());
  await f.move(id, { to: 'started' });
  return id;
}

function saveSections(id: string, sections: Record<string, unknown>, login = 'kodomo-staff') {
  return f.write(login, 'PATCH', `/api/v1/analyses/${id}/report`, id, { sections });
}

function review(id: string, login: string, body: Record<string, unknown>) {
  return f.write(login, 'POST', `/api/v1/analyses/${id}/review`, id, body);
}

describe('the working copy', () => {
  it('saves sections one at a time, keeping the others', async () => {
    const id = await started();
    expect((await saveSections(id, { conclusion: { text: '結論が先。' } })).status).toBe(200);
    const response = await saveSections(id, {
      currentState: {
        text: '現状',
        annualCost: '1234567000',
        staffCount: 12.5,
        volumes: [{ label: '利用者数', value: 3000, unit: '人' }],
        budgetLines: [{ name: '運営費', amount: '98765000', legalBasis: '児童福祉法第24条', note: '' }],
      },
    });
    expect(response.status).toBe(200);
    const report = (response.body as AnalysisDetail).report as {
      conclusion: { text: string };
      currentState: { budgetLines: { amount: string }[] };
    };
    expect(report.conclusion.text).toBe('結論が先。');
    expect(report.currentState.budgetLines[0]!.amount).toBe('98765000');
    expect(response.headers.get('etag')).toBe(`"${(response.body as AnalysisDetail).version}"`);
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const id = await started();
    const before = await f.detail(id);
    const bad = [
      { currentState: { text: '', annualCost: null, staffCount: -1, volumes: [], budgetLines: [] } },
      { conclusion: { text: 'x'.repeat(20_001) } },
      { unknownSection: { text: '' } },
      { roadmap: { steps: [{ fiscalYear: 2025, quarter: 5, title: 'x', detail: '' }] } },
      { currentState: { text: '', annualCost: '-100', staffCount: 1, volumes: [], budgetLines: [] } },
    ];
    for (const sections of bad) {
      const response = await saveSections(id, sections);
      expect(response.status, JSON.stringify(sections).slice(0, 80)).toBe(400);
      const problem = response.body as { code: string; messages: { ja: string; en: string } };
      expect(problem.code).toBe('validation_failed');
      expect(problem.messages.ja.length).toBeGreaterThan(0);
    }
    const after = await f.detail(id);
    expect(after.version).toBe(before.version);
    expect(after.report).toEqual(before.report);
  });

  it('needs If-Match; the second of two writers gets 412 and can read the other’s change', async () => {
    const id = await started();
    const cookie = await f.cookie('kodomo-staff');
    const { version } = await f.detail(id);
    const first = await t.call('PATCH', `/api/v1/analyses/${id}/report`, {
      cookie,
      body: { sections: { conclusion: { text: '一人目' } } },
      headers: { 'if-match': `"${version}"` },
    });
    expect(first.status).toBe(200);
    const second = await t.call('PATCH', `/api/v1/analyses/${id}/report`, {
      cookie,
      body: { sections: { issues: { items: [{ title: '二人目', detail: '' }] } } },
      headers: { 'if-match': `"${version}"` },
    });
    expect(second.status).toBe(412);
    expect((second.body as { code: string }).code).toBe('precondition_failed');
    const latest = await t.call('GET', `/api/v1/analyses/${id}`, { cookie });
    expect((latest.body as { report: { conclusion: { text: string } } }).report.conclusion.text).toBe(
      '一人目',
    );
    const missing = await t.call('PATCH', `/api/v1/analyses/${id}/report`, {
      cookie,
      body: { sections: {} },
    });
    expect(missing.status).toBe(428);
  });
});

describe('submitting, reviewing and versions', () => {
  it('runs the journey: submit, approve, return with a comment, revise, resubmit, approve, accept, report at 第1回', async () => {
    const id = await started();
    await saveSections(id, { conclusion: { text: '民営化を検討する。' } });
    expect((await review(id, 'kodomo-staff', { action: 'submit' })).status).toBe(200);
    let detail = await f.detail(id);
    expect(detail.reviewStatus).toBe('submitted');
    expect(detail.latestVersion).toEqual({ number: 1, report: 'progress_reported', status: 'submitted' });

    // While it waits for review, nobody edits the working copy.
    const locked = await saveSections(id, { conclusion: { text: '割り込み' } });
    expect(locked.status).toBe(409);

    expect((await review(id, 'kodomo-head', { action: 'approve' })).status).toBe(200);
    const noReason = await review(id, 'reform', { action: 'return' });
    expect(noReason.status).toBe(400);
    expect((await f.detail(id)).reviewStatus).toBe('approved');
    expect(
      (await review(id, 'reform', { action: 'return', comment: '比較対象の政令市を追加してください。' }))
        .status,
    ).toBe(200);
    detail = await f.detail(id);
    expect(detail.reviewStatus).toBe('returned');

    const comments = await t.call('GET', `/api/v1/analyses/${id}/comments`, {
      cookie: await f.cookie('kodomo-staff'),
    });
    expect((comments.body as { items: { versionNumber: number; body: string }[] }).items).toMatchObject([
      { versionNumber: 1, body: '比較対象の政令市を追加してください。' },
    ]);

    await saveSections(id, {
      conclusion: { text: '民営化を検討する。比較した政令市の多くは既に移管している。' },
    });
    expect((await review(id, 'kodomo-staff', { action: 'submit', report: 'progress_reported' })).status).toBe(
      200,
    );
    expect((await review(id, 'kodomo-head', { action: 'approve' })).status).toBe(200);
    expect((await review(id, 'reform', { action: 'accept' })).status).toBe(200);
    detail = await f.move(id, { to: 'progress_reported', meetingId: f.meetingId(1) });
    expect(detail.stage).toBe('progress_reported');

    const versions = await t.call('GET', `/api/v1/analyses/${id}/versions`, {
      cookie: await f.cookie('reform'),
    });
    expect((versions.body as { items: { number: number; status: string }[] }).items).toEqual([
      expect.objectContaining({ number: 1, status: 'returned' }),
      expect.objectContaining({ number: 2, status: 'reported' }),
    ]);

    const compare = await t.call('GET', `/api/v1/analyses/${id}/versions/compare?from=1&to=2`, {
      cookie: await f.cookie('reform'),
    });
    expect(compare.status).toBe(200);
    const body = compare.body as Comparison;
    expect(body.sections.filter((section) => section.isChanged).map((section) => section.section)).toEqual([
      'conclusion',
    ]);
    expect(body.sections[0]!.changes[0]!.textDiff).toEqual([
      { kind: 'same', text: '民営化を検討する。' },
      { kind: 'added', text: '比較した政令市の多くは既に移管している。' },
    ]);

    // Others see the reported version only, and the comparison only between reported versions.
    const staff = await f.cookie('staff2');
    const othersVersions = await t.call('GET', `/api/v1/analyses/${id}/versions`, { cookie: staff });
    expect((othersVersions.body as { items: { number: number }[] }).items.map((item) => item.number)).toEqual(
      [2],
    );
    expect((await t.call('GET', `/api/v1/analyses/${id}/versions/1`, { cookie: staff })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/analyses/${id}/versions/2`, { cookie: staff })).status).toBe(200);
    expect(
      (await t.call('GET', `/api/v1/analyses/${id}/versions/compare?from=1&to=2`, { cookie: staff })).status,
    ).toBe(404);
  });

  it('freezes a version: later edits of the working copy do not change it, and the comparison with the working copy shows them', async () => {
    const id = await started();
    await saveSections(id, { issues: { items: [{ title: '論点A', detail: '' }] } });
    await f.write('kodomo-staff', 'PUT', `/api/v1/analyses/${id}/effects`, id, {
      items: [
        {
          label: '委託化',
          fiscalYear: 2025,
          category: 'expenditure_cut',
          recurrence: 'recurring',
          stage: 'planned',
          amount: '5000000',
        },
      ],
    });
    await review(id, 'kodomo-staff', { action: 'submit' });
    await review(id, 'kodomo-staff', { action: 'withdraw' });
    expect((await f.detail(id)).reviewStatus).toBe('draft');
    await saveSections(id, {
      issues: {
        items: [
          { title: '論点A', detail: '' },
          { title: '論点B', detail: '' },
        ],
      },
    });

    const cookie = await f.cookie('kodomo-head');
    const frozen = await t.call('GET', `/api/v1/analyses/${id}/versions/1`, { cookie });
    expect(frozen.status).toBe(200);
    const content = frozen.body as {
      status: string;
      content: { sections: { issues: { items: unknown[] } }; effects: { amount: string }[] };
    };
    expect(content.status).toBe('withdrawn');
    expect(content.content.sections.issues.items).toHaveLength(1);
    expect(content.content.effects).toMatchObject([{ amount: '5000000' }]);

    const compare = await t.call('GET', `/api/v1/analyses/${id}/versions/compare?from=1&to=current`, {
      cookie,
    });
    const issues = (compare.body as Comparison).sections.find((section) => section.section === 'issues')!;
    expect(issues.changes).toEqual([
      { path: 'items[1].title', kind: 'added', before: null, after: '論点B' },
      {
        path: 'items[1].detail',
        kind: 'added',
        before: null,
        after: '',
      },
    ]);
  });

  it('refuses review steps out of order and reports that cannot be submitted yet', async () => {
    const planned = await f.plan(await f.newCluster());
    const early = await review(planned, 'kodomo-staff', { action: 'submit' });
    expect(early.status).toBe(409);
    expect(await countFor(t, 'analysis_versions', planned)).toBe(0);

    const id = await started();
    expect((await review(id, 'kodomo-staff', { action: 'submit', report: 'final_reported' })).status).toBe(
      409,
    );
    expect((await review(id, 'reform', { action: 'accept' })).status).toBe(409);
    expect((await review(id, 'kodomo-head', { action: 'approve' })).status).toBe(409);
    expect((await review(id, 'kodomo-staff', { action: 'withdraw' })).status).toBe(409);
    expect((await review(id, 'kodomo-staff', { action: 'publish' })).status).toBe(400);
    expect(await countFor(t, 'analysis_versions', id)).toBe(0);
    expect((await f.detail(id)).reviewStatus).toBe('draft');
  });

  it('threads comments on a version and section; a reply follows its thread', async () => {
    const id = await started();
    await review(id, 'kodomo-staff', { action: 'submit' });
    const reform = await f.cookie('reform');
    const first = await t.call('POST', `/api/v1/analyses/${id}/comments`, {
      cookie: reform,
      body: { body: '結論の根拠は？', versionNumber: 1, section: 'conclusion' },
    });
    expect(first.status).toBe(201);
    const reply = await t.call('POST', `/api/v1/analyses/${id}/comments`, {
      cookie: await f.cookie('kodomo-staff'),
      body: { body: '比較分析の表をご覧ください。', parentId: (first.body as { id: string }).id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      versionNumber: 1,
      section: 'conclusion',
      parentId: (first.body as { id: string }).id,
    });
    const noVersion = await t.call('POST', `/api/v1/analyses/${id}/comments`, {
      cookie: reform,
      body: { body: 'x', versionNumber: 9 },
    });
    expect(noVersion.status).toBe(422);
    const empty = await t.call('POST', `/api/v1/analyses/${id}/comments`, {
      cookie: reform,
      body: { body: '  ' },
    });
    expect(empty.status).toBe(400);
    const badSection = await t.call('POST', `/api/v1/analyses/${id}/comments`, {
      cookie: reform,
      body: { body: 'x', section: 'summary' },
    });
    expect(badSection.status).toBe(400);
    expect(await countFor(t, 'analysis_comments', id)).toBe(2);
  });

  it('records every write in the audit trail', async () => {
    const id = await started();
    await saveSections(id, { conclusion: { text: '監査' } });
    await review(id, 'kodomo-staff', { action: 'submit' });
    const audit = await t.database.pool.query<{ action: string }>(
      "select action from audit_events where entity_type = 'analysis' and entity_id = $1 order by id",
      [id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'analysis.plan.create',
      'analysis.stage.move',
      'analysis.report.update',
      'analysis.review.submit',
    ]);
  });
});
