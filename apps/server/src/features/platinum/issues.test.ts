import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  addTeamMembers,
  bodyOf,
  type Cookies,
  countRows,
  createCampaign,
  createIssue,
  orgUnitIdOf,
  signInAll,
  submitIdea,
  userIdOf,
} from './platinum-test-support.ts';

let t: TestApp;
let cookies: Cookies;
let campaignId: string;
let kodomoId: string;

type Issue = {
  id: string;
  version: number;
  status: string;
  statusReason: string | null;
  scoreProgress: string | null;
  ideas: { id: string; progress: string }[];
  scores: {
    summary: { progressLabel: string; averages: Record<string, number> | null };
    reviews: unknown[];
  } | null;
  assignment: {
    orgUnit: { id: string };
    decision: string | null;
    decisionReason: string | null;
    options: { title: string }[];
    implementationDateLabel: { ja: string } | null;
    version: number;
  } | null;
  response: { body: string; status: string; version: number } | null;
  viewer: Record<string, boolean>;
};

async function issue(id: string, cookie: string): Promise<Issue> {
  const response = await t.call('GET', `/api/v1/issues/${id}`, { cookie });
  expect(response.status, response.text).toBe(200);
  return bodyOf<Issue>(response);
}

async function notificationsOf(login: string) {
  const response = await t.call('GET', '/api/v1/notifications', { cookie: cookies[login] });
  expect(response.status).toBe(200);
  return bodyOf<{
    items: { id: string; kind: string; title: { ja: string }; link: string; readAt: string | null }[];
    unreadCount: number;
  }>(response);
}

beforeAll(async () => {
  t = await createTestApp();
  // staff1 also acts as department staff of another bureau (保健福祉局), to prove another bureau is refused.
  await t.database.pool.query(
    "insert into user_roles (user_id, role, org_unit_id) select u.id, 'department_staff', o.id from users u, org_units o where u.login = 'staff1' and o.code = 'hoken'",
  );
  cookies = await signInAll(t, [
    'reform',
    'staff1',
    'staff2',
    'pt1',
    'kodomo-head',
    'kodomo-staff',
    'mayor',
    'admin',
  ]);
  campaignId = await createCampaign(t, cookies.reform!);
  kodomoId = await orgUnitIdOf(t, 'kodomo');
  await addTeamMembers(t, cookies.reform!, campaignId, [
    await userIdOf(t, 'pt1'),
    await userIdOf(t, 'staff2'),
    await userIdOf(t, 'kodomo-head'),
  ]);
});
afterAll(async () => {
  await t.close();
});

describe('the project team', () => {
  it('is chosen by the reform office; the member is told', async () => {
    const team = await t.call('GET', `/api/v1/campaigns/${campaignId}/team`, { cookie: cookies.staff1 });
    expect(bodyOf<{ items: { displayName: string }[] }>(team).items).toHaveLength(3);
    const staff1 = await userIdOf(t, 'staff1');
    expect(
      (await t.call('PUT', `/api/v1/campaigns/${campaignId}/team/${staff1}`, { cookie: cookies.pt1 })).status,
    ).toBe(403);
    const mayorId = await userIdOf(t, 'mayor');
    // The mayor holds no staff role, so cannot sit on a PT.
    expect(
      (await t.call('PUT', `/api/v1/campaigns/${campaignId}/team/${mayorId}`, { cookie: cookies.reform }))
        .status,
    ).toBe(400);
    const joined = (await notificationsOf('pt1')).items.find((item) => item.kind === 'platinum.team_joined');
    expect(joined?.link).toBe(`/platinum/campaigns/${campaignId}/triage`);
    const candidates = await t.call(
      'GET',
      `/api/v1/campaigns/${campaignId}/team/candidates?q=${encodeURIComponent('福祉')}`,
      {
        cookie: cookies.reform,
      },
    );
    expect(
      bodyOf<{ items: { displayName: string }[] }>(candidates).items.map((item) => item.displayName),
    ).toContain('福祉 一郎');
  });
});

