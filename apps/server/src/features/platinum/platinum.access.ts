import type { AccessEntry, MatrixActor, MatrixFixtures } from '../../test/access-entry.ts';
import { actorHas } from '../../test/access-entry.ts';
import { phasesAroundToday } from './platinum-test-support.ts';

/**
 * Who may call the Platinum routes. The matrix campaign is open today and its project team is pt1
 * alone; ideas the actors act on are written by pt2, who is not one of the matrix's actors, so no
 * actor meets their own idea by accident.
 */

type Json = Record<string, unknown>;

async function ok(
  fixtures: MatrixFixtures,
  login: string,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const response = await fixtures.call(login, method, path, { body, headers });
  if (response.status >= 300)
    throw new Error(`${method} ${path} as ${login}: ${response.status} ${response.text.slice(0, 300)}`);
  return response.body as Json;
}

/** The FY2024 demo campaign. */
async function demoCampaign(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('platinum:demo-campaign', async () => {
    const rows = await fixtures.query<{ id: string }>(
      "select id from platinum_campaigns where fiscal_year = $1 and title like '%プラチナ%' order by created_at limit 1",
      [fixtures.fiscalYear],
    );
    if (!rows[0]) throw new Error('the demo data set has no Platinum campaign');
    return rows[0].id;
  });
}

/** A campaign open for submission today whose PT is pt1. */
async function openCampaign(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('platinum:open-campaign', async () => {
    const campaign = await ok(fixtures, 'reform', 'POST', '/api/v1/campaigns', {
      fiscalYear: fixtures.fiscalYear,
      title: '行列確認の募集',
      themes: ['workstyle', 'office', 'rules'],
      phases: phasesAroundToday({ isSubmissionOpen: true }),
    });
    await ok(fixtures, 'reform', 'PUT', `/api/v1/campaigns/${campaign.id}/team/${fixtures.userId('pt1')}`);
    return campaign.id as string;
  });
}

/** A campaign for PT membership changes only. */
async function teamCampaign(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('platinum:team-campaign', async () => {
    const campaign = await ok(fixtures, 'reform', 'POST', '/api/v1/campaigns', {
      fiscalYear: fixtures.fiscalYear,
      title: '行列確認のPT',
      themes: ['office'],
      phases: phasesAroundToday({ isSubmissionOpen: true }),
    });
    return campaign.id as string;
  });
}

async function newIdea(fixtures: MatrixFixtures, author = 'pt2', isAnonymous = false): Promise<string> {
  const idea = await ok(fixtures, author, 'POST', '/api/v1/ideas', {
    campaignId: await openCampaign(fixtures),
    theme: 'office',
    title: fixtures.unique('行列確認のアイデア'),
    problem: '課題',
    proposal: '提案',
    isAnonymous,
  });
  return idea.id as string;
}

/** One idea by pt2 (named) and one anonymous, reused by read-only and idempotent entries. */
const sharedIdea = (fixtures: MatrixFixtures, isAnonymous = false) =>
  fixtures.once(`platinum:idea:${isAnonymous}`, () => newIdea(fixtures, 'pt2', isAnonymous));

async function newIssue(
  fixtures: MatrixFixtures,
  ideaCount = 1,
): Promise<{ id: string; version: number; ideaIds: string[] }> {
  const ideaIds: string[] = [];
  for (let index = 0; index < ideaCount; index++) ideaIds.push(await newIdea(fixtures));
  const issue = await ok(fixtures, 'pt1', 'POST', '/api/v1/issues', {
    campaignId: await openCampaign(fixtures),
    theme: 'office',
    title: fixtures.unique('行列確認の課題'),
    ideaIds,
  });
  return { id: issue.id as string, version: issue.version as number, ideaIds };
}

const sharedIssue = (fixtures: MatrixFixtures) => fixtures.once('platinum:issue', () => newIssue(fixtures));

/** An issue sent on to a bureau (子ども家庭局 unless named). */
async function sentOnIssue(fixtures: MatrixFixtures, bureau = 'kodomo') {
  const issue = await newIssue(fixtures);
  const sent = await ok(
    fixtures,
    'pt1',
    'PUT',
    `/api/v1/issues/${issue.id}/assignment`,
    { orgUnitId: fixtures.orgUnitId(bureau), dueOn: '2099-03-31' },
    { 'if-match': `"${issue.version}"` },
  );
  return { id: issue.id, assignmentVersion: (sent.assignment as Json).version as number };
}

