import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestResponse } from '../../test/test-app.ts';
import {
  addTeamMembers,
  bodyOf,
  type Cookies,
  createCampaign,
  orgUnitIdOf,
  signInAll,
  submitIdea,
  userIdOf,
} from './platinum-test-support.ts';

/**
 * An idea submitted anonymously travels the whole pipeline; at every step, every answer a peer can
 * get (JSON, CSV, notifications, the audit trail for a system admin) is searched for anything that
 * names its author: display name, login, user id or org unit.
 */

let t: TestApp;
let cookies: Cookies;
let campaignId: string;
let authorId: string;
let ideaId: string;
let issueId: string;
const AUTHOR = 'staff1';
let needles: string[];

function expectNoAuthor(response: TestResponse, where: string) {
  expect(response.status, `${where}: ${response.text.slice(0, 200)}`).toBeLessThan(400);
  for (const needle of needles)
    expect(response.text.includes(needle), `${where} reveals ${needle}`).toBe(false);
}

/** Every read a peer can make that shows the idea, its comments or its issue. */
async function peerReads(login: string): Promise<[string, TestResponse][]> {
  const cookie = cookies[login]!;
  const get = (path: string) => t.call('GET', path, { cookie });
  const reads: [string, string][] = [
    ['idea', `/api/v1/ideas/${ideaId}`],
    ['idea list', `/api/v1/ideas?campaign=${campaignId}&pageSize=200`],
    ['idea search', `/api/v1/ideas?campaign=${campaignId}&q=${encodeURIComponent('匿名で出す')}`],
    ['idea list by progress', `/api/v1/ideas?campaign=${campaignId}&status=announced`],
    [
      'similar ideas',
      `/api/v1/ideas/similar?campaign=${campaignId}&text=${encodeURIComponent('匿名で出すアイデア')}`,
    ],
    ['comments', `/api/v1/ideas/${ideaId}/comments`],
    ['export', `/api/v1/campaigns/${campaignId}/ideas.csv`],
    ['board', `/api/v1/campaigns/${campaignId}/board`],
    ['funnel', `/api/v1/campaigns/${campaignId}/funnel`],
    ['notifications', '/api/v1/notifications'],
  ];
  if (issueId) {
    reads.push(['issue', `/api/v1/issues/${issueId}`], ['issues', `/api/v1/issues?campaign=${campaignId}`]);
    reads.push(['issue ideas', `/api/v1/ideas?issue=${issueId}`]);
  }
  return Promise.all(
    reads.map(async ([where, path]) => [`${where} as ${login}`, await get(path)] as [string, TestResponse]),
  );
}

async function expectPeersSeeNoAuthor(step: string) {
  for (const login of ['staff2', 'pt1', 'kodomo-head', 'kodomo-staff', 'mayor', 'admin']) {
    for (const [where, response] of await peerReads(login)) expectNoAuthor(response, `${step}: ${where}`);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  cookies = await signInAll(t, [
    'reform',
    AUTHOR,
    'staff2',
    'pt1',
    'kodomo-head',
    'kodomo-staff',
    'mayor',
    'admin',
  ]);
  campaignId = await createCampaign(t, cookies.reform!);
  await addTeamMembers(t, cookies.reform!, campaignId, [await userIdOf(t, 'pt1')]);
  authorId = await userIdOf(t, AUTHOR);
  const person = await t.database.pool.query(
    'select u.display_name, u.login, o.name as org_unit from users u left join org_units o on o.id = u.org_unit_id where u.id = $1',
    [authorId],
  );
  needles = [person.rows[0].display_name, person.rows[0].login, authorId, person.rows[0].org_unit];
  const idea = await submitIdea(t, cookies[AUTHOR]!, campaignId, {
    title: '匿名で出すアイデア',
    problem: '名前を出しにくい職場の課題です。',
    isAnonymous: true,
  });
  ideaId = idea.id;
});
afterAll(async () => {
  await t.close();
});

