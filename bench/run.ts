// `npm run bench [-- --scale small|city|large] [--db embedded|postgres|both] [--seed 1]
//                 [--duration 6] [--connections 50] [--only reads,writes,reports,browser,cluster]
//                 [--scenarios cluster-register,idea-list] [--write-seconds 60] [--no-build] [--smoke]`
// TOTONOE_BENCH_ENTRY=<server bundle> runs another build of the server (before/after comparisons).
// For each database: build the data set, start the app in its own process, drive it from a third
// process (autocannon) beside a bare node:http server answering the same bytes, then writes,
// report builds, the browser's first load and two processes behind a balancer. Prints the tables;
// records them in bench/results/*.json and bench/RESULTS.md (not in --smoke, which only checks that
// every scenario runs, on the small data set, a few requests each).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript module shared with the test scripts
import { freePort, startPostgresCluster } from '../scripts/lib/postgres-cluster.mjs';
import { Api, cookieOf } from './lib/api.ts';
import type { Prepared } from './lib/prepare.ts';
import {
  type AppProcess,
  isBuilt,
  loadAverage,
  peakRssMb,
  resetPeakRss,
  root,
  runNodeJson,
  startApp,
  startBareServer,
} from './lib/processes.ts';
import {
  type ClusterResult,
  commitDescription,
  type DatabaseRun,
  type LoadResult,
  machineDescription,
  type ReadRow,
  type RunRecord,
  recordRun,
  renderRun,
  type WriteRow,
} from './lib/results.ts';
import type { Verification } from './lib/verify.ts';
import { CHROMIUM, runBrowser } from './scenarios/browser.ts';
import { checkConsistency } from './scenarios/cluster.ts';
import { READ_SCENARIOS } from './scenarios/reads.ts';
import { runReports } from './scenarios/reports.ts';
import { submissionJob, supportJob, type WriteJob } from './scenarios/writes.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const isSmoke = args.includes('--smoke');
const scale = isSmoke ? 'small' : option('scale', 'small');
if (!['small', 'city', 'large'].includes(scale)) throw new Error(`unknown scale ${scale}`);
const seed = Number(option('seed', '1'));
const duration = Number(option('duration', isSmoke ? '1' : '6'));
const connections = Number(option('connections', isSmoke ? '10' : '50'));
const requestedDatabases = option('db', scale === 'large' ? 'postgres' : 'both');
const databases = (requestedDatabases === 'both' ? ['embedded', 'postgres'] : [requestedDatabases]) as (
  | 'embedded'
  | 'postgres'
)[];
if (scale === 'large' && databases.includes('embedded'))
  throw new Error('the large scale runs on PostgreSQL only');
const onlyScenarios = args.includes('--scenarios') ? new Set(option('scenarios', '').split(',')) : null;
const groups = new Set(option('only', 'reads,writes,reports,browser,cluster').split(','));
const writers = Number(option('writers', isSmoke ? '20' : '200'));
const supportRequests = Number(option('supports', isSmoke ? '200' : scale === 'small' ? '5000' : '20000'));
const supportRate = Number(option('support-rate', isSmoke ? '100' : '1000'));
const submissionRequests = Number(option('submissions', isSmoke ? '40' : '2000'));
/** Each write scenario ends after this long even when its requests are not all sent. */
const writeSeconds = Number(option('write-seconds', isSmoke ? '30' : '60'));
const repeats = isSmoke ? 1 : 3;
/**
 * How long each read load runs: for a duration, or in the smoke test a fixed number of requests, so
 * that a slow answer on a busy machine still finishes and the check is of the suite, not the speed.
 */
const loadLength = isSmoke ? { amount: connections * 3 } : { duration };
/** FY2024 is the demo's year; at city scale FY2023 is the last generated year, with everything in it. */
const years = { demo: 2024, full: scale === 'small' ? 2024 : 2023 };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const runStarted = Date.now();
/** Minutes and seconds since the run started, for the progress lines. */
const elapsed = () => {
  const seconds = Math.round((Date.now() - runStarted) / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

/** `npm run build`, beside the data sets' building (neither is measured); resolves when it ends. */
function build(): Promise<void> {
  if (args.includes('--no-build') || isSmoke) return Promise.resolve();
  log('npm run build (beside the data sets)');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => {
      if (code !== 0) log('the build failed: using what is already built, or the sources');
      else log(`built (${Math.round((Date.now() - started) / 1000)} s)`);
      resolve();
    });
    child.on('error', () => resolve());
  });
}

