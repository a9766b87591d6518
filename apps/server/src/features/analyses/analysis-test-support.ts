import { expect } from 'vitest';
import type { TestApp, TestResponse } from '../../test/test-app.ts';

/** Helpers the analyses tests share: demo ids, sessions, and calls that carry the current ETag. */
export type AnalysisDetail = {
  id: string;
  stage: string;
  reviewStatus: string | null;
  version: number;
  isPublished: boolean;
  report: Record<string, unknown> | null;
  latestVersion: { number: number; report: string; status: string } | null;
  transitions: { toStage: string; meeting: { sequence: number } | null; versionNumber: number | null }[];
  permissions: {
    reviewActions: string[];
    stageMoves: string[];
    canEditReport: boolean;
    canComment: boolean;
    canEditPlan: boolean;
  };
  cluster: { number: number };
};

export type AnalysisFixtures = {
  t: TestApp;
  cookie: (login: string) => Promise<string>;
  clusterId: (number: number) => string;
  meetingId: (sequence: number) => string;
  orgUnitId: (code: string) => string;
  /**
   * Puts a cluster (a demo cluster's number, or the id of one made by newCluster) on the FY2024
   * plan with the given lead org unit, as the reform office, and returns the analysis's id.
   */
  plan: (cluster: number | string, leadOrgUnitCode?: string) => Promise<string>;
  /** Makes a cluster in the FY2024 register owned by the org unit, for tests that need many analyses. */
  newCluster: (ownerCode?: string) => Promise<string>;
  /** Reads an analysis as the reform office. */
  detail: (analysisId: string) => Promise<AnalysisDetail>;
  /** Calls a write with the analysis's current version as If-Match. */
  write: (
    login: string,
    method: string,
    path: string,
    analysisId: string,
    body?: unknown,
  ) => Promise<TestResponse>;
  /** Takes a report through submit → approve → accept. */
  acceptReport: (analysisId: string, report: string) => Promise<void>;
  /** Moves an analysis, expecting success. */
  move: (analysisId: string, body: Record<string, unknown>) => Promise<AnalysisDetail>;
  /** Creates a signed-in user with the given roles (org unit codes for scoped roles). */
  createUser: (login: string, roles: { role: string; orgUnit?: string }[]) => Promise<void>;
};

/** Collects the demo ids and builds the helpers. */
export async function analysisFixtures(t: TestApp): Promise<AnalysisFixtures> {
  const sessions = new Map<string, string>();
  const cookie = async (login: string) => {
    let value = sessions.get(login);
    if (!value) {
      value = await t.signIn(login);
      sessions.set(login, value);
    }
    return value;
  };
  const reform = await cookie('reform');
  const clusters = (await t.call('GET', '/api/v1/clusters?fy=2024')).body as {
    items: { id: string; number: number }[];
  };
  const meetings = (await t.call('GET', '/api/v1/meetings?fy=2024', { cookie: reform })).body as {
    items: { id: string; sequence: number }[];
  };
  const orgUnits = await t.database.pool.query<{ id: string; code: string }>(
    'select id, code from org_units',
  );
  const clusterIds = new Map(clusters.items.map((item) => [item.number, item.id]));
  const meetingIds = new Map(meetings.items.map((item) => [item.sequence, item.id]));
  const orgUnitIds = new Map(orgUnits.rows.map((row) => [row.code, row.id]));
  const need = <K, V>(map: Map<K, V>, key: K): V => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`No demo record ${String(key)}`);
    return value;
  };

  let madeClusters = 0;
  const detail = async (analysisId: string) => {
    const response = await t.call('GET', `/api/v1/analyses/${analysisId}`, { cookie: reform });
    expect(response.status, response.text).toBe(200);
    return response.body as AnalysisDetail;
  };
  const write: AnalysisFixtures['write'] = async (login, method, path, analysisId, body) => {
    const { version } = await detail(analysisId);
    return t.call(method, path, {
      cookie: login === 'anonymous' ? null : await cookie(login),
      body,
      headers: { 'if-match': `"${version}"` },
    });
  };
  const review = async (login: string, analysisId: string, body: Record<string, unknown>) => {
    const response = await write(login, 'POST', `/api/v1/analyses/${analysisId}/review`, analysisId, body);
    expect(response.status, response.text).toBe(200);
  };
  return {
    t,
    cookie,
    clusterId: (number) => need(clusterIds, number),
    meetingId: (sequence) => need(meetingIds, sequence),
    orgUnitId: (code) => need(orgUnitIds, code),
    plan: async (cluster, leadOrgUnitCode = 'kodomo') => {
      const response = await t.call('POST', '/api/v1/analyses', {
        cookie: reform,
        body: {
          clusterId: typeof cluster === 'string' ? cluster : need(clusterIds, cluster),
          fiscalYear: 2024,
          leadOrgUnitId: need(orgUnitIds, leadOrgUnitCode),
        },
      });
      expect(response.status, response.text).toBe(201);
      return (response.body as { id: string }).id;
    },
    newCluster: async (ownerCode = 'kodomo') => {
      madeClusters++;
      const cluster = await t.database.pool.query<{ id: string }>(
        'insert into clusters default values returning id',
      );
      const id = cluster.rows[0]!.id;
      await t.database.pool.query(
        `insert into cluster_revisions (cluster_id, valid_from_fiscal_year, number, name, group_code, kind_code)
         values ($1, 2024, $2, $3, 'policy_program', 'city_original')`,
        [id, 1000 + madeClusters, `試験用クラスター${madeClusters}`],
      );
      await t.database.pool.query('insert into cluster_owners (cluster_id, org_unit_id) values ($1, $2)', [
        id,
        need(orgUnitIds, ownerCode),
      ]);
      return id;
    },
    detail,
    write,
    acceptReport: async (analysisId, report) => {
      await review('kodomo-staff', analysisId, { action: 'submit', report });
      await review('kodomo-head', analysisId, { action: 'approve' });
      await review('reform', analysisId, { action: 'accept' });
    },
    move: async (analysisId, body) => {
      const response = await write(
        'reform',
        'POST',
        `/api/v1/analyses/${analysisId}/transitions`,
        analysisId,
        body,
      );
      expect(response.status, response.text).toBe(201);
      return response.body as AnalysisDetail;
    },
    createUser: async (login, roles) => {
      const admin = await cookie('admin');
      const response = await t.call('POST', '/api/v1/users', {
        cookie: admin,
        body: {
          login,
          password: 'totonoe-demo-password',
          displayName: login,
          roles: roles.map((grant) => ({
            role: grant.role,
            orgUnitId: grant.orgUnit ? need(orgUnitIds, grant.orgUnit) : null,
          })),
        },
      });
      expect(response.status, response.text).toBe(201);
      const session = await t.call('POST', '/api/v1/session', {
        body: { login, password: 'totonoe-demo-password' },
      });
      expect(session.status, session.text).toBe(200);
      sessions.set(login, (session.headers.get('set-cookie') ?? '').split(';')[0]!);
    },
  };
}

/** Counts rows of a table for one analysis, to show that a refused request wrote nothing. */
export async function countFor(t: TestApp, table: string, analysisId: string): Promise<number> {
  const allowed = [
    'analysis_transitions',
    'analysis_versions',
    'analysis_comments',
    'analysis_effects',
    'analysis_benchmark_indicators',
    'analysis_due_meetings',
  ];
  if (!allowed.includes(table)) throw new Error(`Unexpected table ${table}`);
  const result = await t.database.pool.query<{ count: string }>(
    `select count(*)::text as count from ${table} where analysis_id = $1`,
    [analysisId],
  );
  return Number(result.rows[0]!.count);
}