describe('an anonymous idea', () => {
  it('is shown to its author as theirs and to the reform office with its author', async () => {
    const own = bodyOf(await t.call('GET', `/api/v1/ideas/${ideaId}`, { cookie: cookies[AUTHOR] }));
    expect(own).toMatchObject({ isMine: true, isAnonymous: true, author: null, viewer: { canEdit: true } });
    const office = bodyOf(await t.call('GET', `/api/v1/ideas/${ideaId}`, { cookie: cookies.reform }));
    expect(office).toMatchObject({ isAnonymous: true, author: { displayName: needles[0] } });
    const csv = await t.call('GET', `/api/v1/campaigns/${campaignId}/ideas.csv`, { cookie: cookies.reform });
    expect(csv.text).toContain(needles[0]);
  });

  it('names no author to peers, through every step of the pipeline', async () => {
    await expectPeersSeeNoAuthor('submitted');

    // The author comments on their own idea, and others support and comment.
    const comment = await t.call('POST', `/api/v1/ideas/${ideaId}/comments`, {
      cookie: cookies[AUTHOR],
      body: { body: '補足です。' },
    });
    expect(comment.status).toBe(201);
    expect(bodyOf(comment)).toMatchObject({ isByIdeaAuthor: true, isMine: true });
    expect((await t.call('PUT', `/api/v1/ideas/${ideaId}/supports`, { cookie: cookies.staff2 })).status).toBe(
      201,
    );
    expect(
      (
        await t.call('POST', `/api/v1/ideas/${ideaId}/comments`, {
          cookie: cookies.staff2,
          body: { body: '賛成です' },
        })
      ).status,
    ).toBe(201);
    const comments = bodyOf<{ items: { authorLabel: { ja: string }; author: unknown }[] }>(
      await t.call('GET', `/api/v1/ideas/${ideaId}/comments`, { cookie: cookies.staff2 }),
    );
    expect(comments.items[0]).toMatchObject({ author: null, authorLabel: { ja: '提案者（匿名）' } });
    await expectPeersSeeNoAuthor('commented');

    // The PT groups and scores it; the bureau decides; the bureau head announces.
    const issue = await t.call('POST', '/api/v1/issues', {
      cookie: cookies.pt1,
      body: { campaignId, theme: 'workstyle', title: '匿名の課題', ideaIds: [ideaId] },
    });
    issueId = bodyOf<{ id: string }>(issue).id;
    await t.call('PUT', `/api/v1/issues/${issueId}/scores`, {
      cookie: cookies.pt1,
      body: { impact: 5, feasibility: 4, breadth: 4 },
    });
    await expectPeersSeeNoAuthor('grouped');
    const sent = await t.call('PUT', `/api/v1/issues/${issueId}/assignment`, {
      cookie: cookies.pt1,
      body: { orgUnitId: await orgUnitIdOf(t, 'kodomo'), dueOn: '2099-01-31' },
      headers: { 'if-match': `"${bodyOf<{ version: number }>(issue).version}"` },
    });
    const decided = await t.call('PATCH', `/api/v1/issues/${issueId}/assignment`, {
      cookie: cookies['kodomo-staff'],
      body: {
        decision: 'adopted',
        decisionReason: '効果があるため',
        implementationDate: { precision: 'month', start: '2099-04-01', end: '2099-04-30' },
      },
      headers: { 'if-match': `"${bodyOf<{ assignment: { version: number } }>(sent).assignment.version}"` },
    });
    expect(decided.status, decided.text).toBe(200);
    const drafted = await t.call('PUT', `/api/v1/issues/${issueId}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '提案を受けて実施します。', submit: true },
    });
    const approved = await t.call('POST', `/api/v1/issues/${issueId}/response/review`, {
      cookie: cookies.reform,
      body: { decision: 'approve' },
      headers: { 'if-match': `"${bodyOf<{ response: { version: number } }>(drafted).response.version}"` },
    });
    expect(approved.status, approved.text).toBe(200);
    await expectPeersSeeNoAuthor('announced');

    // The author was told, without anyone else learning who they are.
    const inbox = bodyOf<{ items: { kind: string; title: { ja: string; en: string } }[] }>(
      await t.call('GET', '/api/v1/notifications', { cookie: cookies[AUTHOR] }),
    );
    const told = inbox.items.find((item) => item.kind === 'platinum.response_published');
    expect(told).toBeDefined();
    for (const needle of needles) expect(JSON.stringify(told)).not.toContain(needle);
  });

  it('leaves no trace of its author in the audit trail a system admin can read', async () => {
    const response = await t.call('GET', `/api/v1/audit-events?entityId=${ideaId}&pageSize=200`, {
      cookie: cookies.admin,
    });
    expect(response.status).toBe(200);
    const events = bodyOf<{ items: { action: string; actor: unknown; after: unknown }[] }>(response).items;
    expect(events.map((event) => event.action)).toContain('platinum_idea.submit');
    expectNoAuthor(response, 'audit trail for the idea');
    const byActor = await t.call('GET', `/api/v1/audit-events?actorId=${authorId}&pageSize=200`, {
      cookie: cookies.admin,
    });
    const actions = bodyOf<{ items: { action: string; entityId: string | null }[] }>(byActor).items;
    expect(actions.filter((event) => event.entityId === ideaId)).toEqual([]);
    const rows = await t.database.pool.query(
      "select count(*)::int as n from audit_events where actor_id = $1 and (entity_id = $2 or after::text like '%' || $2 || '%')",
      [authorId, ideaId],
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('cannot become anonymous after it was submitted under a name', async () => {
    const named = await submitIdea(t, cookies[AUTHOR]!, campaignId, { title: '名前付きの案' });
    const response = await t.call('PATCH', `/api/v1/ideas/${named.id}`, {
      cookie: cookies[AUTHOR],
      body: { isAnonymous: true },
      headers: { 'if-match': `"${named.version}"` },
    });
    expect(response.status).toBe(400);
  });
});