async function load(job: Record<string, unknown>, workDir: string): Promise<LoadResult> {
  const file = path.join(workDir, `job-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(job));
  return runNodeJson<LoadResult>(path.join(root, 'bench/lib/load.mjs'), [file]);
}

/**
 * The bare node:http baseline of each scenario, measured once in the run (on the first database)
 * and used again for the second when its body is within 10 % of the same size: the bare server's
 * figure depends on the bytes it answers, not on the database behind the app.
 */
const baselines = new Map<string, { bytes: number; result: LoadResult }>();

async function runReads(app: AppProcess, api: Api, workDir: string): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  for (const scenario of READ_SCENARIOS) {
    if (onlyScenarios && !onlyScenarios.has(scenario.id)) continue;
    const row: ReadRow = {
      id: scenario.id,
      name: scenario.name,
      as: scenario.as,
      target: scenario.target,
      areas: scenario.areas,
    };
    rows.push(row);
    const resolved = await scenario.resolve(api, years);
    if (typeof resolved !== 'string') {
      row.unavailable = resolved.unavailable;
      log(`  ${scenario.id}: not available (${resolved.unavailable})`);
      continue;
    }
    row.path = resolved;
    const sample = await api.fetch(resolved, scenario.as);
    if (sample.status !== 200) {
      row.unavailable = `GET ${resolved} answered ${sample.status}`;
      continue;
    }
    row.bytes = sample.body.length;
    const headers = cookieOf(api.prepared, scenario.as);
    // The smoke test checks the baseline once (its first scenario): the rest is the same machinery.
    const bodyFile = path.join(workDir, `${scenario.id}.body`);
    writeFileSync(bodyFile, sample.body);
    const known = baselines.get(scenario.id);
    if (known && Math.abs(known.bytes - row.bytes) <= known.bytes * 0.1) {
      row.baseline = known.result;
      row.baselineReused = true;
    }
    const bare =
      row.baseline || (isSmoke && rows.some((other) => other.baseline))
        ? null
        : await startBareServer(
            bodyFile,
            sample.headers.get('content-type') ?? 'application/json',
            await freePort(),
          );
    try {
      // Both in the same run, one after the other, so the ratio compares like with like.
      if (bare) {
        row.baseline = await load({ url: bare.url, connections, ...loadLength }, workDir);
        baselines.set(scenario.id, { bytes: row.bytes, result: row.baseline });
      }
      resetPeakRss(app.pid);
      row.loadAverage = loadAverage();
      row.result = await load({ url: `${app.url}${resolved}`, connections, ...loadLength, headers }, workDir);
      row.peakRssMb = peakRssMb(app.pid);
      if (row.baseline) row.ratio = row.result.requestsPerSecond / row.baseline.requestsPerSecond;
      log(
        `  ${scenario.id}: ${Math.round(row.result.requestsPerSecond)} req/s, p95 ${row.result.p95} ms (bare ${row.baseline ? Math.round(row.baseline.requestsPerSecond) : '–'} req/s)`,
      );
    } finally {
      bare?.stop();
    }
  }
  return rows;
}

async function runWrite(
  app: AppProcess,
  id: WriteRow['id'],
  name: string,
  job: WriteJob,
  workDir: string,
): Promise<WriteRow> {
  resetPeakRss(app.pid);
  const load_ = loadAverage();
  const result = await load(job, workDir);
  log(
    `  ${id}: ${Math.round(result.requestsPerSecond)}/s, p95 ${result.p95} ms, ${JSON.stringify(result.statusCounts)}`,
  );
  return { id, name, result, peakRssMb: peakRssMb(app.pid), loadAverage: load_ };
}

/** Two processes on one PostgreSQL: cross-process checks, then throughput through the balancer with one and with two. */
async function runCluster(
  first: AppProcess,
  prepared: Prepared,
  env: Record<string, string>,
  reads: ReadRow[],
  workDir: string,
): Promise<ClusterResult> {
  const second = await startApp({ port: await freePort(), env });
  try {
    const consistency = await checkConsistency(
      new Api(first.url, prepared),
      new Api(second.url, prepared),
      years.demo,
      isSmoke ? 4 : 20,
    );
    const throughput: ClusterResult['throughput'] = [];
    for (const id of ['cluster-register', 'idea-list']) {
      const row = reads.find((candidate) => candidate.id === id);
      if (!row?.path) continue;
      const headers = cookieOf(prepared, row.as as 'public');
      const measure = async (ports: number[]) => {
        const proxyPort = await freePort();
        const proxy = spawn(
          process.execPath,
          [path.join(root, 'bench/lib/proxy.mjs'), String(proxyPort), ...ports.map(String)],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        await new Promise((resolve) => proxy.stdout.once('data', resolve));
        try {
          return await load(
            { url: `http://127.0.0.1:${proxyPort}${row.path}`, connections, ...loadLength, headers },
            workDir,
          );
        } finally {
          proxy.kill();
        }
      };
      const portOf = (app: AppProcess) => Number(new URL(app.url).port);
      const oneProcess = await measure([portOf(first)]);
      const twoProcesses = await measure([portOf(first), portOf(second)]);
      throughput.push({
        id,
        oneProcess,
        twoProcesses,
        scaling: twoProcesses.requestsPerSecond / oneProcess.requestsPerSecond,
      });
      log(
        `  ${id} through the balancer: ${Math.round(oneProcess.requestsPerSecond)} → ${Math.round(twoProcesses.requestsPerSecond)} req/s`,
      );
    }
    return { consistency, throughput };
  } finally {
    await second.stop();
  }
}