/** An issue the bureau decided to adopt. */
async function decidedIssue(fixtures: MatrixFixtures, bureau = 'kodomo') {
  const issue = await sentOnIssue(fixtures, bureau);
  const decided = await ok(
    fixtures,
    `${bureau}-staff`,
    'PATCH',
    `/api/v1/issues/${issue.id}/assignment`,
    {
      decision: 'adopted',
      decisionReason: '効果が見込まれるため',
      implementationDate: { precision: 'month', start: '2099-04-01', end: '2099-04-30' },
    },
    { 'if-match': `"${issue.assignmentVersion}"` },
  );
  return { id: issue.id, assignmentVersion: (decided.assignment as Json).version as number };
}

/** An issue whose response awaits the reform office's approval. */
async function pendingResponseIssue(fixtures: MatrixFixtures) {
  const issue = await decidedIssue(fixtures);
  const saved = await ok(fixtures, 'kodomo-head', 'PUT', `/api/v1/issues/${issue.id}/response`, {
    body: '対応方針の本文',
    submit: true,
  });
  return { ...issue, responseVersion: (saved.response as Json).version as number };
}

/**
 * An issue 総務局 decided, whose response its head sent for approval to be announced together with
 * 子ども家庭局 (whose head has yet to sign).
 */
async function coAnnouncedIssue(fixtures: MatrixFixtures) {
  const issue = await decidedIssue(fixtures, 'somu');
  const saved = await ok(fixtures, 'somu-head', 'PUT', `/api/v1/issues/${issue.id}/response`, {
    body: '連名で公表する対応方針',
    submit: true,
    relatedOrgUnitIds: [fixtures.orgUnitId('kodomo')],
  });
  return { id: issue.id, responseVersion: (saved.response as Json).version as number };
}

/** An issue whose response is announced. */
async function announcedIssue(fixtures: MatrixFixtures) {
  const issue = await pendingResponseIssue(fixtures);
  await ok(
    fixtures,
    'reform',
    'POST',
    `/api/v1/issues/${issue.id}/response/review`,
    { decision: 'approve' },
    { 'if-match': `"${issue.responseVersion}"` },
  );
  return issue;
}

const isTriager = (actor: MatrixActor) => actorHas(actor, 'reform_office') || actor.name === 'pt1';
const isKodomoBureau = (actor: MatrixActor) => actor.name === 'kodomo-head' || actor.name === 'kodomo-staff';
const isStaff = (actor: MatrixActor) => actorHas(actor, 'staff');

/** An answer that names no anonymous author, unless the reader is the reform office. */
function expectAnonymityKept(body: unknown, actor: MatrixActor) {
  if (actorHas(actor, 'reform_office')) return;
  const ideas: Json[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const record = value as Json;
      if ('isAnonymous' in record && 'author' in record) ideas.push(record);
      Object.values(record).forEach(collect);
    }
  };
  collect(body);
  for (const idea of ideas) {
    if (idea.isAnonymous === true && idea.author !== null) {
      throw new Error(`anonymous idea ${String(idea.id)} shows its author to ${actor.name}`);
    }
  }
}

