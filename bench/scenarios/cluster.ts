// Two app processes on one PostgreSQL: what one process does, the other must show at once —
// cached responses, sessions and background jobs — with no wait between the write and the read.
import type { Api } from '../lib/api.ts';

export type ConsistencyResult = {
  /** Register renames made through one process and read back through the other straight after. */
  registerChanges: number;
  registerStaleReads: number;
  /** A sign-in through one process works through the other; a sign-out ends it there too. */
  sessionSharedOk: boolean;
  sessionEndedOk: boolean;
  /** A report job asked for through one process is followed and downloaded through the other. */
  jobSeenOk: boolean;
  jobMs: number;
};

type Cluster = { id: string; name: string };

async function registerNames(api: Api, fiscalYear: number): Promise<Map<string, string>> {
  const response = await api.fetch(`/api/v1/clusters?fy=${fiscalYear}`, 'public');
  const body = JSON.parse(response.body.toString('utf8')) as { groups?: unknown; items?: Cluster[] };
  // The register's shape belongs to the clusters feature: find the clusters wherever they sit.
  const names = new Map<string, string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && typeof record.name === 'string' && 'number' in record)
        names.set(record.id, record.name);
      Object.values(record).forEach(visit);
    }
  };
  visit(body);
  return names;
}

/** Runs the cross-process checks; `rounds` renames alternate between the two processes. */
export async function checkConsistency(
  a: Api,
  b: Api,
  fiscalYear: number,
  rounds: number,
): Promise<ConsistencyResult> {
  const names = await registerNames(a, fiscalYear);
  const [clusterId, originalName] = [...names.entries()][0] ?? [];
  if (!clusterId || !originalName) throw new Error('the register lists no cluster');
  let stale = 0;
  for (let round = 0; round < rounds; round++) {
    const [writer, reader] = round % 2 === 0 ? [a, b] : [b, a];
    // Warm the reader's cache first, so a missed invalidation shows as a stale read.
    await registerNames(reader, fiscalYear);
    const current = await writer.fetch(`/api/v1/clusters/${clusterId}?fy=${fiscalYear}`, 'reform');
    const name = `${originalName}（${round + 1}）`;
    const update = await writer.fetch(`/api/v1/clusters/${clusterId}?fy=${fiscalYear}`, 'reform', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag') ?? '' },
      body: JSON.stringify({ name }),
    });
    if (update.status !== 200)
      throw new Error(`renaming a cluster answered ${update.status}: ${update.body}`);
    if ((await registerNames(reader, fiscalYear)).get(clusterId) !== name) stale += 1;
  }

  const signIn = await fetch(`${a.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'staff2', password: 'totonoe-demo' }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const meThroughB = await fetch(`${b.url}/api/v1/me`, { headers: { cookie } });
  await fetch(`${a.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
  const meAfterSignOut = await fetch(`${b.url}/api/v1/me`, { headers: { cookie } });

  const started = Date.now();
  const job = await a.fetch('/api/v1/reports/jobs', 'reform', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'progress_xlsx', fiscalYear }),
  });
  let isJobSeen = false;
  if (job.status === 202) {
    const { id } = JSON.parse(job.body.toString('utf8')) as { id: string };
    for (let poll = 0; poll < 600 && !isJobSeen; poll++) {
      const state = await b.json<{ status: string }>(`/api/v1/reports/jobs/${id}`, 'reform');
      if (state?.status === 'failed') break;
      if (state?.status === 'done') {
        const file = await b.fetch(`/api/v1/reports/jobs/${id}/file`, 'reform');
        isJobSeen = file.status === 200 && file.body.length > 0;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    registerChanges: rounds,
    registerStaleReads: stale,
    sessionSharedOk: signIn.status === 200 && meThroughB.status === 200,
    sessionEndedOk: meAfterSignOut.status === 401,
    jobSeenOk: isJobSeen,
    jobMs: Date.now() - started,
  };
}
