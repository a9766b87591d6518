import { isoDateOf, preciseDate } from '@totonoe/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  bodyOf,
  type Cookies,
  countRows,
  createCampaign,
  phasesAroundToday,
  signInAll,
  submitIdea,
} from './platinum-test-support.ts';

let t: TestApp;
let cookies: Cookies;
let campaignId: string;

type CampaignBody = {
  title: string;
  description: string;
  themes: string[];
  isSubmissionOpen: boolean;
  version: number;
  phases: { phase: string; label: { ja: string } }[];
  viewer: { canSubmit: boolean };
};

const MILLISECONDS_PER_DAY = 86_400_000;

function dayDate(days: number) {
  const iso = isoDateOf(new Date(Date.now() + days * MILLISECONDS_PER_DAY));
  return preciseDate('day', Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

async function current() {
  const response = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.reform });
  expect(response.status).toBe(200);
  return { body: bodyOf<CampaignBody>(response), etag: response.headers.get('etag')! };
}

async function patch(cookie: string | undefined, body: unknown, etag?: string) {
  return t.call('PATCH', `/api/v1/campaigns/${campaignId}`, {
    ...(cookie ? { cookie } : {}),
    body,
    ...(etag ? { headers: { 'if-match': etag } } : {}),
  });
}

const auditCount = () =>
  countRows(t, 'audit_events', "action = 'platinum_campaign.update' and entity_id = $1", [campaignId]);

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, ['reform', 'staff1', 'pt1', 'kodomo-head', 'mayor', 'admin']);
  campaignId = await createCampaign(t, cookies.reform!, { title: '編集する募集' });
});
afterAll(async () => {
  await t.close();
});

describe('listing campaigns', () => {
  it('counts each campaign’s live ideas, in the list and on its own', async () => {
    const list = await t.call('GET', '/api/v1/campaigns', { cookie: cookies.staff1 });
    const items = bodyOf<{ items: { id: string; fiscalYear: number; ideaCount: number }[] }>(list).items;
    const demo = items.find((item) => item.fiscalYear === 2024)!;
    expect(demo.ideaCount).toBeGreaterThanOrEqual(30);
    const live = await countRows(
      t,
      'platinum_ideas',
      "campaign_id = $1 and status in ('submitted', 'grouped', 'merged')",
      [demo.id],
    );
    expect(demo.ideaCount).toBe(live);
    const one = await t.call('GET', `/api/v1/campaigns/${demo.id}`, { cookie: cookies.staff1 });
    expect(bodyOf<{ ideaCount: number }>(one).ideaCount).toBe(live);
  });
});

