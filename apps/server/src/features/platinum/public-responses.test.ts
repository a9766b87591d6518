import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  addTeamMembers,
  bodyOf,
  type Cookies,
  createIssue,
  orgUnitIdOf,
  phasesAroundToday,
  signInAll,
  submitIdea,
  userIdOf,
} from './platinum-test-support.ts';

/**
 * The public face of the Platinum project: responses the bureau heads announced, with the decision,
 * for anyone without a session; never a draft or a response awaiting approval, never an idea, an
 * author or a supporter.
 */

type PublicResponse = {
  issueId: string;
  number: number;
  title: string;
  themeLabel: { ja: string };
  statusLabel: { ja: string };
  decisionLabel: { ja: string } | null;
  implementationDateLabel: { ja: string } | null;
  orgUnitName: string | null;
  body: string;
  publishedOn: string | null;
};
type PublicBody = { fiscalYear: number; fiscalYearLabel: string; items: PublicResponse[] };

let t: TestApp;
let cookies: Cookies;

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, ['reform', 'staff1', 'staff2', 'pt1', 'kodomo-staff', 'kodomo-head']);
});
afterAll(async () => {
  await t.close();
});

async function publicResponses(fiscalYear: number) {
  const response = await t.call('GET', `/api/v1/public/platinum-responses?fy=${fiscalYear}`);
  expect(response.status, response.text).toBe(200);
  return { response, body: bodyOf<PublicBody>(response) };
}

describe('public Platinum responses', () => {
  it('give the FY2024 announced responses without a session, with the flextime trial and its decision', async () => {
    const { response, body } = await publicResponses(2024);
    expect(body.fiscalYearLabel).toBe('令和6年度');
    expect(body.items.length).toBeGreaterThan(0);
    const flextime = body.items.find((item) => item.title.includes('フレックス'));
    expect(flextime, response.text.slice(0, 400)).toBeDefined();
    expect(flextime!.decisionLabel?.ja).toMatch(/採用/);
    expect(flextime!.implementationDateLabel).not.toBeNull();
    expect(flextime!.orgUnitName).toBeTruthy();
    expect(flextime!.publishedOn).toMatch(/^2024-/);
    // Nothing that leads back to the people who proposed or supported the ideas.
    const names = await t.database.pool.query(
      'select distinct u.display_name, u.id::text from platinum_ideas i join users u on u.id = i.author_id',
    );
    for (const row of names.rows) {
      expect(response.text).not.toContain(row.display_name);
      expect(response.text).not.toContain(row.id);
    }
    expect(response.text).not.toMatch(/"author|"ideas"|supporter|"score/);
  });

  it('show a response only once it is approved and published', async () => {
    // A FY2024 campaign (a year the programme has), open today.
    const created = await t.call('POST', '/api/v1/campaigns', {
      cookie: cookies.reform,
      body: {
        fiscalYear: 2024,
        title: '公開確認の募集',
        themes: ['workstyle'],
        phases: phasesAroundToday({ isSubmissionOpen: true }),
      },
    });
    expect(created.status, created.text).toBe(201);
    const campaignId = bodyOf<{ id: string }>(created).id;
    const fiscalYear = 2024;
    await addTeamMembers(t, cookies.reform!, campaignId, [await userIdOf(t, 'pt1')]);
    const idea = await submitIdea(t, cookies.staff1!, campaignId, {
      title: '窓口の待ち時間を表示したい',
      isAnonymous: true,
    });
    await t.call('PUT', `/api/v1/ideas/${idea.id}/supports`, { cookie: cookies.staff2 });
    const issue = await createIssue(t, cookies.pt1!, campaignId, [idea.id], '窓口の待ち時間の見える化');
    const sent = await t.call('PUT', `/api/v1/issues/${issue.id}/assignment`, {
      cookie: cookies.pt1,
      body: { orgUnitId: await orgUnitIdOf(t, 'kodomo'), dueOn: null },
      headers: { 'if-match': `"${issue.version}"` },
    });
    expect(sent.status, sent.text).toBe(200);
    const assignmentVersion = bodyOf<{ assignment: { version: number } }>(sent).assignment.version;
    const decided = await t.call('PATCH', `/api/v1/issues/${issue.id}/assignment`, {
      cookie: cookies['kodomo-staff'],
      body: {
        decision: 'partly_adopted',
        decisionReason: '一部の窓口で試行します。',
        implementationDate: { precision: 'month', start: '2027-04-01', end: '2027-04-30' },
      },
      headers: { 'if-match': `"${assignmentVersion}"` },
    });
    expect(decided.status, decided.text).toBe(200);
    const draft = await t.call('PUT', `/api/v1/issues/${issue.id}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '窓口に待ち時間の表示を試行します。', submit: true },
    });
    expect(draft.status, draft.text).toBeLessThan(300);
    const before = await publicResponses(fiscalYear);
    expect(before.body.items.some((item) => item.issueId === issue.id)).toBe(false);
    expect(before.response.text).not.toContain('窓口に待ち時間の表示を試行します。');

    const pending = await t.call('GET', `/api/v1/issues/${issue.id}`, { cookie: cookies.reform });
    const responseVersion = bodyOf<{ response: { version: number; status: string } }>(pending).response;
    expect(responseVersion.status).toBe('pending_approval');
    const approved = await t.call('POST', `/api/v1/issues/${issue.id}/response/review`, {
      cookie: cookies.reform,
      body: { decision: 'approve' },
      headers: { 'if-match': `"${responseVersion.version}"` },
    });
    expect(approved.status, approved.text).toBe(200);
    const after = await publicResponses(fiscalYear);
    const published = after.body.items.find((item) => item.issueId === issue.id);
    expect(published).toMatchObject({
      title: '窓口の待ち時間の見える化',
      body: '窓口に待ち時間の表示を試行します。',
      decisionLabel: { ja: '一部採用' },
      implementationDateLabel: { ja: '2027年4月' },
      statusLabel: { ja: '対応方針を公表' },
    });
    expect(after.response.text).not.toContain('福祉 一郎');
    expect(after.response.text).not.toContain(await userIdOf(t, 'staff1'));
    expect(after.response.text).not.toContain('窓口の待ち時間を表示したい');
    expect(after.response.text).not.toContain('一部の窓口で試行します。');
  });

  it('answer 404 for a year without data and 400 for a malformed year, the same with a session', async () => {
    expect((await t.call('GET', '/api/v1/public/platinum-responses?fy=1999')).status).toBe(404);
    expect((await t.call('GET', '/api/v1/public/platinum-responses?fy=abc')).status).toBe(400);
    const signedIn = await t.call('GET', '/api/v1/public/platinum-responses?fy=2024', {
      cookie: cookies.reform,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).not.toContain('"author');
  });
});
