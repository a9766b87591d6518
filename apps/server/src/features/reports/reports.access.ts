import {
  type AccessEntry,
  actorHas,
  actorHasFor,
  type MatrixActor,
  type MatrixFixtures,
} from '../../test/access-entry.ts';

/** A finished export owned by the actor (own-job) or by the reform office (other-job), written directly. */
async function finishedJob(fixtures: MatrixFixtures, actor: MatrixActor, scope: string): Promise<string> {
  const owner =
    scope === 'own-job' && actor.isSignedIn && actor.userId ? actor.userId : fixtures.userId('reform');
  const rows = await fixtures.query<{ id: string }>(
    `insert into report_jobs (kind, params, status, progress, requested_by, file_name, content_type, byte_size, content, finished_at)
     values ('csv', '{"kind":"csv","fiscalYear":2024,"resource":"clusters","encoding":"utf-8"}', 'done', 100, $1,
             'clusters.csv', 'text/csv; charset=utf-8', 3, '\\x616263', now()) returning id`,
    [owner],
  );
  return rows[0]!.id;
}

/**
 * A FY2024 analysis of 子ども家庭局 that is (or is not) published. The data set publishes all of
 * its analyses, so an unpublished one is put on the plan for cluster 24 once per matrix run.
 */
async function kodomoAnalysis(fixtures: MatrixFixtures, isPublished: boolean): Promise<string> {
  if (!isPublished) {
    return fixtures.once('reports:unpublished-analysis', async () => {
      const rows = await fixtures.query<{ id: string }>(
        `insert into analyses (cluster_id, fiscal_year, stage, is_published) values ($1, $2, 'planned', false)
         on conflict (cluster_id, fiscal_year) do update set is_published = false returning id`,
        [fixtures.clusterId(24), fixtures.fiscalYear],
      );
      return rows[0]!.id;
    });
  }
  const rows = await fixtures.query<{ id: string }>(
    `select a.id from analyses a
       join cluster_owners o on o.cluster_id = a.cluster_id
       join org_units u on u.id = o.org_unit_id and u.code = 'kodomo'
      where a.fiscal_year = $1 and a.is_published
      order by a.id limit 1`,
    [fixtures.fiscalYear],
  );
  if (!rows[0]) throw new Error('no published analysis of kodomo in the data set');
  return rows[0].id;
}

/** The requester only: an actor's own job, or the reform office's job when the actor is the reform office. */
const mine = (actor: MatrixActor, scope: string) =>
  actor.isSignedIn && (scope === 'own-job' || actor.login === 'reform');

/** Reports and exports: every signed-in employee; an export job is its requester's alone. */
export const reportAccess: AccessEntry[] = [
  ...(['pptx', 'pdf', 'xlsx'] as const).map(
    (extension): AccessEntry => ({
      method: 'GET',
      path: `/api/v1/reports/progress.${extension}`,
      allow: 'signed_in',
      request: (fixtures) => ({ path: `/api/v1/reports/progress.${extension}?fy=${fixtures.fiscalYear}` }),
    }),
  ),
  {
    method: 'GET',
    path: '/api/v1/reports/lists/:resource',
    allow: 'signed_in',
    request: (fixtures) => ({
      path: `/api/v1/reports/lists/clusters?fy=${fixtures.fiscalYear}&encoding=shift_jis`,
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/reports/jobs',
    allow: 'signed_in',
    request: (fixtures) => ({
      path: '/api/v1/reports/jobs',
      body: { kind: 'csv', fiscalYear: fixtures.fiscalYear, resource: 'meetings' },
    }),
  },
  { method: 'GET', path: '/api/v1/reports/jobs', allow: 'signed_in' },
  {
    method: 'GET',
    path: '/api/v1/reports/jobs/:id',
    scopes: ['own-job', 'other-job'],
    note: 'another person’s export answers 404, as if it did not exist',
    allow: mine,
    request: async (fixtures, actor, scope) => ({
      path: `/api/v1/reports/jobs/${await finishedJob(fixtures, actor, scope)}`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/reports/jobs/:id/file',
    scopes: ['own-job', 'other-job'],
    allow: mine,
    request: async (fixtures, actor, scope) => ({
      path: `/api/v1/reports/jobs/${await finishedJob(fixtures, actor, scope)}/file`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/reports/analyses/:id/report.pdf',
    scopes: ['published', 'unpublished'],
    note: 'an unpublished analysis: the office, the executives and the owning bureau only',
    allow: (actor, scope) =>
      actor.isSignedIn &&
      (scope === 'published' ||
        actorHas(actor, 'reform_office', 'executive') ||
        actorHasFor(actor, 'kodomo', 'bureau_head', 'department_staff')),
    request: async (fixtures, _actor, scope) => ({
      path: `/api/v1/reports/analyses/${await kodomoAnalysis(fixtures, scope === 'published')}/report.pdf`,
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/reports/meetings/:id/agenda.pdf',
    allow: 'signed_in',
    request: (fixtures) => ({ path: `/api/v1/reports/meetings/${fixtures.meetingId(3)}/agenda.pdf` }),
  },
];