describe('grouping, merging and scoring', () => {
  it('lets PT members group ideas into an issue, and no one else', async () => {
    const a = await submitIdea(t, cookies.staff1!, campaignId, { title: '在宅勤務の申請を電子化' });
    const body = { campaignId, theme: 'workstyle', title: '在宅勤務', summary: '', ideaIds: [a.id] };
    expect((await t.call('POST', '/api/v1/issues', { cookie: cookies.staff1, body })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/issues', { cookie: cookies['kodomo-staff'], body })).status).toBe(
      403,
    );
    const other = await createCampaign(t, cookies.reform!, { title: '他の募集' });
    const foreign = await t.call('POST', '/api/v1/issues', {
      cookie: cookies.pt1,
      body: { ...body, campaignId: other },
    });
    expect(foreign.status).toBe(403);
    const created = await createIssue(t, cookies.pt1!, campaignId, [a.id], '在宅勤務の手続');
    const detail = await issue(created.id, cookies.staff1!);
    expect(detail.status).toBe('open');
    expect(detail.ideas.map((idea) => idea.id)).toEqual([a.id]);
    expect(detail.ideas[0]!.progress).toBe('grouped');
    const twice = await t.call('POST', '/api/v1/issues', { cookie: cookies.pt1, body });
    expect(twice.status).toBe(409);
  });

  it('merges a duplicate: supports carry over, and undoing the merge takes them back', async () => {
    const kept = await submitIdea(t, cookies.staff1!, campaignId, { title: 'ペーパーレス会議を進めたい' });
    const duplicate = await submitIdea(t, cookies.staff2!, campaignId, { title: '会議資料をペーパーレスに' });
    await t.call('PUT', `/api/v1/ideas/${duplicate.id}/supports`, { cookie: cookies['kodomo-staff'] });
    await t.call('PUT', `/api/v1/ideas/${duplicate.id}/supports`, { cookie: cookies.staff1 }); // the kept idea's author
    await t.call('PUT', `/api/v1/ideas/${kept.id}/supports`, { cookie: cookies['kodomo-staff'] }); // already supports both
    await t.call('PUT', `/api/v1/ideas/${kept.id}/supports`, { cookie: cookies.reform });
    const mergePath = `/api/v1/ideas/${duplicate.id}/merge`;
    expect(
      (await t.call('PUT', mergePath, { cookie: cookies.staff1, body: { keptIdeaId: kept.id } })).status,
    ).toBe(403);
    expect(
      (await t.call('PUT', mergePath, { cookie: cookies.pt1, body: { keptIdeaId: duplicate.id } })).status,
    ).toBe(400);
    const merged = await t.call('PUT', mergePath, { cookie: cookies.pt1, body: { keptIdeaId: kept.id } });
    expect(merged.status, merged.text).toBe(200);
    expect(bodyOf(merged)).toMatchObject({ progress: 'merged', mergedInto: { id: kept.id } });
    const keptAfter = bodyOf<{ supportCount: number; mergedIdeas: { id: string }[] }>(
      await t.call('GET', `/api/v1/ideas/${kept.id}`, { cookie: cookies.staff2 }),
    );
    // kodomo-staff and reform already supported the kept idea; staff1 is its author and is not carried.
    expect(keptAfter.supportCount).toBe(2);
    expect(keptAfter.mergedIdeas.map((idea) => idea.id)).toEqual([duplicate.id]);
    await t.call('DELETE', `/api/v1/ideas/${kept.id}/supports`, { cookie: cookies.reform });
    const another = await submitIdea(t, cookies['kodomo-head']!, campaignId, {
      title: 'ペーパーレス会議の徹底',
    });
    await t.call('PUT', `/api/v1/ideas/${another.id}/supports`, { cookie: cookies.reform });
    await t.call('PUT', `/api/v1/ideas/${another.id}/merge`, {
      cookie: cookies.pt1,
      body: { keptIdeaId: kept.id },
    });
    expect(
      bodyOf<{ supportCount: number }>(
        await t.call('GET', `/api/v1/ideas/${kept.id}`, { cookie: cookies.staff2 }),
      ).supportCount,
    ).toBe(2);
    expect(
      (await t.call('PUT', `/api/v1/ideas/${another.id}/supports`, { cookie: cookies.staff2 })).status,
    ).toBe(409);
    const undone = await t.call('DELETE', `/api/v1/ideas/${another.id}/merge`, { cookie: cookies.pt1 });
    expect(undone.status).toBe(200);
    expect(bodyOf(undone)).toMatchObject({ progress: 'submitted', mergedInto: null, supportCount: 1 });
    expect(
      bodyOf<{ supportCount: number }>(
        await t.call('GET', `/api/v1/ideas/${kept.id}`, { cookie: cookies.staff2 }),
      ).supportCount,
    ).toBe(1);
    const rows = await countRows(t, 'platinum_supports', 'idea_id = $1', [kept.id]);
    expect(rows).toBe(1);
    expect(
      (await t.call('DELETE', `/api/v1/ideas/${another.id}/merge`, { cookie: cookies.pt1 })).status,
    ).toBe(409);
  });

  it('scores on the rubric: 1–5 each, PT members only, "2/3 scored"', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '評価される案' });
    const created = await createIssue(t, cookies.pt1!, campaignId, [idea.id], '評価対象');
    const path = `/api/v1/issues/${created.id}/scores`;
    const before = await countRows(t, 'platinum_issue_scores');
    for (const body of [
      { impact: 6, feasibility: 3, breadth: 3 },
      { impact: 0, feasibility: 3, breadth: 3 },
      { impact: 2.5, feasibility: 3, breadth: 3 },
      { impact: 3, feasibility: 3 },
      { impact: 3, feasibility: 3, breadth: 3, cost: 1 },
      { impact: '5', feasibility: 3, breadth: 3 },
    ]) {
      expect((await t.call('PUT', path, { cookie: cookies.pt1, body })).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    expect(await countRows(t, 'platinum_issue_scores')).toBe(before);
    const good = { impact: 5, feasibility: 4, breadth: 3, comment: '効果が大きい' };
    expect((await t.call('PUT', path, { cookie: cookies.staff1, body: good })).status).toBe(403);
    expect((await t.call('PUT', path, { cookie: cookies.reform, body: good })).status).toBe(403);
    expect((await t.call('PUT', path, { cookie: cookies.pt1, body: good })).status).toBe(200);
    const second = await t.call('PUT', path, {
      cookie: cookies.staff2,
      body: { impact: 3, feasibility: 2, breadth: 3 },
    });
    const scored = bodyOf<Issue>(second);
    expect(scored.scoreProgress).toBe('2/3');
    expect(scored.scores?.summary).toMatchObject({
      progressLabel: '2/3',
      averages: { impact: 4, feasibility: 3, breadth: 3 },
    });
    // Scoring again replaces one's own score.
    await t.call('PUT', path, { cookie: cookies.staff2, body: { impact: 5, feasibility: 4, breadth: 3 } });
    expect((await issue(created.id, cookies.reform!)).scores?.summary.progressLabel).toBe('2/3');
    const peer = await issue(created.id, cookies.staff1!);
    expect(peer.scores).toBeNull();
    expect(peer.scoreProgress).toBeNull();
    expect((await t.call('GET', path, { cookie: cookies.staff1 })).status).toBe(403);
    expect((await t.call('GET', path, { cookie: cookies.mayor })).status).toBe(200);
  });
});

