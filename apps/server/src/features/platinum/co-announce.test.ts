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

/**
 * 連名公表: a response announced by several bureaus is published only when the head of every
 * bureau asked has signed it, and the submitters and supporters are told once.
 */

type Bureau = { id: string; name: string; isAssigned: boolean; hasSigned: boolean; signedAt: string | null };
type Issue = {
  id: string;
  version: number;
  status: string;
  assignment: { version: number } | null;
  response: { status: string; version: number; isApproved: boolean; bureaus: Bureau[] } | null;
  viewer: { signableOrgUnitIds: string[] };
};

let t: TestApp;
let cookies: Cookies;
let campaignId: string;
let kodomoId: string;
let hokenId: string;
let kankyoId: string;
let fiscalYear: number;

beforeAll(async () => {
  t = await createTestApp();
  // Two more bureau heads for the test: staff1 heads 保健福祉局, staff2 heads 環境局.
  await t.database.pool.query(
    "insert into user_roles (user_id, role, org_unit_id) select u.id, 'bureau_head', o.id from users u, org_units o where (u.login, o.code) in (('staff1', 'hoken'), ('staff2', 'kankyo'))",
  );
  cookies = await signInAll(t, ['reform', 'staff1', 'staff2', 'pt1', 'kodomo-head', 'kodomo-staff']);
  campaignId = await createCampaign(t, cookies.reform!, { title: '連名公表の募集' });
  kodomoId = await orgUnitIdOf(t, 'kodomo');
  hokenId = await orgUnitIdOf(t, 'hoken');
  kankyoId = await orgUnitIdOf(t, 'kankyo');
  // The public page lists a fiscal year the register holds: place the test campaign in FY2024.
  fiscalYear = 2024;
  await t.database.pool.query('update platinum_campaigns set fiscal_year = $1 where id = $2', [
    fiscalYear,
    campaignId,
  ]);
  await addTeamMembers(t, cookies.reform!, campaignId, [await userIdOf(t, 'pt1')]);
});

afterAll(async () => {
  await t?.close();
});

async function view(id: string, cookie: string): Promise<Issue> {
  const response = await t.call('GET', `/api/v1/issues/${id}`, { cookie });
  expect(response.status, response.text).toBe(200);
  return bodyOf<Issue>(response);
}

async function publishedNotices(login: string, issueId: string): Promise<number> {
  const response = await t.call('GET', '/api/v1/notifications', { cookie: cookies[login] });
  const items = bodyOf<{ items: { kind: string; link: string | null }[] }>(response).items;
  return items.filter(
    (item) => item.kind === 'platinum.response_published' && item.link === `/platinum/issues/${issueId}`,
  ).length;
}

/** An issue with one idea each of staff1 and kodomo-staff, sent to 子ども家庭局 and decided. */
async function decidedIssue(title: string) {
  const idea = await submitIdea(t, cookies['kodomo-staff']!, campaignId, { title: `${title}の案` });
  await t.call('PUT', `/api/v1/ideas/${idea.id}/supports`, { cookie: cookies.reform });
  const created = await createIssue(t, cookies.pt1!, campaignId, [idea.id], title);
  const path = `/api/v1/issues/${created.id}`;
  const sent = await t.call('PUT', `${path}/assignment`, {
    cookie: cookies.pt1,
    body: { orgUnitId: kodomoId, dueOn: '2099-12-31' },
    headers: { 'if-match': `"${created.version}"` },
  });
  expect(sent.status, sent.text).toBe(200);
  const decided = await t.call('PATCH', `${path}/assignment`, {
    cookie: cookies['kodomo-staff'],
    body: {
      decision: 'adopted',
      decisionReason: '関係局と連携して実施する',
      implementationDate: { precision: 'month', start: '2025-01-01', end: '2025-01-31' },
      options: [{ title: '共同実施', summary: '三局で試行する' }],
    },
    headers: { 'if-match': `"${bodyOf<Issue>(sent).assignment!.version}"` },
  });
  expect(decided.status, decided.text).toBe(200);
  return { id: created.id, path };
}