export const platinumAccess: AccessEntry[] = [
  // Campaigns and the project team.
  { method: 'GET', path: '/api/v1/campaigns', allow: 'signed_in' },
  {
    method: 'POST',
    path: '/api/v1/campaigns',
    allow: ['reform_office'],
    request: (fixtures) => ({
      path: '/api/v1/campaigns',
      body: {
        fiscalYear: fixtures.fiscalYear,
        title: fixtures.unique('行列確認の新しい募集'),
        themes: ['rules'],
        phases: phasesAroundToday({ isSubmissionOpen: false }),
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/campaigns/${await demoCampaign(fixtures)}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/campaigns/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const path = `/api/v1/campaigns/${await teamCampaign(fixtures)}`;
      return {
        path,
        body: { description: fixtures.unique('説明') },
        headers: { 'if-match': await fixtures.etag('reform', path) },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id/team',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/campaigns/${await demoCampaign(fixtures)}/team` }),
  },
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id/team/candidates',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: `/api/v1/campaigns/${await teamCampaign(fixtures)}/team/candidates?q=${encodeURIComponent('福祉')}`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/campaigns/:id/team/:userId',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: `/api/v1/campaigns/${await teamCampaign(fixtures)}/team/${fixtures.userId('staff2')}`,
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/campaigns/:id/team/:userId',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: `/api/v1/campaigns/${await teamCampaign(fixtures)}/team/${fixtures.userId('staff2')}`,
    }),
  },
  // The board, the funnel and the export: aggregates and published outcomes for every signed-in person.
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id/board',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/campaigns/${await demoCampaign(fixtures)}/board` }),
    verify: (response) => {
      if (/"author"/.test(response.text)) throw new Error('the board names authors');
    },
  },
  {
    method: 'GET',
    path: '/api/v1/public/platinum-responses',
    allow: 'public',
    request: async (fixtures) => ({ path: `/api/v1/public/platinum-responses?fy=${fixtures.fiscalYear}` }),
    verify: (response) => {
      if (/"author|"ideas"|supporter|"score|draft|pending_approval/i.test(response.text))
        throw new Error('the public responses carry more than the published response');
    },
  },
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id/funnel',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/campaigns/${await demoCampaign(fixtures)}/funnel` }),
  },
  {
    method: 'GET',
    path: '/api/v1/campaigns/:id/ideas.csv',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/campaigns/${await demoCampaign(fixtures)}/ideas.csv` }),
    verify: (response, actor) => {
      if (actorHas(actor, 'reform_office')) return;
      for (const line of response.text.split('\r\n').slice(1)) {
        if (line.includes(',匿名,') && !line.includes('匿名の職員'))
          throw new Error(`an anonymous row names its author: ${line}`);
      }
    },
  },
  // Ideas.
  {
    method: 'GET',
    path: '/api/v1/ideas',
    allow: 'signed_in',
    request: async (fixtures) => ({
      path: `/api/v1/ideas?campaign=${await demoCampaign(fixtures)}&pageSize=200`,
    }),
    verify: (response, actor) => expectAnonymityKept(response.body, actor),
  },
  {
    method: 'GET',
    path: '/api/v1/ideas/similar',
    allow: 'signed_in',
    request: async (fixtures) => ({
      path: `/api/v1/ideas/similar?campaign=${await demoCampaign(fixtures)}&text=${encodeURIComponent('フレックスタイム')}`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/ideas',
    allow: isStaff,
    note: 'every member of staff; executives and system admins read only',
    request: async (fixtures) => ({
      path: '/api/v1/ideas',
      body: {
        campaignId: await openCampaign(fixtures),
        theme: 'rules',
        title: fixtures.unique('行列確認の投稿'),
        problem: '課題',
        proposal: '提案',
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/ideas/:id',
    allow: 'signed_in',
    scopes: ['named-idea', 'anonymous-idea'],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/ideas/${await sharedIdea(fixtures, scope === 'anonymous-idea')}`,
    }),
    verify: (response, actor) => expectAnonymityKept(response.body, actor),
  },
  {
    method: 'PATCH',
    path: '/api/v1/ideas/:id',
    allow: (actor) => actor.name === 'staff1',
    note: 'only the author (staff1 wrote this idea), not even the reform office',
    request: async (fixtures) => {
      const id = await fixtures.once('platinum:staff1-idea', () => newIdea(fixtures, 'staff1'));
      const path = `/api/v1/ideas/${id}`;
      return {
        path,
        body: { title: fixtures.unique('編集') },
        headers: { 'if-match': await fixtures.etag('staff1', path) },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/ideas/:id/withdraw',
    allow: (actor) => actor.name === 'staff1',
    note: 'only the author',
    request: async (fixtures, actor) => ({
      path: `/api/v1/ideas/${actor.name === 'staff1' ? await newIdea(fixtures, 'staff1') : await fixtures.once('platinum:staff1-idea', () => newIdea(fixtures, 'staff1'))}/withdraw`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/ideas/:id/moderation',
    allow: ['reform_office'],
    request: async (fixtures, actor) => ({
      path: `/api/v1/ideas/${actorHas(actor, 'reform_office') ? await newIdea(fixtures) : await sharedIdea(fixtures)}/moderation`,
      body: { action: 'hide', reason: '行列確認' },
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/ideas/:id/supports',
    allow: isStaff,
    request: async (fixtures) => ({ path: `/api/v1/ideas/${await sharedIdea(fixtures)}/supports` }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/ideas/:id/supports',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/ideas/${await sharedIdea(fixtures)}/supports` }),
  },
  {
    method: 'GET',
    path: '/api/v1/ideas/:id/comments',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/ideas/${await sharedIdea(fixtures, true)}/comments` }),
  },
  {
    method: 'POST',
    path: '/api/v1/ideas/:id/comments',
    allow: isStaff,
    request: async (fixtures) => ({
      path: `/api/v1/ideas/${await sharedIdea(fixtures)}/comments`,
      body: { body: '行列確認のコメント' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/ideas/:id/comments/:commentId/hide',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const ideaId = await sharedIdea(fixtures);
      const comment = await ok(fixtures, 'staff2', 'POST', `/api/v1/ideas/${ideaId}/comments`, {
        body: '非表示にされるコメント',
      });
      return { path: `/api/v1/ideas/${ideaId}/comments/${comment.id}/hide`, body: { reason: '行列確認' } };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/ideas/:id/merge',
    allow: isTriager,
    note: 'the campaign’s PT (pt1) and the reform office',
    request: async (fixtures, actor) => {
      const duplicate = isTriager(actor) ? await newIdea(fixtures) : await sharedIdea(fixtures);
      return { path: `/api/v1/ideas/${duplicate}/merge`, body: { keptIdeaId: await newIdea(fixtures) } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/ideas/:id/merge',
    allow: isTriager,
    request: async (fixtures, actor) => {
      const make = async () => {
        const duplicate = await newIdea(fixtures);
        await ok(fixtures, 'pt1', 'PUT', `/api/v1/ideas/${duplicate}/merge`, {
          keptIdeaId: await newIdea(fixtures),
        });
        return duplicate;
      };
      const duplicate = isTriager(actor) ? await make() : await fixtures.once('platinum:merged', make);
      return { path: `/api/v1/ideas/${duplicate}/merge` };
    },
  },
  // Issues.
  {
    method: 'GET',
    path: '/api/v1/issues',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/issues?campaign=${await demoCampaign(fixtures)}` }),
  },
  {
    method: 'POST',
    path: '/api/v1/issues',
    allow: isTriager,
    request: async (fixtures) => ({
      path: '/api/v1/issues',
      body: {
        campaignId: await openCampaign(fixtures),
        theme: 'office',
        title: fixtures.unique('行列確認の課題'),
        ideaIds: [await newIdea(fixtures)],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/issues/:id',
    allow: 'signed_in',
    request: async (fixtures) => ({ path: `/api/v1/issues/${(await sharedIssue(fixtures)).id}` }),
    verify: (response, actor) => {
      expectAnonymityKept(response.body, actor);
      const scores = (response.body as Json).scores;
      const maySeeScores = actorHas(actor, 'reform_office', 'executive') || actor.name === 'pt1';
      if (!maySeeScores && scores !== null) throw new Error(`${actor.name} sees the PT's scores`);
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/issues/:id',
    allow: isTriager,
    request: async (fixtures) => {
      const path = `/api/v1/issues/${(await sharedIssue(fixtures)).id}`;
      return {
        path,
        body: { summary: fixtures.unique('要約') },
        headers: { 'if-match': await fixtures.etag('pt1', path) },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/issues/:id/ideas/:ideaId',
    allow: isTriager,
    request: async (fixtures) => ({
      path: `/api/v1/issues/${(await sharedIssue(fixtures)).id}/ideas/${await newIdea(fixtures)}`,
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/issues/:id/ideas/:ideaId',
    allow: isTriager,
    request: async (fixtures, actor) => {
      const issue = isTriager(actor)
        ? await newIssue(fixtures, 2)
        : await fixtures.once('platinum:issue-of-two', () => newIssue(fixtures, 2));
      return { path: `/api/v1/issues/${issue.id}/ideas/${issue.ideaIds[0]}` };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/issues/:id/status',
    allow: isTriager,
    request: async (fixtures, actor) => {
      const issue = isTriager(actor) ? await newIssue(fixtures) : await sharedIssue(fixtures);
      return {
        path: `/api/v1/issues/${issue.id}/status`,
        body: { action: 'hold', reason: '行列確認' },
        headers: { 'if-match': isTriager(actor) ? `"${issue.version}"` : '"1"' },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/issues/:id/scores',
    allow: (actor) => actorHas(actor, 'reform_office', 'executive') || actor.name === 'pt1',
    note: 'the PT, the reform office and executives',
    request: async (fixtures) => ({ path: `/api/v1/issues/${(await sharedIssue(fixtures)).id}/scores` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/issues/:id/scores',
    allow: (actor) => actor.name === 'pt1',
    note: 'PT members of the campaign only; the reform office does not score',
    request: async (fixtures) => ({
      path: `/api/v1/issues/${(await sharedIssue(fixtures)).id}/scores`,
      body: { impact: 4, feasibility: 3, breadth: 5 },
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/issues/:id/assignment',
    allow: isTriager,
    request: async (fixtures, actor) => {
      const issue = isTriager(actor) ? await newIssue(fixtures) : await sharedIssue(fixtures);
      return {
        path: `/api/v1/issues/${issue.id}/assignment`,
        body: { orgUnitId: fixtures.orgUnitId('kodomo'), dueOn: '2099-03-31' },
        headers: { 'if-match': isTriager(actor) ? `"${issue.version}"` : '"1"' },
      };
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/issues/:id/assignment',
    allow: isKodomoBureau,
    note: 'the bureau the issue is assigned to (子ども家庭局); any other bureau is refused',
    request: async (fixtures, actor) => {
      const issue = isKodomoBureau(actor)
        ? await sentOnIssue(fixtures)
        : await fixtures.once('platinum:sent-on', () => sentOnIssue(fixtures));
      return {
        path: `/api/v1/issues/${issue.id}/assignment`,
        body: { decision: 'continue_study', decisionReason: '検討を続けるため' },
        headers: { 'if-match': `"${issue.assignmentVersion}"` },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/issues/:id/implementation',
    allow: isKodomoBureau,
    request: async (fixtures, actor) => {
      const issue = isKodomoBureau(actor)
        ? await announcedIssue(fixtures)
        : await fixtures.once('platinum:announced', () => announcedIssue(fixtures));
      return {
        path: `/api/v1/issues/${issue.id}/implementation`,
        body: { startedOn: '2099-04-01' },
        headers: { 'if-match': `"${issue.assignmentVersion}"` },
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/issues/:id/response',
    allow: (actor) => actor.name === 'kodomo-head',
    note: 'the bureau head of the assigned bureau only',
    request: async (fixtures, actor) => {
      const issue =
        actor.name === 'kodomo-head'
          ? await decidedIssue(fixtures)
          : await fixtures.once('platinum:decided', () => decidedIssue(fixtures));
      return { path: `/api/v1/issues/${issue.id}/response`, body: { body: '対応方針の下書き' } };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/issues/:id/response/review',
    allow: ['reform_office'],
    request: async (fixtures, actor) => {
      const issue = actorHas(actor, 'reform_office')
        ? await pendingResponseIssue(fixtures)
        : await fixtures.once('platinum:pending', () => pendingResponseIssue(fixtures));
      return {
        path: `/api/v1/issues/${issue.id}/response/review`,
        body: { decision: 'approve' },
        headers: { 'if-match': `"${issue.responseVersion}"` },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/issues/:id/response/signatures',
    allow: (actor) => actor.name === 'kodomo-head',
    note: 'the head of a bureau named to announce the response together, for that bureau only',
    request: async (fixtures, actor) => {
      const issue =
        actor.name === 'kodomo-head'
          ? await coAnnouncedIssue(fixtures)
          : await fixtures.once('platinum:co-announced', () => coAnnouncedIssue(fixtures));
      return {
        path: `/api/v1/issues/${issue.id}/response/signatures`,
        body: { orgUnitId: fixtures.orgUnitId('kodomo') },
        headers: { 'if-match': `"${issue.responseVersion}"` },
      };
    },
  },
];
