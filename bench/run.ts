// `npm run bench [-- --db embedded|postgres|both] [--duration 10] [--connections 50] [--smoke]`
// Starts the app in its own process on each database, a bare node:http server answering the same
// bytes, and drives both from a third process; records figures in bench/results and RESULTS.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript module shared with the test scripts
import { freePort, startPostgresCluster } from '../scripts/lib/postgres-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const isSmoke = args.includes('--smoke');
const duration = Number(option('duration', isSmoke ? '2' : '10'));
const connections = Number(option('connections', '50'));
const databases = option('db', 'both') === 'both' ? ['embedded', 'postgres'] : [option('db', 'both')];

type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
};
type Row = {
  scenario: string;
  database: string;
  result: LoadResult;
  baseline: LoadResult;
  ratio: number;
  peakRssMb: number;
};

function runNode(script: string, scriptArgs: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} exited ${code}`)),
    );
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become healthy in time');
}

function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const output = await runNode(path.join(root, 'bench/lib/load.mjs'), [
    url,
    String(connections),
    String(duration),
    JSON.stringify(headers),
  ]);
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

/** The read scenarios: each names a path; the bare server answers the same bytes. */
const SCENARIOS: { name: string; path: string }[] = [
  { name: 'cluster register (GET /api/v1/clusters?fy=2024)', path: '/api/v1/clusters?fy=2024' },
];

async function benchDatabase(database: string): Promise<{ rows: Row[]; startupMs: number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'totonoe-bench-'));
  const cluster = database === 'postgres' ? await startPostgresCluster() : null;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    TOTONOE_DATA_DIR: dataDir,
    TOTONOE_DEMO: 'true',
    TOTONOE_LOG_LEVEL: 'warn',
  };
  if (cluster) env.DATABASE_URL = cluster.url;
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const rows: Row[] = [];
  let startupMs = 0;
  try {
    startupMs = await waitForHealth(url, server);
    for (const scenario of SCENARIOS) {
      const response = await fetch(`${url}${scenario.path}`);
      const body = Buffer.from(await response.arrayBuffer());
      const bodyFile = path.join(dataDir, 'body.bin');
      writeFileSync(bodyFile, body);
      const barePort = await freePort();
      const bare = spawn(
        process.execPath,
        [
          path.join(root, 'bench/lib/bare-server.mjs'),
          bodyFile,
          response.headers.get('content-type') ?? 'application/json',
          String(barePort),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise((resolve) => bare.stdout.once('data', resolve));
      try {
        // Both in the same run, one after the other, so the ratio compares like with like.
        const baseline = await load(`http://127.0.0.1:${barePort}/`);
        const result = await load(`${url}${scenario.path}`);
        rows.push({
          scenario: scenario.name,
          database,
          result,
          baseline,
          ratio: result.requestsPerSecond / baseline.requestsPerSecond,
          peakRssMb: peakRssMb(server.pid!),
        });
      } finally {
        bare.kill();
      }
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, startupMs };
}

function table(rows: Row[], startups: Record<string, number>): string {
  const lines = [
    '| scenario | database | req/s | p50 ms | p97.5 ms | p99 ms | bare node:http req/s | ratio | errors / non-2xx | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.scenario} | ${row.database} | ${Math.round(row.result.requestsPerSecond)} | ${row.result.p50} | ${row.result.p97_5} | ${row.result.p99} | ${Math.round(row.baseline.requestsPerSecond)} | ${(row.ratio * 100).toFixed(0)}% | ${row.result.errors} / ${row.result.non2xx} | ${row.peakRssMb} |`,
    );
  }
  lines.push(
    '',
    ...Object.entries(startups).map(
      ([database, ms]) => `Start-up to /healthz 200 (${database}, new database with demo data): ${ms} ms`,
    ),
  );
  return lines.join('\n');
}

const rows: Row[] = [];
const startups: Record<string, number> = {};
for (const database of databases) {
  const result = await benchDatabase(database);
  rows.push(...result.rows);
  startups[database] = result.startupMs;
}
const output = table(rows, startups);
process.stdout.write(`\n${output}\n`);
if (!isSmoke) {
  const now = new Date();
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  writeFileSync(
    path.join(root, `bench/results/${now.toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ date: now.toISOString(), machine, duration, connections, rows, startups }, null, 2),
  );
  const resultsFile = path.join(root, 'bench/RESULTS.md');
  writeFileSync(
    resultsFile,
    `# Benchmark results\n\nRecorded by \`npm run bench\` on ${now.toISOString().slice(0, 10)}.\nMachine: ${machine}.\nLoad: autocannon in its own process, ${connections} connections, ${duration} s per run, loopback. The bare node:http server answers the same bytes in the same run; the ratio is app ÷ bare.\n\n${output}\n`,
  );
}
if (rows.some((row) => row.result.errors > 0 || row.result.non2xx > 0)) {
  process.stderr.write('Some requests failed.\n');
  process.exit(1);
}