describe('a response announced by several bureaus together', () => {
  it('is published only when the last bureau head signs, and the submitters are told once', async () => {
    const { id, path } = await decidedIssue('三局連名の課題');
    // The head of the assigned bureau names the related bureaus and sends it for approval: its signature.
    const badUnit = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: {
        body: '三局で連携します。',
        submit: true,
        relatedOrgUnitIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(badUnit.status).toBe(400);
    expect(await countRows(t, 'platinum_response_signatures', 'response_id = $1', [id])).toBe(0);
    const submitted = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '三局で連携して試行します。', submit: true, relatedOrgUnitIds: [hokenId, kankyoId] },
    });
    expect(submitted.status, submitted.text).toBe(200);
    let response = bodyOf<Issue>(submitted).response!;
    expect(response.status).toBe('pending_approval');
    expect(response.bureaus[0]).toMatchObject({ id: kodomoId, isAssigned: true, hasSigned: true });
    expect(
      response.bureaus
        .slice(1)
        .map((bureau) => [bureau.id, bureau.isAssigned, bureau.hasSigned])
        .sort(),
    ).toEqual(
      [
        [hokenId, false, false],
        [kankyoId, false, false],
      ].sort(),
    );
    // The related bureau heads are asked to agree.
    const asked = bodyOf<{ items: { kind: string; link: string | null }[] }>(
      await t.call('GET', '/api/v1/notifications', { cookie: cookies.staff2 }),
    ).items.filter((item) => item.kind === 'platinum.response_signature_requested');
    expect(asked.map((item) => item.link)).toEqual([`/platinum/issues/${id}`]);
    // Related bureau heads see the draft and may sign for their own bureau only.
    expect((await view(id, cookies.staff1!)).viewer.signableOrgUnitIds).toEqual([hokenId]);
    expect((await view(id, cookies.pt1!)).viewer.signableOrgUnitIds).toEqual([]);

    // The reform office approves: not public yet, nobody told.
    const approved = await t.call('POST', `${path}/response/review`, {
      cookie: cookies.reform,
      body: { decision: 'approve' },
      headers: { 'if-match': `"${response.version}"` },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(bodyOf<Issue>(approved).status).toBe('decided');
    response = bodyOf<Issue>(approved).response!;
    expect(response).toMatchObject({ status: 'pending_approval', isApproved: true });
    expect(await publishedNotices('kodomo-staff', id)).toBe(0);

    const sign = (login: string, orgUnitId: string, version: number | null = response.version) =>
      t.call('POST', `${path}/response/signatures`, {
        cookie: cookies[login],
        body: { orgUnitId, note: '連名で公表に同意します' },
        headers: version === null ? {} : { 'if-match': `"${version}"` },
      });
    const audits = async () => countRows(t, 'audit_events', "action = 'platinum_response.sign'");
    const before = await audits();
    // Refused: a head signing for a bureau they do not head, a bureau not asked, a user with no head role,
    // no If-Match, a stale If-Match; nothing written.
    expect((await sign('staff1', kankyoId)).status).toBe(403);
    expect((await sign('kodomo-staff', kodomoId)).status).toBe(403);
    expect((await sign('pt1', hokenId)).status).toBe(403);
    expect((await sign('staff1', hokenId, null)).status).toBe(428);
    expect((await sign('staff1', hokenId, response.version + 3)).status).toBe(412);
    expect((await sign('kodomo-head', kodomoId)).status).toBe(409); // already signed on submission
    expect(await audits()).toBe(before);

    // The first related head signs: still not public, nobody told.
    const first = await sign('staff1', hokenId);
    expect(first.status, first.text).toBe(200);
    response = bodyOf<Issue>(first).response!;
    expect(response.status).toBe('pending_approval');
    expect(response.bureaus.find((bureau) => bureau.id === hokenId)).toMatchObject({ hasSigned: true });
    expect(await view(id, cookies.pt1!).then((issue) => issue.status)).toBe('decided');
    expect(await publishedNotices('kodomo-staff', id)).toBe(0);
    const publicBefore = await t.call('GET', `/api/v1/public/platinum-responses?fy=${fiscalYear}`);
    expect(JSON.stringify(publicBefore.body)).not.toContain('三局で連携して試行します。');
    // A second signature for the same bureau is refused.
    expect((await sign('staff1', hokenId)).status).toBe(409);

    // The last head signs: published, the issue announced, each submitter and supporter told once.
    const last = await sign('staff2', kankyoId);
    expect(last.status, last.text).toBe(200);
    expect(bodyOf<Issue>(last).status).toBe('announced');
    response = bodyOf<Issue>(last).response!;
    expect(response.status).toBe('published');
    expect(response.bureaus.every((bureau) => bureau.hasSigned && bureau.signedAt)).toBe(true);
    expect(await publishedNotices('kodomo-staff', id)).toBe(1);
    expect(await publishedNotices('reform', id)).toBe(1);
    expect(await audits()).toBe(before + 2);
    expect((await sign('staff2', kankyoId, response.version)).status).toBe(409);

    // Everyone signed in, and the public, see the bureaus that announced it together.
    expect((await view(id, cookies.pt1!)).response!.bureaus).toHaveLength(3);
    const publicList = await t.call('GET', `/api/v1/public/platinum-responses?fy=${fiscalYear}`);
    expect(publicList.status, publicList.text).toBe(200);
    const item = bodyOf<{
      items: { issueId: string; announcingBureaus: { name: string; signedOn: string }[] }[];
    }>(publicList).items.find((entry) => entry.issueId === id);
    expect(item?.announcingBureaus).toHaveLength(3);
    expect(JSON.stringify(item)).not.toMatch(/staff1|staff2|kodomo-head|signedBy/);
  });

  it('publishes on approval when every bureau signed first, and re-asks after the text changes', async () => {
    const { id, path } = await decidedIssue('二局連名の課題');
    const submitted = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '二局で試行します。', submit: true, relatedOrgUnitIds: [hokenId] },
    });
    let response = bodyOf<Issue>(submitted).response!;
    const signed = await t.call('POST', `${path}/response/signatures`, {
      cookie: cookies.staff1,
      body: { orgUnitId: hokenId },
      headers: { 'if-match': `"${response.version}"` },
    });
    expect(signed.status, signed.text).toBe(200);
    response = bodyOf<Issue>(signed).response!;
    // The bureau head edits the text: every related signature is asked again.
    const edited = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '二局で連携して試行します。', submit: true },
      headers: { 'if-match': `"${response.version}"` },
    });
    expect(edited.status, edited.text).toBe(200);
    response = bodyOf<Issue>(edited).response!;
    expect(response.bureaus.find((bureau) => bureau.id === hokenId)).toMatchObject({ hasSigned: false });
    const again = await t.call('POST', `${path}/response/signatures`, {
      cookie: cookies.staff1,
      body: { orgUnitId: hokenId },
      headers: { 'if-match': `"${response.version}"` },
    });
    expect(again.status, again.text).toBe(200);
    const approved = await t.call('POST', `${path}/response/review`, {
      cookie: cookies.reform,
      body: { decision: 'approve' },
      headers: { 'if-match': `"${bodyOf<Issue>(again).response!.version}"` },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(bodyOf<Issue>(approved)).toMatchObject({ status: 'announced', response: { status: 'published' } });
    expect(await publishedNotices('kodomo-staff', id)).toBe(1);
  });

  it('keeps a one-bureau response as before: the head’s submission is its one signature', async () => {
    const { path } = await decidedIssue('一局の課題');
    const submitted = await t.call('PUT', `${path}/response`, {
      cookie: cookies['kodomo-head'],
      body: { body: '子ども家庭局で試行します。', submit: true },
    });
    const response = bodyOf<Issue>(submitted).response!;
    expect(response.bureaus).toEqual([
      expect.objectContaining({ id: kodomoId, isAssigned: true, hasSigned: true }),
    ]);
    expect(
      (await view(bodyOf<Issue>(submitted).id, cookies['kodomo-head']!)).viewer.signableOrgUnitIds,
    ).toEqual([]);
    const approved = await t.call('POST', `${path}/response/review`, {
      cookie: cookies.reform,
      body: { decision: 'approve' },
      headers: { 'if-match': `"${response.version}"` },
    });
    expect(bodyOf<Issue>(approved)).toMatchObject({ status: 'announced', response: { status: 'published' } });
  });
});
