import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { bodyOf, type Cookies, signInAll } from './platinum-test-support.ts';

let t: TestApp;
let cookies: Cookies;
let campaignId: string;

type Campaign = {
  id: string;
  title: string;
  phases: { phase: string; label: { ja: string } }[];
  isSubmissionOpen: boolean;
};
type IdeaSummary = {
  id: string;
  title: string;
  theme: string;
  isAnonymous: boolean;
  author: unknown;
  progress: string;
};
type Issue = {
  id: string;
  title: string;
  status: string;
  assignment: {
    orgUnit: { name: string };
    decision: string | null;
    implementationDateLabel: { ja: string } | null;
  } | null;
  response: { body: string; status: string } | null;
  ideas: IdeaSummary[];
};

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, ['reform', 'staff1', 'staff3', 'pt2', 'kodomo-staff', 'somu-head']);
  const campaigns = await t.call('GET', '/api/v1/campaigns?fy=2024', { cookie: cookies.staff1 });
  campaignId = bodyOf<{ items: Campaign[] }>(campaigns).items.find((item) =>
    item.title.includes('プラチナ'),
  )!.id;
});
afterAll(async () => {
  await t.close();
});

describe('the FY2024 Platinum demo data', () => {
  it('has the seed’s phases: ideas in June–July, PT in July, issues in August, decisions in September, responses in October', async () => {
    const campaign = bodyOf<Campaign>(
      await t.call('GET', `/api/v1/campaigns/${campaignId}`, { cookie: cookies.staff1 }),
    );
    expect(campaign.phases.map((phase) => [phase.phase, phase.label.ja])).toEqual([
      ['submission', '6月〜7月'],
      ['pt_formation', '7月'],
      ['issue_identification', '8月'],
      ['solution_decision', '9月'],
      ['response_announcement', '10月'],
      ['trial', '1月〜3月'],
    ]);
    expect(campaign.isSubmissionOpen).toBe(false);
    const team = bodyOf<{ items: { displayName: string }[] }>(
      await t.call('GET', `/api/v1/campaigns/${campaignId}/team`, { cookie: cookies.staff1 }),
    );
    expect(team.items).toHaveLength(3);
  });

  it('has a few dozen ideas across the three themes, some anonymous, with supports', async () => {
    const response = await t.call(
      'GET',
      `/api/v1/ideas?campaign=${campaignId}&pageSize=200&status=submitted`,
      {
        cookie: cookies.reform,
      },
    );
    const all = await t.call('GET', `/api/v1/campaigns/${campaignId}/board`, { cookie: cookies.staff1 });
    const totals = bodyOf<{ totals: { ideaCount: number; supporterCount: number; announcedCount: number } }>(
      all,
    ).totals;
    expect(totals.ideaCount).toBeGreaterThanOrEqual(30);
    expect(totals.supporterCount).toBeGreaterThanOrEqual(10);
    expect(totals.announcedCount).toBeGreaterThanOrEqual(5);
    expect(bodyOf<{ total: number }>(response).total).toBeGreaterThan(0);
    for (const theme of ['workstyle', 'office', 'rules']) {
      const list = bodyOf<{ total: number; items: IdeaSummary[] }>(
        await t.call('GET', `/api/v1/ideas?campaign=${campaignId}&theme=${theme}&pageSize=200`, {
          cookie: cookies.staff1,
        }),
      );
      expect(list.total, theme).toBeGreaterThanOrEqual(10);
    }
    const anonymous = await t.database.pool.query(
      'select count(*)::int as n from platinum_ideas where campaign_id = $1 and is_anonymous',
      [campaignId],
    );
    expect(anonymous.rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it('has the flextime trial proposed by young staff: adopted, announced and in trial', async () => {
    const issues = bodyOf<{ items: { id: string; title: string }[] }>(
      await t.call('GET', `/api/v1/issues?campaign=${campaignId}`, { cookie: cookies.staff1 }),
    );
    const flextime = issues.items.find((item) => item.title === 'フレックスタイム制度の試行')!;
    const detail = bodyOf<Issue>(
      await t.call('GET', `/api/v1/issues/${flextime.id}`, { cookie: cookies.staff1 }),
    );
    expect(detail.status).toBe('implemented');
    expect(detail.assignment).toMatchObject({
      orgUnit: { name: '総務局' },
      decision: 'adopted',
      implementationDateLabel: { ja: '2025年1月' },
    });
    expect(detail.response?.body).toContain('若手職員');
    expect(detail.ideas.map((idea) => idea.title)).toContain('フレックスタイム制度を導入してほしい');
  });

  it('has issues in every step, including one overdue with 子ども家庭局 and one awaiting approval', async () => {
    const issues = bodyOf<{ items: { status: string }[] }>(
      await t.call('GET', `/api/v1/issues?campaign=${campaignId}`, { cookie: cookies.staff1 }),
    );
    expect(new Set(issues.items.map((item) => item.status))).toEqual(
      new Set(['open', 'on_hold', 'declined', 'sent_on', 'decided', 'announced', 'implemented']),
    );
    const inbox = bodyOf<{ items: { assignment: { isOverdue: boolean } }[] }>(
      await t.call('GET', '/api/v1/issues?assignedToMe=true', { cookie: cookies['kodomo-staff'] }),
    );
    expect(inbox.items.some((item) => item.assignment.isOverdue)).toBe(true);
    const funnel = bodyOf<{ stages: { stage: string; count: number }[] }>(
      await t.call('GET', `/api/v1/campaigns/${campaignId}/funnel`, { cookie: cookies.staff1 }),
    );
    const counts = Object.fromEntries(funnel.stages.map((stage) => [stage.stage, stage.count]));
    expect(counts.submitted).toBeGreaterThan(counts.grouped!);
    expect(counts.grouped).toBeGreaterThan(counts.sent_on!);
    expect(counts.implemented).toBeGreaterThan(0);
  });

  it('told the submitters and supporters of announced issues', async () => {
    const inbox = bodyOf<{ items: { kind: string }[] }>(
      await t.call('GET', '/api/v1/notifications', { cookie: cookies.staff3 }),
    );
    expect(inbox.items.some((item) => item.kind === 'platinum.response_published')).toBe(true);
  });

  it('has a response announced together by 総務局 and 財政局 (連名公表)', async () => {
    const issues = bodyOf<{ items: { id: string; title: string }[] }>(
      await t.call('GET', `/api/v1/issues?campaign=${campaignId}`, { cookie: cookies.staff1 }),
    );
    const telework = issues.items.find((item) => item.title === 'テレワーク環境の拡充')!;
    const detail = bodyOf<Issue & { response: { bureaus: { name: string; hasSigned: boolean }[] } }>(
      await t.call('GET', `/api/v1/issues/${telework.id}`, { cookie: cookies.staff1 }),
    );
    expect(detail.status).toBe('announced');
    expect(detail.response.status).toBe('published');
    expect(detail.response.bureaus.map((bureau) => [bureau.name, bureau.hasSigned])).toEqual([
      ['総務局', true],
      ['財政局', true],
    ]);
    const publicList = bodyOf<{ items: { issueId: string; announcingBureaus: { signedOn: string }[] }[] }>(
      await t.call('GET', '/api/v1/public/platinum-responses?fy=2024'),
    );
    expect(
      publicList.items.find((item) => item.issueId === telework.id)?.announcingBureaus.map((b) => b.signedOn),
    ).toEqual(['2024-09-26', '2024-10-10']);
  });
});