describe('editing a campaign', () => {
  it('changes title, description, themes and phase dates, with the version and an audit event', async () => {
    const before = await current();
    const auditsBefore = await auditCount();
    const phases = {
      ...phasesAroundToday({ isSubmissionOpen: true }),
      issue_identification: {
        from: preciseDate('month', 2026, 8),
        to: preciseDate('month', 2026, 8),
      },
      response_announcement: { from: preciseDate('early', 2026, 10), to: preciseDate('early', 2026, 10) },
    };
    const response = await patch(
      cookies.reform,
      {
        title: '  令和8年度 プラチナ募集  ',
        description: '説明を変えます。',
        themes: ['rules', 'office'],
        phases,
      },
      before.etag,
    );
    expect(response.status, response.text).toBe(200);
    const body = bodyOf<CampaignBody>(response);
    expect(body.title).toBe('令和8年度 プラチナ募集');
    expect(body.description).toBe('説明を変えます。');
    expect(body.themes).toEqual(['rules', 'office']);
    expect(body.version).toBe(before.body.version + 1);
    expect(response.headers.get('etag')).toBe(`"${body.version}"`);
    expect(body.phases.map((phase) => phase.phase)).toEqual([
      'submission',
      'pt_formation',
      'issue_identification',
      'response_announcement',
    ]);
    expect(body.phases.find((phase) => phase.phase === 'response_announcement')?.label.ja).toBe('10月上旬');
    expect(await auditCount()).toBe(auditsBefore + 1);
    const audit = await t.database.pool.query(
      "select before, after from audit_events where action = 'platinum_campaign.update' and entity_id = $1 order by id desc limit 1",
      [campaignId],
    );
    expect(audit.rows[0].before.title).toBe('編集する募集');
    expect(audit.rows[0].after.title).toBe('令和8年度 プラチナ募集');
    expect(audit.rows[0].after.themes).toEqual(['rules', 'office']);
  });

  it('takes a phase off with null and leaves the fields it was not given alone', async () => {
    const before = await current();
    const phases = { ...phasesAroundToday({ isSubmissionOpen: true }), issue_identification: null };
    const response = await patch(cookies.reform, { phases }, before.etag);
    expect(response.status, response.text).toBe(200);
    const body = bodyOf<CampaignBody>(response);
    expect(body.phases.map((phase) => phase.phase)).toEqual(['submission', 'pt_formation']);
    expect(body.title).toBe(before.body.title);
    expect(body.themes).toEqual(before.body.themes);
  });

  it('closes and reopens submission through its dates', async () => {
    let state = await current();
    const closed = await patch(
      cookies.reform,
      { phases: { submission: { from: dayDate(-10), to: dayDate(-1) } } },
      state.etag,
    );
    expect(closed.status, closed.text).toBe(200);
    expect(bodyOf<CampaignBody>(closed).isSubmissionOpen).toBe(false);
    const refused = await t.call('POST', '/api/v1/ideas', {
      cookie: cookies.staff1,
      body: { campaignId, theme: 'office', title: '締切後', problem: '課題', proposal: '提案' },
    });
    expect(refused.status).toBe(409);
    expect(bodyOf<{ code: string }>(refused).code).toBe('submission_closed');
    const asStaff = await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.staff1 });
    expect(bodyOf<CampaignBody>(asStaff).viewer.canSubmit).toBe(false);

    state = await current();
    const reopened = await patch(
      cookies.reform,
      { phases: { submission: { from: dayDate(-10), to: dayDate(5) } } },
      state.etag,
    );
    expect(reopened.status, reopened.text).toBe(200);
    expect(bodyOf<CampaignBody>(reopened).isSubmissionOpen).toBe(true);
    await submitIdea(t, cookies.staff1!, campaignId, { theme: 'office', title: '再開後のアイデア' });
  });

  it('refuses to take off a theme its ideas use, and changes nothing', async () => {
    const before = await current();
    const audits = await auditCount();
    const response = await patch(cookies.reform, { title: '変えない', themes: ['rules'] }, before.etag);
    expect(response.status).toBe(409);
    const problem = bodyOf<{ code: string; messages: { ja: string } }>(response);
    expect(problem.code).toBe('conflict');
    expect(problem.messages.ja).toContain('オフィス');
    const after = await current();
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.title).toBe(before.body.title);
    expect(await auditCount()).toBe(audits);
  });

  it('is for the reform office only: staff, PT members, bureau heads, executives and admins are refused', async () => {
    const before = await current();
    for (const login of ['staff1', 'pt1', 'kodomo-head', 'mayor', 'admin']) {
      const response = await patch(cookies[login], { title: `${login}の変更` }, before.etag);
      expect(response.status, login).toBe(403);
    }
    expect((await patch(undefined, { title: '匿名の変更' }, before.etag)).status).toBe(401);
    expect((await current()).body.version).toBe(before.body.version);
  });

  it('answers 428 without If-Match, 412 when stale and 404 for an unknown campaign', async () => {
    const before = await current();
    expect((await patch(cookies.reform, { title: '版なし' })).status).toBe(428);
    expect((await patch(cookies.reform, { title: '古い版' }, `"${before.body.version - 1}"`)).status).toBe(
      412,
    );
    const unknown = await t.call('PATCH', '/api/v1/campaigns/00000000-0000-4000-8000-000000000000', {
      cookie: cookies.reform,
      body: { title: 'ない募集' },
      headers: { 'if-match': before.etag },
    });
    expect(unknown.status).toBe(404);
    expect((await current()).body.version).toBe(before.body.version);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await current();
    const audits = await auditCount();
    const submission = phasesAroundToday({ isSubmissionOpen: true }).submission;
    const cases: unknown[] = [
      { title: '   ' },
      { title: 'あ'.repeat(201) },
      { description: 'あ'.repeat(4001) },
      { themes: [] },
      { themes: ['workstyle', 'workstyle', 'office'] },
      { themes: ['budget'] },
      { fiscalYear: 2030 },
      { status: 'closed' },
      { phases: { submission: { from: submission.to, to: submission.from } } },
      { phases: { pt_formation: { from: dayDate(1), to: dayDate(2) } } },
      { phases: { submission, lunch: { from: dayDate(1), to: dayDate(2) } } },
      {
        phases: {
          submission: {
            from: { precision: 'day', start: '2026-02-30', end: '2026-02-30' },
            to: submission.to,
          },
        },
      },
      'not an object',
    ];
    for (const body of cases) {
      const response = await patch(cookies.reform, body, before.etag);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const after = await current();
    expect(after.body.version).toBe(before.body.version);
    expect(await auditCount()).toBe(audits);
  });

  it('keeps HTML in the title as text', async () => {
    const before = await current();
    const response = await patch(cookies.reform, { title: '<script>alert(1)</script>募集' }, before.etag);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(bodyOf<CampaignBody>(response).title).toBe('<script>alert(1)</script>募集');
  });
});