describe('triage, the bureau decision and the announced response', () => {
  it('holds and declines only with a reason the submitters see and are told', async () => {
    const idea = await submitIdea(t, cookies.staff1!, campaignId, { title: '見送られる案' });
    const created = await createIssue(t, cookies.pt1!, campaignId, [idea.id], '見送り対象');
    const path = `/api/v1/issues/${created.id}/status`;
    const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
    expect((await t.call('POST', path, { cookie: cookies.pt1, body: { action: 'hold' } })).status).toBe(428);
    const noReason = await t.call('POST', path, {
      cookie: cookies.pt1,
      body: { action: 'hold' },
      headers: ifMatch(created.version),
    });
    expect(noReason.status).toBe(400);
    const held = await t.call('POST', path, {
      cookie: cookies.pt1,
      body: { action: 'hold', reason: '来年度の制度改正を待つ' },
      headers: ifMatch(created.version),
    });
    expect(held.status).toBe(200);
    const heldIssue = bodyOf<Issue>(held);
    const ideaView = await t.call('GET', `/api/v1/ideas/${idea.id}`, { cookie: cookies.staff1 });
    expect(bodyOf(ideaView)).toMatchObject({ progress: 'on_hold', statusReason: '来年度の制度改正を待つ' });
    const declined = await t.call('POST', path, {
      cookie: cookies.pt1,
      body: { action: 'decline', reason: '既に同様の制度があるため' },
      headers: ifMatch(heldIssue.version),
    });
    expect(bodyOf<Issue>(declined)).toMatchObject({
      status: 'declined',
      statusReason: '既に同様の制度があるため',
    });
    const told = (await notificationsOf('staff1')).items.find(
      (item) => item.kind === 'platinum.issue_declined',
    );
    expect(told?.title.ja).toContain('見送り対象');
    const bad = await t.call('POST', path, {
      cookie: cookies.pt1,
      body: { action: 'recall' },
      headers: ifMatch(bodyOf<Issue>(declined).version),
    });
    expect(bad.status).toBe(409);
  });

  it('runs from sending on to the announced response, refusing another bureau and bad decisions', async () => {
    const mine = await submitIdea(t, cookies.staff1!, campaignId, {
      title: '子育て中の職員の時差出勤',
      isAnonymous: true,
    });
    const theirs = await submitIdea(t, cookies.staff2!, campaignId, { title: '時差出勤の拡大' });
    await t.call('PUT', `/api/v1/ideas/${mine.id}/supports`, { cookie: cookies.reform });
    await t.call('PUT', `/api/v1/ideas/${theirs.id}/supports`, { cookie: cookies['kodomo-staff'] });
    const created = await createIssue(t, cookies.pt1!, campaignId, [mine.id, theirs.id], '時差出勤の拡大');
    const path = `/api/v1/issues/${created.id}`;

    // Send on to 子ども家庭局 with a due date.
    const sendBody = { orgUnitId: kodomoId, dueOn: '2099-12-31' };
    expect(
      (
        await t.call('PUT', `${path}/assignment`, {
          cookie: cookies.staff1,
          body: sendBody,
          headers: { 'if-match': '"1"' },
        })
      ).status,
    ).toBe(403);
    const unknownUnit = await t.call('PUT', `${path}/assignment`, {
      cookie: cookies.pt1,
      body: { ...sendBody, orgUnitId: '00000000-0000-4000-8000-000000000000' },
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(unknownUnit.status).toBe(400);
    const sent = await t.call('PUT', `${path}/assignment`, {
      cookie: cookies.pt1,
      body: sendBody,
      headers: { 'if-match': `"${created.version}"` },
    });
    expect(sent.status, sent.text).toBe(200);
    expect(bodyOf<Issue>(sent).status).toBe('sent_on');
    expect(
      (await notificationsOf('kodomo-head')).items.some((item) => item.kind === 'platinum.issue_assigned'),
    ).toBe(true);
    const inbox = await t.call('GET', '/api/v1/issues?assignedToMe=true', {
      cookie: cookies['kodomo-staff'],
    });
    expect(bodyOf<{ items: { id: string }[] }>(inbox).items.map((item) => item.id)).toContain(created.id);

    // The decision: refused for another bureau and for bad input; nothing changes.
    let assignmentVersion = bodyOf<Issue>(sent).assignment!.version;
    const decide = (cookie: string | undefined, body: unknown, version = assignmentVersion) =>
      t.call('PATCH', `${path}/assignment`, { cookie, body, headers: { 'if-match': `"${version}"` } });
    const adopted = {
      decision: 'adopted',
      decisionReason: '子育て世代の職員の負担軽減に有効であるため',
      implementationDate: { precision: 'month', start: '2025-01-01', end: '2025-01-31' },
      options: [{ title: '時差出勤の時間帯拡大', summary: '7時〜10時の間で30分刻み' }],
    };
    expect((await decide(cookies.staff1, adopted)).status).toBe(403); // department staff of 保健福祉局
    expect((await decide(cookies.staff2, adopted)).status).toBe(403);
    expect((await decide(cookies.reform, adopted)).status).toBe(403);
    expect((await decide(cookies.pt1, adopted)).status).toBe(403);
    expect((await decide(cookies['kodomo-staff'], { ...adopted, implementationDate: null })).status).toBe(
      400,
    );
    expect((await decide(cookies['kodomo-staff'], { ...adopted, decision: 'not_adopted' })).status).toBe(400);
    expect((await decide(cookies['kodomo-staff'], { ...adopted, decisionReason: '  ' })).status).toBe(400);
    expect((await decide(cookies['kodomo-staff'], { ...adopted, decision: 'maybe' })).status).toBe(400);
    const inconsistentDate = {
      ...adopted,
      implementationDate: { precision: 'month', start: '2025-01-05', end: '2025-01-31' },
    };
    expect((await decide(cookies['kodomo-staff'], inconsistentDate)).status).toBe(400);
    expect((await decide(cookies['kodomo-staff'], adopted, assignmentVersion + 5)).status).toBe(412);
    expect(bodyOf<Issue>(await t.call('GET', path, { cookie: cookies.pt1 })).status).toBe('sent_on');

    const decided = await decide(cookies['kodomo-staff'], adopted);
    expect(decided.status, decided.text).toBe(200);
    const decidedIssue = bodyOf<Issue>(decided);
    expect(decidedIssue.status).toBe('decided');
    expect(decidedIssue.assignment).toMatchObject({
      decision: 'adopted',
      implementationDateLabel: { ja: '2025年1月' },
    });
    assignmentVersion = decidedIssue.assignment!.version;
    // Before the announcement, staff see that it was decided but not what.
    const peerView = await issue(created.id, cookies.staff1!);
    expect(peerView.status).toBe('decided');
    expect(peerView.assignment).toMatchObject({ decision: null, decisionReason: null, options: [] });

    // The response: only the bureau head writes it; the reform office approves.
    const responseBody = {
      body: '令和7年1月から、子育て中の職員を対象に時差出勤の時間帯を拡大して試行します。',
      submit: true,
    };
    expect(
      (await t.call('PUT', `${path}/response`, { cookie: cookies['kodomo-staff'], body: responseBody }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('PUT', `${path}/response`, { cookie: cookies.staff1, body: responseBody })).status,
    ).toBe(403);
    expect(
      (await t.call('PUT', `${path}/response`, { cookie: cookies['kodomo-head'], body: { body: '' } }))
        .status,
    ).toBe(400);
    const submitted = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: responseBody,
    });
    expect(submitted.status, submitted.text).toBe(200);
    const response = bodyOf<Issue>(submitted).response!;
    expect(response.status).toBe('pending_approval');
    expect(await issue(created.id, cookies.staff1!).then((view) => view.response)).toBeNull();
    const overwrite = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: responseBody,
    });
    expect(overwrite.status).toBe(428);
    expect(
      (await notificationsOf('reform')).items.some((item) => item.kind === 'platinum.response_pending'),
    ).toBe(true);

    const review = (cookie: string | undefined, body: unknown, version: number) =>
      t.call('POST', `${path}/response/review`, { cookie, body, headers: { 'if-match': `"${version}"` } });
    expect((await review(cookies['kodomo-head'], { decision: 'approve' }, response.version)).status).toBe(
      403,
    );
    expect((await review(cookies.reform, { decision: 'return' }, response.version)).status).toBe(400);
    const returned = await review(
      cookies.reform,
      { decision: 'return', reason: '対象者を明記してください' },
      response.version,
    );
    expect(bodyOf<Issue>(returned).response).toMatchObject({ status: 'draft' });
    const resubmitted = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: responseBody,
      headers: { 'if-match': `"${bodyOf<Issue>(returned).response!.version}"` },
    });
    expect(bodyOf<Issue>(resubmitted).response).toMatchObject({ status: 'pending_approval' });
    const staff1Unread = (await notificationsOf('staff1')).unreadCount;
    const approved = await review(
      cookies.reform,
      { decision: 'approve' },
      bodyOf<Issue>(resubmitted).response!.version,
    );
    expect(approved.status, approved.text).toBe(200);
    expect(bodyOf<Issue>(approved).status).toBe('announced');

    // Everyone sees the decision and the response now; every submitter and supporter was told.
    const announced = await issue(created.id, cookies.staff1!);
    expect(announced.response).toMatchObject({ status: 'published', body: responseBody.body });
    expect(announced.assignment).toMatchObject({ decision: 'adopted' });
    for (const login of ['staff1', 'staff2', 'reform', 'kodomo-staff']) {
      const items = (await notificationsOf(login)).items.filter(
        (item) => item.kind === 'platinum.response_published',
      );
      expect(
        items.map((item) => item.link),
        login,
      ).toContain(`/platinum/issues/${created.id}`);
    }
    expect((await notificationsOf('staff1')).unreadCount).toBe(staff1Unread + 1);
    expect(
      (await notificationsOf('pt1')).items.some(
        (item) =>
          item.kind === 'platinum.response_published' && item.link === `/platinum/issues/${created.id}`,
      ),
    ).toBe(false);

    // A published response and an announced decision no longer change.
    expect((await decide(cookies['kodomo-staff'], adopted, announced.assignment!.version)).status).toBe(409);
    const edit = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: responseBody,
      headers: { 'if-match': `"${announced.response!.version}"` },
    });
    expect(edit.status).toBe(409);

    // The trial starts.
    const started = await t.call('POST', `${path}/implementation`, {
      cookie: cookies['kodomo-staff'],
      body: { startedOn: '2025-01-06' },
      headers: { 'if-match': `"${announced.assignment!.version}"` },
    });
    expect(started.status, started.text).toBe(200);
    expect(bodyOf<Issue>(started).status).toBe('implemented');

    // The board and the funnel.
    const board = await t.call('GET', `/api/v1/campaigns/${campaignId}/board?status=implemented`, {
      cookie: cookies.staff2,
    });
    expect(board.status).toBe(200);
    const boardBody = bodyOf<{
      totals: {
        ideaCount: number;
        supporterCount: number;
        submitterBureauCount: number;
        announcedCount: number;
      };
      items: { id: string; decision: string; response: { body: string } | null; ideas: { id: string }[] }[];
    }>(board);
    const item = boardBody.items.find((entry) => entry.id === created.id)!;
    expect(item).toMatchObject({ decision: 'adopted', response: { body: responseBody.body } });
    expect(item.ideas.map((entry) => entry.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(boardBody.totals.announcedCount).toBeGreaterThanOrEqual(1);
    expect(boardBody.totals.submitterBureauCount).toBeGreaterThanOrEqual(2);
    const funnel = await t.call('GET', `/api/v1/campaigns/${campaignId}/funnel`, { cookie: cookies.mayor });
    expect(funnel.status).toBe(200);
    const stages = bodyOf<{
      stages: { stage: string; count: number }[];
      byBureau: { orgUnit: { id: string } | null; stages: { stage: string; count: number }[] }[];
    }>(funnel);
    expect(stages.stages.find((stage) => stage.stage === 'implemented')!.count).toBe(2);
    const kodomo = stages.byBureau.find((entry) => entry.orgUnit?.id === kodomoId)!;
    expect(kodomo.stages.find((stage) => stage.stage === 'sent_on')!.count).toBe(2);
  });

  it('lists overdue assignments on the funnel', async () => {
    const idea = await submitIdea(t, cookies.staff2!, campaignId, { title: '期限切れの案' });
    const created = await createIssue(t, cookies.pt1!, campaignId, [idea.id], '期限切れ');
    await t.call('PUT', `/api/v1/issues/${created.id}/assignment`, {
      cookie: cookies.pt1,
      body: { orgUnitId: kodomoId, dueOn: '2020-01-31' },
      headers: { 'if-match': `"${created.version}"` },
    });
    const funnel = bodyOf<{ overdue: { issueId: string; daysOverdue: number }[] }>(
      await t.call('GET', `/api/v1/campaigns/${campaignId}/funnel`, { cookie: cookies.staff1 }),
    );
    const overdue = funnel.overdue.find((entry) => entry.issueId === created.id);
    expect(overdue?.daysOverdue).toBeGreaterThan(365);
    const listed = bodyOf<{ items: { id: string; assignment: { isOverdue: boolean } }[] }>(
      await t.call('GET', `/api/v1/issues?campaign=${campaignId}&status=sent_on`, { cookie: cookies.staff1 }),
    );
    expect(listed.items.find((entry) => entry.id === created.id)?.assignment.isOverdue).toBe(true);
  });
});

describe('notifications', () => {
  it('are read and marked read by their recipient only', async () => {
    const mine = await notificationsOf('staff1');
    expect(mine.items.length).toBeGreaterThan(0);
    const first = mine.items[0]!;
    expect(
      (await t.call('POST', `/api/v1/notifications/${first.id}/read`, { cookie: cookies.staff2 })).status,
    ).toBe(404);
    const read = await t.call('POST', `/api/v1/notifications/${first.id}/read`, { cookie: cookies.staff1 });
    expect(bodyOf<{ readAt: string | null }>(read).readAt).not.toBeNull();
    const all = await t.call('POST', '/api/v1/notifications/read-all', { cookie: cookies.staff1 });
    expect(all.status).toBe(200);
    expect((await notificationsOf('staff1')).unreadCount).toBe(0);
    expect((await t.call('GET', '/api/v1/notifications')).status).toBe(401);
  });
});