/**
 * `--reuse FILE` with `--database-url URL` or `--data-dir DIR`: a data set prepared before (FILE holds
 * what bench/lib/prepare.ts printed), for looking into one scenario without building it again.
 */
const reuse = args.includes('--reuse')
  ? {
      prepared: JSON.parse(readFileSync(option('reuse', ''), 'utf8')) as Prepared,
      databaseUrl: args.includes('--database-url') ? option('database-url', '') : undefined,
      dataDir: args.includes('--data-dir') ? option('data-dir', '') : undefined,
    }
  : null;

type Preparation = {
  database: 'embedded' | 'postgres';
  workDir: string;
  postgres: { url: string; stop: () => Promise<void> } | null;
  databaseUrl: string | undefined;
  dataDir: string;
  target: string[];
  prepared: Prepared;
  prepareMs: number;
};

/** Builds one database's data set (in its own processes: several can be built at once). */
async function prepareDatabase(database: 'embedded' | 'postgres'): Promise<Preparation> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'totonoe-bench-'));
  const postgres = database === 'postgres' && !reuse ? await startPostgresCluster() : null;
  const databaseUrl = reuse?.databaseUrl ?? postgres?.url;
  const dataDir = reuse?.dataDir ?? path.join(workDir, 'data');
  const target = database === 'postgres' ? ['--database-url', databaseUrl!] : ['--data-dir', dataDir];
  try {
    const started = Date.now();
    let prepared: Prepared;
    if (reuse) prepared = reuse.prepared;
    else {
      log(`${database}: building the ${scale} data set`);
      prepared = await runNodeJson<Prepared>(
        path.join(root, 'bench/lib/prepare.ts'),
        ['--scale', scale, '--seed', String(seed), '--writers', String(writers), ...target],
        { useTsx: true },
      );
      log(`${database}: data set ready (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    return {
      database,
      workDir,
      postgres,
      databaseUrl,
      dataDir,
      target,
      prepared,
      prepareMs: Date.now() - started,
    };
  } catch (error) {
    await postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function benchDatabase(preparation: Preparation): Promise<DatabaseRun> {
  const { database, workDir, postgres, databaseUrl, dataDir, target, prepared, prepareMs } = preparation;
  const errors: string[] = [];
  try {
    const env: Record<string, string> = {
      TOTONOE_DATA_DIR: dataDir,
      TOTONOE_DEMO: 'false',
      // Sessions are prepared before the run; some are first used long after.
      TOTONOE_SESSION_IDLE_MINUTES: '720',
    };
    if (database === 'postgres') env.DATABASE_URL = databaseUrl!;
    log(`${database}: starting the app on the existing database`);
    const startupStarted = Date.now();
    const app = await startApp({ port: await freePort(), env });
    const startupSeconds = Math.round((Date.now() - startupStarted) / 1000);
    const run: DatabaseRun = {
      database,
      prepareMs,
      counts: prepared.counts,
      startupMs: app.startupMs,
      startupPeakRssMb: peakRssMb(app.pid),
      reads: [],
      writes: [],
      reports: [],
      errors,
      phaseSeconds: { 'data set': Math.round(prepareMs / 1000), 'start-up': startupSeconds },
    };
    const api = new Api(app.url, prepared);
    const attempt = async (name: string, step: () => Promise<void>) => {
      if (!groups.has(name)) return;
      log(`${database}: ${name}`);
      const stepStarted = Date.now();
      try {
        await step();
      } catch (error) {
        errors.push(`${name}: ${String((error as Error)?.message ?? error)}`);
        log(`${database}: ${name} failed: ${String((error as Error)?.stack ?? error)}`);
      }
      run.phaseSeconds![name] = Math.round((Date.now() - stepStarted) / 1000);
      log(`${database}: ${name} took ${run.phaseSeconds![name]} s (${elapsed()} since the start)`);
    };
    // Nothing before the write scenarios adds supports: the prepared count is the count before.
    const supportsBefore = prepared.counts.platinum_supports ?? 0;
    try {
      await attempt('reads', async () => {
        run.reads = await runReads(app, api, workDir);
      });
      await attempt('writes', async () => {
        const supports = await runWrite(
          app,
          'supports',
          `Support (賛同), ${writers} people, ${supportRate}/s offered`,
          { ...supportJob(app.url, prepared, supportRequests, supportRate), maxSeconds: writeSeconds },
          workDir,
        );
        supports.addedByAnswers = supports.result.statusCounts['201'] ?? 0;
        run.writes.push(supports);
        run.writes.push(
          await runWrite(
            app,
            'submissions',
            `Idea submission, ${writers} people at once`,
            { ...submissionJob(app.url, prepared, submissionRequests), maxSeconds: writeSeconds },
            workDir,
          ),
        );
      });
      await attempt('reports', async () => {
        const fiscalYears = years.full === years.demo ? [years.demo] : [years.demo, years.full];
        for (const fiscalYear of fiscalYears) {
          for (const report of await runReports(api, [fiscalYear], repeats)) {
            run.reports.push({ ...report, peakRssMb: peakRssMb(app.pid) });
            log(`  ${report.kind} FY${fiscalYear}: ${report.medianMs} ms (${report.status})`);
          }
        }
      });
      await attempt('browser', async () => {
        if (!isBuilt()) {
          run.browser = { error: 'the web app is not built (npm run build)' };
          return;
        }
        // A first load is measured on an app with nothing else to do: work left from the scenarios
        // before (queued on the embedded database's one connection) would be measured with it.
        const idle = await waitUntilIdle(app.url);
        log(
          `  the app answered /healthz promptly after ${idle.waitedMs} ms${idle.slow.length ? ` (${idle.slow.length} slow answers: ${idle.slow.slice(0, 5).join(', ')})` : ''}`,
        );
        run.idleWaitMs = idle.waitedMs;
        run.browser = await runBrowser(app.url, prepared.sessions.mayor, '/progress', repeats);
        log(
          `  first render ${run.browser.firstMeaningfulRenderMs} ms, JS gzip ${run.browser.javascript.gzipBytes} B`,
        );
      });
      if (database === 'postgres')
        await attempt('cluster', async () => {
          run.cluster = await runCluster(app, prepared, env, run.reads, workDir);
        });
    } finally {
      await app.stop();
    }
    const supports = run.writes.find((row) => row.id === 'supports');
    if (supports) {
      const verifyStarted = Date.now();
      const verification = await verifySupports(target);
      run.phaseSeconds!['supports checked'] = Math.round((Date.now() - verifyStarted) / 1000);
      if (verification) {
        supports.addedInDatabase = verification.supports - supportsBefore;
        supports.ideasWithWrongCount = verification.ideasWithWrongCount;
        supports.doubledSupports = verification.doubledSupports;
      } else errors.push('the supports could not be verified');
    }
    return run;
  } finally {
    await postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Waits (up to 3 minutes) until /healthz, which asks the database `select 1`, answers three times in
 * a row within 100 ms: then no earlier work holds the database. Returns how long that took and what
 * the slow answers were (status and time), for the log.
 */
async function waitUntilIdle(url: string): Promise<{ waitedMs: number; slow: string[] }> {
  const started = Date.now();
  const slow: string[] = [];
  let prompt = 0;
  while (prompt < 3 && Date.now() - started < 180_000) {
    const asked = performance.now();
    let status = 0;
    try {
      status = (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) })).status;
    } catch {
      status = 0;
    }
    const ms = Math.round(performance.now() - asked);
    if (status === 200 && ms <= 100) prompt += 1;
    else {
      prompt = 0;
      slow.push(`${status || 'no answer'} in ${ms} ms at +${Math.round((Date.now() - started) / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { waitedMs: Date.now() - started, slow };
}

/** Checks the supports in the database (after the app stopped: the embedded folder is its alone while it runs). */
async function verifySupports(target: string[]): Promise<Verification | null> {
  try {
    return await runNodeJson<Verification>(path.join(root, 'bench/lib/verify.ts'), target, { useTsx: true });
  } catch {
    return null;
  }
}

const startedAt = runStarted;
const loadAverageAtStart = loadAverage();
// The app, and the data sets, are built side by side (each in its own processes), then measured one
// database at a time, so no measurement shares the machine with a build. (The data sets' times, a
// figure of the record but not a target, include sharing the machine with the app's build.)
const [preparing] = await Promise.all([
  Promise.allSettled(databases.map((database) => prepareDatabase(database))),
  build(),
]);
if (!isBuilt()) log('not built: the app runs from its sources and the browser scenario is skipped');
if (groups.has('browser') && !isBuilt()) groups.delete('browser');
if (!existsSync(CHROMIUM)) groups.delete('browser');
const failedPreparation = preparing.find((outcome) => outcome.status === 'rejected');
if (failedPreparation) {
  for (const outcome of preparing)
    if (outcome.status === 'fulfilled') {
      await outcome.value.postgres?.stop();
      rmSync(outcome.value.workDir, { recursive: true, force: true });
    }
  throw (failedPreparation as PromiseRejectedResult).reason;
}
const dataSetsSeconds = Math.round((Date.now() - startedAt) / 1000);
const runs: DatabaseRun[] = [];
for (const outcome of preparing)
  runs.push(await benchDatabase((outcome as PromiseFulfilledResult<Preparation>).value));
const record: RunRecord = {
  date: new Date().toISOString(),
  commit: commitDescription(),
  machine: machineDescription(),
  scale,
  seed,
  smoke: isSmoke,
  duration,
  connections,
  loadAverageAtStart,
  loadAverageAtEnd: loadAverage(),
  totalSeconds: Math.round((Date.now() - startedAt) / 1000),
  dataSetsSeconds,
  runs,
};
for (const run of runs)
  log(
    `${run.database}: ${Object.entries(run.phaseSeconds ?? {})
      .map(([phase, seconds]) => `${phase} ${seconds} s`)
      .join(', ')}`,
  );
log(`the run took ${elapsed()} (data sets built side by side in ${dataSetsSeconds} s)`);
const rendered = renderRun(record);
process.stdout.write(`\n${rendered}\n`);
// A partial run (--only, --scenarios, --reuse) prints its tables but does not replace the record of a full one.
if (!isSmoke && !args.includes('--only') && !onlyScenarios)
  log(`recorded in ${path.relative(root, recordRun(record, rendered))} and bench/RESULTS.md`);

// The smoke test checks that the suite works, not how fast: every scenario ran and answered well.
const failures: string[] = runs.flatMap((run) => run.errors.map((error) => `${run.database}: ${error}`));
for (const run of runs) {
  for (const row of run.reads) {
    if (row.result && (row.result.errors > 0 || row.result.non2xx > 0))
      failures.push(`${run.database} ${row.id}: ${row.result.errors} errors, ${row.result.non2xx} non-2xx`);
    if (row.result && row.result.total === 0) failures.push(`${run.database} ${row.id}: no request finished`);
  }
  for (const row of run.writes) {
    const bad = Object.entries(row.result.statusCounts).filter(
      ([status]) => !['200', '201'].includes(status),
    );
    if (bad.length || row.result.errors > 0)
      failures.push(
        `${run.database} ${row.id}: answers ${JSON.stringify(row.result.statusCounts)}, ${row.result.errors} errors`,
      );
    if (row.id === 'supports' && (row.ideasWithWrongCount !== 0 || row.doubledSupports !== 0))
      failures.push(
        `${run.database} supports: counts wrong on ${row.ideasWithWrongCount} ideas, ${row.doubledSupports} doubled`,
      );
    if (row.id === 'supports' && (row.addedInDatabase ?? -1) < (row.addedByAnswers ?? 0))
      failures.push(
        `${run.database} supports: ${row.addedByAnswers} added by the answers, ${row.addedInDatabase} in the database`,
      );
  }
  for (const report of run.reports)
    if (report.status !== 200) failures.push(`${run.database} ${report.kind}: HTTP ${report.status}`);
  if (run.cluster && 'consistency' in run.cluster) {
    const { consistency } = run.cluster;
    if (
      consistency.registerStaleReads ||
      !consistency.sessionSharedOk ||
      !consistency.sessionEndedOk ||
      !consistency.jobSeenOk
    )
      failures.push(`${run.database} two processes: ${JSON.stringify(consistency)}`);
  }
}
if (failures.length) {
  process.stderr.write(
    `\nThe benchmark found problems:\n${failures.map((failure) => `- ${failure}`).join('\n')}\n`,
  );
  process.exit(1);
}
