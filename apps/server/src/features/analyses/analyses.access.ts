import {
  type AccessEntry,
  actorHas,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';
import { SAMPLE_FILES } from '../attachments/test-files.ts';

/**
 * Who may call the analyses routes. Object scopes: 'own-unit' is an analysis led by 子ども家庭局
 * (the demo's kodomo-head and kodomo-staff own it), 'other-unit' one led by 建設局; 'published' is
 * the demo's 保育所・幼稚園 analysis, 'unpublished' a new plan entry.
 */

const OWN = 'own-unit';
const OTHER = 'other-unit';
const PUBLISHED = 'published';
const UNPUBLISHED = 'unpublished';

function owns(actor: MatrixActor, scope: string, role: 'department_staff' | 'bureau_head'): boolean {
  return scope === OWN && actor.grants.some((grant) => grant.role === role && grant.orgUnitCode === 'kodomo');
}
const isOwningDepartment = (actor: MatrixActor, scope: string) => owns(actor, scope, 'department_staff');
const isOwningBureauHead = (actor: MatrixActor, scope: string) => owns(actor, scope, 'bureau_head');
/** Those who read the working copy, reviews, comments and attachments. */
const isInsider = (actor: MatrixActor, scope: string) =>
  actorHas(actor, 'reform_office', 'executive') ||
  isOwningDepartment(actor, scope) ||
  isOwningBureauHead(actor, scope);
/** Plans, stages and reported versions: everyone signed in, and the public for published analyses. */
const readsPlan = (actor: MatrixActor, scope: string) => scope === PUBLISHED || actor.isSignedIn;

let madeClusters = 0;

async function freshCluster(fixtures: MatrixFixtures, ownerCode: string): Promise<string> {
  madeClusters += 1;
  const [cluster] = await fixtures.query<{ id: string }>('insert into clusters default values returning id');
  await fixtures.query(
    `insert into cluster_revisions (cluster_id, valid_from_fiscal_year, number, name, group_code, kind_code)
     values ($1, $2, $3, $4, 'policy_program', 'city_original')`,
    [cluster!.id, fixtures.fiscalYear, 5000 + madeClusters, fixtures.unique('行列確認クラスター')],
  );
  await fixtures.query('insert into cluster_owners (cluster_id, org_unit_id) values ($1, $2)', [
    cluster!.id,
    fixtures.orgUnitId(ownerCode),
  ]);
  return cluster!.id;
}

type Fresh = { id: string; version: number };

/** A new analysis on a new cluster, led by 子ども家庭局 or (other-unit) 建設局, planned or started. */
async function freshAnalysis(
  fixtures: MatrixFixtures,
  scope: string,
  state: 'planned' | 'started' = 'started',
): Promise<Fresh> {
  const lead = scope === OTHER ? 'kensetsu' : 'kodomo';
  const clusterId = await freshCluster(fixtures, lead);
  const created = await fixtures.call('reform', 'POST', '/api/v1/analyses', {
    body: { clusterId, fiscalYear: fixtures.fiscalYear, leadOrgUnitId: fixtures.orgUnitId(lead) },
  });
  if (created.status !== 201) throw new Error(`cannot plan an analysis: ${created.text}`);
  let analysis = created.body as Fresh;
  if (state === 'started') {
    const moved = await fixtures.call('reform', 'POST', `/api/v1/analyses/${analysis.id}/transitions`, {
      body: { to: 'started' },
      headers: { 'if-match': `"${analysis.version}"` },
    });
    if (moved.status !== 201) throw new Error(`cannot start the analysis: ${moved.text}`);
    analysis = moved.body as Fresh;
  }
  return analysis;
}

/** The demo's published 保育所・幼稚園 analysis. */
async function publishedAnalysis(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('published-analysis', async () => {
    const [row] = await fixtures.query<{ id: string }>(
      'select id from analyses where cluster_id = $1 and fiscal_year = $2',
      [fixtures.clusterId(22), fixtures.fiscalYear],
    );
    return row!.id;
  });
}

/** An analysis for a read route: the published demo one, or a new unpublished one. */
async function readTarget(fixtures: MatrixFixtures, scope: string): Promise<string> {
  if (scope === PUBLISHED) return publishedAnalysis(fixtures);
  return fixtures.once(
    'unpublished-analysis',
    async () => (await freshAnalysis(fixtures, OWN, 'planned')).id,
  );
}

/** An analysis for a working-copy read route, made once per scope. */
async function workingTarget(fixtures: MatrixFixtures, scope: string): Promise<string> {
  return fixtures.once(`working-analysis-${scope}`, async () => (await freshAnalysis(fixtures, scope)).id);
}

async function withIndicator(fixtures: MatrixFixtures, scope: string) {
  const analysis = await freshAnalysis(fixtures, scope);
  const [indicator] = await fixtures.query<{ id: string }>(
    `insert into analysis_benchmark_indicators (analysis_id, position, name, unit, direction)
     values ($1, 0, '稼働率', '%', 'higher_is_better') returning id`,
    [analysis.id],
  );
  return { ...analysis, indicatorId: indicator!.id };
}

async function withAttachment(fixtures: MatrixFixtures, scope: string) {
  const analysis = await freshAnalysis(fixtures, scope);
  const uploaded = await fixtures.call('reform', 'POST', `/api/v1/analyses/${analysis.id}/attachments`, {
    form: { file: new File([SAMPLE_FILES.pdf()], '資料.pdf') },
  });
  if (uploaded.status !== 201) throw new Error(`cannot attach a file: ${uploaded.text}`);
  return { ...analysis, attachmentId: (uploaded.body as { id: string }).id };
}

const ifMatch = (analysis: Fresh) => ({ 'if-match': `"${analysis.version}"` });

export const analysisAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/analyses', allow: 'public' },
  {
    method: 'POST',
    path: '/api/v1/analyses',
    allow: ['reform_office'],
    request: async (fixtures) => ({
      path: '/api/v1/analyses',
      body: { clusterId: await freshCluster(fixtures, 'kodomo'), fiscalYear: fixtures.fiscalYear },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id',
    allow: readsPlan,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await readTarget(fixtures, scope)}`,
    }),
    verify: (response, actor) => {
      const body = response.body as { report: unknown; contact: unknown };
      if (!actor.isSignedIn && (body.report !== null || body.contact !== null)) {
        throw new Error('the public must not see the working copy or the contact person');
      }
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/analyses/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const analysis = await freshAnalysis(fixtures, OWN, 'planned');
      return {
        path: `/api/v1/analyses/${analysis.id}`,
        body: { dueMeetings: { progress_reported: fixtures.meetingId(1) } },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/analyses/:id',
    allow: ['reform_office'],
    request: async (fixtures) => {
      const analysis = await freshAnalysis(fixtures, OWN, 'planned');
      return { path: `/api/v1/analyses/${analysis.id}`, headers: ifMatch(analysis) };
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/analyses/:id/report',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/report`,
        body: { sections: { conclusion: { text: '行列の確認' } } },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/drafts',
    allow: (actor, scope) => actorHas(actor, 'reform_office') || isOwningDepartment(actor, scope),
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await workingTarget(fixtures, scope)}/drafts`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/analyses/:id/drafts/:section',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/drafts/conclusion`,
        body: {
          content: { form: { text: '行列の確認' }, base: { text: '' } },
          baseVersion: analysis.version,
        },
        headers: { 'if-match': '"0"' },
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/analyses/:id/drafts/:section',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      await fixtures.query(
        `insert into analysis_report_drafts (analysis_id, section, content, base_version)
         values ($1, 'conclusion', '{"form":{"text":"x"},"base":{"text":""}}', $2)`,
        [analysis.id, analysis.version],
      );
      return { path: `/api/v1/analyses/${analysis.id}/drafts/conclusion`, headers: { 'if-match': '"1"' } };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/review',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    note: 'Tried with a submission; approval, acceptance and returns are covered by the analyses tests.',
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/review`,
        body: { action: 'submit' },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/versions',
    allow: readsPlan,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await readTarget(fixtures, scope)}/versions`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/versions/compare',
    allow: 'public',
    note: 'Between reported versions of a published analysis.',
    request: async (fixtures) => ({
      path: `/api/v1/analyses/${await publishedAnalysis(fixtures)}/versions/compare?from=1&to=1`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/versions/:number',
    allow: 'public',
    note: 'A reported version of a published analysis.',
    request: async (fixtures) => ({
      path: `/api/v1/analyses/${await publishedAnalysis(fixtures)}/versions/1`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/comments',
    allow: isInsider,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await workingTarget(fixtures, scope)}/comments`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/comments',
    allow: (actor, scope) =>
      actorHas(actor, 'reform_office') ||
      isOwningDepartment(actor, scope) ||
      isOwningBureauHead(actor, scope),
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await workingTarget(fixtures, scope)}/comments`,
      body: { body: fixtures.unique('確認') },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/transitions',
    allow: readsPlan,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await readTarget(fixtures, scope)}/transitions`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/transitions',
    allow: (actor, scope) => actorHas(actor, 'reform_office') || isOwningDepartment(actor, scope),
    scopes: [OWN, OTHER],
    note: 'Tried with 着手, which the owning department may record too; reports are the reform office’s.',
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope, 'planned');
      return {
        path: `/api/v1/analyses/${analysis.id}/transitions`,
        body: { to: 'started' },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/effects',
    allow: readsPlan,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await readTarget(fixtures, scope)}/effects`,
    }),
  },
  {
    method: 'PUT',
    path: '/api/v1/analyses/:id/effects',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/effects`,
        body: {
          items: [
            {
              label: '委託化',
              fiscalYear: 2025,
              category: 'expenditure_cut',
              recurrence: 'one_off',
              stage: 'planned',
              amount: '1000000',
            },
          ],
        },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/benchmarks',
    allow: readsPlan,
    scopes: [PUBLISHED, UNPUBLISHED],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await readTarget(fixtures, scope)}/benchmarks`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/benchmarks',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await freshAnalysis(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/benchmarks`,
        body: { name: '1人当たり経費', unit: '円', direction: 'lower_is_better' },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/analyses/:id/benchmarks/:indicatorId',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await withIndicator(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/benchmarks/${analysis.indicatorId}`,
        body: { name: '稼働率', unit: '%', direction: 'higher_is_better', values: [] },
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/analyses/:id/benchmarks/:indicatorId',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await withIndicator(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/benchmarks/${analysis.indicatorId}`,
        headers: ifMatch(analysis),
      };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/benchmarks/import',
    allow: isOwningDepartment,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await withIndicator(fixtures, scope);
      return {
        path: `/api/v1/analyses/${analysis.id}/benchmarks/import`,
        rawBody: '指標,比較対象,年度,値,本市\n稼働率,本市,2023,66.8,1\n',
        headers: { ...ifMatch(analysis), 'content-type': 'text/csv' },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/attachments',
    allow: isInsider,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await workingTarget(fixtures, scope)}/attachments`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/analyses/:id/attachments',
    allow: (actor, scope) => actorHas(actor, 'reform_office') || isOwningDepartment(actor, scope),
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/analyses/${await workingTarget(fixtures, scope)}/attachments`,
      form: { file: new File([SAMPLE_FILES.pdf()], '資料.pdf') },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/analyses/:id/attachments/:attachmentId',
    allow: isInsider,
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await fixtures.once(`attachment-${scope}`, () => withAttachment(fixtures, scope));
      return { path: `/api/v1/analyses/${analysis.id}/attachments/${analysis.attachmentId}` };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/analyses/:id/attachments/:attachmentId',
    allow: (actor, scope) => actorHas(actor, 'reform_office') || isOwningDepartment(actor, scope),
    scopes: [OWN, OTHER],
    request: async (fixtures, _actor, scope) => {
      const analysis = await withAttachment(fixtures, scope);
      return { path: `/api/v1/analyses/${analysis.id}/attachments/${analysis.attachmentId}` };
    },
  },
];

/**
 * Opening a fiscal year is the reform office's. The matrix asks for the demo's own year, which is
 * open already: opening it again changes nothing, so other routes keep seeing the demo year as the latest.
 */
export const fiscalYearOpeningAccess: AccessEntry[] = [
  {
    method: 'GET',
    path: '/api/v1/fiscal-years/:year/opening',
    allow: ['reform_office'],
    request: (fixtures) => ({ path: `/api/v1/fiscal-years/${fixtures.fiscalYear}/opening` }),
  },
  {
    method: 'POST',
    path: '/api/v1/fiscal-years/:year/opening',
    allow: ['reform_office'],
    request: (fixtures) => ({ path: `/api/v1/fiscal-years/${fixtures.fiscalYear}/opening`, body: {} }),
  },
];
