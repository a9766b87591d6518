// `node --import tsx bench/profile.ts --database-url URL --log-file PGLOG --path '/api/v1/dashboard?fy=2024'
//                                     [--as mayor] [--seconds 10] [--connections 20]`
// Where does an endpoint's time go? Starts the app with Node's CPU profiler on an existing
// PostgreSQL database, loads the path from another process, and prints the functions with the most
// self time and the SQL statements with the most total time (from PostgreSQL's own log).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error plain JavaScript module shared with the test scripts
import { freePort } from '../scripts/lib/postgres-cluster.mjs';
import { SESSION_COOKIE } from './lib/api.ts';
import { root, runNodeJson, startApp } from './lib/processes.ts';
import type { LoadResult } from './lib/results.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1]! : fallback;
};
const databaseUrl = option('database-url');
const target = option('path');
if (!databaseUrl || !target) throw new Error('give --database-url and --path');
const login = option('as', 'reform')!;
const seconds = Number(option('seconds', '10'));
const connections = Number(option('connections', '20'));
const workDir = mkdtempSync(path.join(os.tmpdir(), 'totonoe-profile-'));

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
};

function summariseProfile(file: string): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id)!;
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(root, '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  });
  return [...selfTime.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([key, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const token = `profile-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const { createHash } = await import('node:crypto');
await client.query(
  `INSERT INTO sessions (id, user_id, expires_at) SELECT $1, id, now() + interval '1 hour' FROM users WHERE login = $2`,
  [createHash('sha256').update(token).digest('base64url'), login],
);
const app = await startApp({
  port: await freePort(),
  env: { DATABASE_URL: databaseUrl, TOTONOE_DEMO: 'false' },
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${workDir}`],
});
await client.query('ALTER SYSTEM SET log_min_duration_statement = 0');
await client.query('SELECT pg_reload_conf()');
// The server's log (the file given to pg_ctl -l): read from its current end.
const logFile = option('log-file');
const logStart = logFile ? statSync(logFile).size : 0;
let result: LoadResult;
try {
  const jobFile = path.join(workDir, 'job.json');
  writeFileSync(
    jobFile,
    JSON.stringify({
      url: `${app.url}${target}`,
      connections,
      duration: seconds,
      headers: login === 'public' ? {} : { cookie: `${SESSION_COOKIE}=${token}` },
    }),
  );
  result = await runNodeJson<LoadResult>(path.join(root, 'bench/lib/load.mjs'), [jobFile]);
} finally {
  await client.query('ALTER SYSTEM RESET log_min_duration_statement');
  await client.query('SELECT pg_reload_conf()');
  await app.stop();
}
process.stdout.write(
  `${target} as ${login}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, ${JSON.stringify(result.statusCounts)}\n\nCPU self time in the app process:\n`,
);
const profileFile = readdirSync(workDir).find((name) => name.endsWith('.cpuprofile'));
if (profileFile) process.stdout.write(`${summariseProfile(path.join(workDir, profileFile)).join('\n')}\n`);
process.stdout.write('\nSQL by total time (PostgreSQL log; the statement start shown):\n');
const log = logFile ? readFileSync(logFile).subarray(logStart).toString('utf8') : '';
const statements = new Map<string, { ms: number; count: number }>();
for (const match of log.matchAll(/duration: ([\d.]+) ms {2}(?:execute [^:]*|statement): (.{0,160})/g)) {
  const key = match[2]!.replace(/\$\d+/g, '$').replace(/\s+/g, ' ');
  const entry = statements.get(key) ?? { ms: 0, count: 0 };
  entry.ms += Number(match[1]);
  entry.count += 1;
  statements.set(key, entry);
}
const total = result.total || 1;
for (const [statement, entry] of [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
  process.stdout.write(
    `${entry.ms.toFixed(0).padStart(8)} ms ${(entry.count / total).toFixed(1).padStart(5)}/req  ${statement}\n`,
  );
}
await client.end();
