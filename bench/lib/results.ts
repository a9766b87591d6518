// The record of a run: its JSON, the tables printed and written into RESULTS.md with each target
// beside its figure, and the comparison of scales (does any endpoint slow down as tables grow?).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserResult } from '../scenarios/browser.ts';
import { BROWSER_TARGETS } from '../scenarios/browser.ts';
import type { ConsistencyResult } from '../scenarios/cluster.ts';
import type { ReadTarget } from '../scenarios/reads.ts';
import type { ReportResult } from '../scenarios/reports.ts';
import { root } from './processes.ts';

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  total: number;
  bytesPerSecond: number;
  elapsedSeconds: number;
  /** A job of a fixed amount that reached its time limit first. */
  stoppedEarly?: boolean;
};

export type ReadRow = {
  id: string;
  name: string;
  path?: string;
  as: string;
  bytes?: number;
  result?: LoadResult;
  baseline?: LoadResult;
  /** The baseline measured for the other database in the same run (same scenario, body within 10 %). */
  baselineReused?: boolean;
  ratio?: number;
  peakRssMb?: number;
  target: ReadTarget;
  /** The parts of the programme whose figures the row gives. */
  areas?: string[];
  unavailable?: string;
  loadAverage?: string;
};

export type WriteRow = {
  id: 'supports' | 'submissions';
  name: string;
  result: LoadResult;
  peakRssMb: number;
  /** Supports only: what the answers said was added, and what the database holds afterwards. */
  addedByAnswers?: number;
  addedInDatabase?: number;
  ideasWithWrongCount?: number;
  doubledSupports?: number;
  loadAverage: string;
};

export type ClusterResult = {
  consistency: ConsistencyResult;
  throughput: { id: string; oneProcess: LoadResult; twoProcesses: LoadResult; scaling: number }[];
};

export type DatabaseRun = {
  database: 'embedded' | 'postgres';
  prepareMs: number;
  counts: Record<string, number>;
  startupMs: number;
  startupPeakRssMb: number;
  reads: ReadRow[];
  writes: WriteRow[];
  reports: (ReportResult & { peakRssMb: number })[];
  browser?: BrowserResult | { error: string };
  cluster?: ClusterResult | { error: string };
  errors: string[];
  /** Before the browser's first load: how long until the app answered promptly again. */
  idleWaitMs?: number;
  /** Where the run's time went: the data set, then each group of scenarios. */
  phaseSeconds?: Record<string, number>;
};

export type RunRecord = {
  date: string;
  commit: string;
  machine: string;
  scale: string;
  seed: number;
  smoke: boolean;
  duration: number;
  connections: number;
  loadAverageAtStart: string;
  loadAverageAtEnd: string;
  totalSeconds: number;
  /** From the start to every data set built (they are built side by side). */
  dataSetsSeconds?: number;
  runs: DatabaseRun[];
};

export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function commitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${commit} (with uncommitted changes in the tree)` : commit;
  } catch {
    return 'unknown';
  }
}

const mark = (isMet: boolean | undefined) => (isMet === undefined ? '' : isMet ? '✓' : '✗');
const round = (value: number | undefined, digits = 0) =>
  value === undefined ? '–' : value.toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;

function readTable(runs: DatabaseRun[]): string {
  const lines = [
    '| scenario | area | db | req/s | p50 ms | p95 ms | p99 ms | target p95 | bare req/s | ratio (target) | body | peak RSS MB | errors / non-2xx |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    for (const row of run.reads) {
      const areas = (row.areas ?? []).join(', ');
      if (!row.result) {
        lines.push(
          `| ${row.name} | ${areas} | ${run.database} | not measured: ${row.unavailable ?? 'unknown'} ||||||||||`,
        );
        continue;
      }
      if (row.result.total === 0) {
        lines.push(
          `| ${row.name} | ${areas} | ${run.database} | 0 | no answer within the run (${row.result.errors} errors) ||| ≤ ${row.target.p95Ms} ✗ | ${round(row.baseline?.requestsPerSecond)} | – | ${kb(row.bytes ?? 0)} | ${row.peakRssMb ?? '–'} | ${row.result.errors} / ${row.result.non2xx} |`,
        );
        continue;
      }
      const ratioText = row.ratio === undefined ? '–' : `${round(row.ratio * 100)}%`;
      const ratioTarget = row.target.minRatio
        ? ` (≥ ${row.target.minRatio * 100}% ${mark((row.ratio ?? 0) >= row.target.minRatio)})`
        : '';
      lines.push(
        `| ${row.name} | ${areas} | ${run.database} | ${round(row.result.requestsPerSecond)} | ${row.result.p50} | ${row.result.p95} | ${row.result.p99} | ≤ ${row.target.p95Ms} ${mark(row.result.p95 <= row.target.p95Ms)} | ${round(row.baseline?.requestsPerSecond)}${row.baselineReused ? ' ↺' : ''} | ${ratioText}${ratioTarget} | ${kb(row.bytes ?? 0)} | ${row.peakRssMb ?? '–'} | ${row.result.errors} / ${row.result.non2xx} |`,
      );
    }
  }
  return lines.join('\n');
}

function embeddedComparison(runs: DatabaseRun[]): string {
  const embedded = runs.find((run) => run.database === 'embedded');
  const postgres = runs.find((run) => run.database === 'postgres');
  if (!embedded || !postgres) return '';
  const lines = [
    'Embedded against PostgreSQL (target: every read figure within 3×):',
    '',
    '| scenario | p95 embedded ÷ PostgreSQL | req/s PostgreSQL ÷ embedded | within 3× |',
    '|---|---|---|---|',
  ];
  for (const row of embedded.reads) {
    const other = postgres.reads.find((candidate) => candidate.id === row.id);
    if (!row.result || !other?.result) continue;
    if (row.result.total === 0 || other.result.total === 0) {
      lines.push(
        `| ${row.name} | – | – | ✗ (no answer within the run on ${row.result.total === 0 ? 'the embedded database' : 'PostgreSQL'}) |`,
      );
      continue;
    }
    const latency = row.result.p95 / Math.max(other.result.p95, 1);
    const throughput = other.result.requestsPerSecond / Math.max(row.result.requestsPerSecond, 1);
    lines.push(
      `| ${row.name} | ${latency.toFixed(2)}× | ${throughput.toFixed(2)}× | ${mark(latency <= 3 && throughput <= 3)} |`,
    );
  }
  return lines.join('\n');
}

function writeTable(runs: DatabaseRun[]): string {
  const lines = [
    '| scenario | db | writes/s | p50 ms | p95 ms | p99 ms | answers | added (answers / database) | wrong counts / doubled | peak RSS MB | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    for (const row of run.writes) {
      const answers = `${Object.entries(row.result.statusCounts)
        .map(([status, count]) => `${status}: ${count}`)
        .join(
          ', ',
        )}${row.result.stoppedEarly ? ` (time limit: ${Math.round(row.result.elapsedSeconds)} s)` : ''}`;
      const isSupports = row.id === 'supports';
      const rateMark = isSupports ? ` (≥ 1,000 ${mark(row.result.requestsPerSecond >= 1000)})` : '';
      const p95Mark = isSupports ? ` (≤ 50 ${mark(row.result.p95 <= 50)})` : '';
      const integrity = isSupports
        ? `${row.ideasWithWrongCount ?? '?'} / ${row.doubledSupports ?? '?'} ${mark(row.ideasWithWrongCount === 0 && row.doubledSupports === 0 && (row.addedInDatabase ?? -1) >= (row.addedByAnswers ?? 0))}`
        : '–';
      lines.push(
        `| ${row.name} | ${run.database} | ${round(row.result.requestsPerSecond)}${rateMark} | ${row.result.p50} | ${row.result.p95}${p95Mark} | ${row.result.p99} | ${answers} | ${isSupports ? `${row.addedByAnswers} / ${row.addedInDatabase ?? '?'}` : '–'} | ${integrity} | ${row.peakRssMb} | ${row.loadAverage} |`,
      );
    }
  }
  return lines.join('\n');
}

function reportTable(runs: DatabaseRun[]): string {
  const lines = [
    '| report | fiscal year | db | median ms | runs ms | target | size | peak RSS MB |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    for (const report of run.reports) {
      lines.push(
        `| ${report.kind} | ${report.fiscalYear} | ${run.database} | ${report.status === 200 ? round(report.medianMs) : `HTTP ${report.status}`} | ${report.timesMs.join(', ')} | ≤ ${round(report.targetMs)} ${mark(report.status === 200 && report.medianMs <= report.targetMs)} | ${kb(report.bytes)} | ${report.peakRssMb} |`,
      );
    }
  }
  return lines.join('\n');
}

function browserTable(runs: DatabaseRun[]): string {
  const lines = [
    '| db | page | JS files | JS transferred | JS gzip (target ≤ 200 KB) | CSS transferred | CSS gzip | served encoding | first paint ms | first render ms (target ≤ 1,000) | code and data in ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    const result = run.browser;
    if (!result) continue;
    if ('error' in result) {
      lines.push(`| ${run.database} | not measured: ${result.error} ||||||||||`);
      continue;
    }
    lines.push(
      `| ${run.database} | ${result.path} | ${result.javascript.files} | ${kb(result.javascript.transferredBytes)} | ${kb(result.javascript.gzipBytes)} ${mark(result.javascript.gzipBytes <= BROWSER_TARGETS.javascriptGzipBytes)} | ${kb(result.css.transferredBytes)} | ${kb(result.css.gzipBytes)} | ${result.contentEncoding} | ${result.firstContentfulPaintMs} | ${result.firstMeaningfulRenderMs} ${mark(result.firstMeaningfulRenderMs <= BROWSER_TARGETS.firstMeaningfulRenderMs)} | ${result.interactiveMs} |`,
    );
  }
  return lines.join('\n');
}

function clusterSection(runs: DatabaseRun[]): string {
  const lines: string[] = [];
  for (const run of runs) {
    if (!run.cluster) continue;
    if ('error' in run.cluster) {
      lines.push(`Two processes (${run.database}): not measured: ${run.cluster.error}`);
      continue;
    }
    const { consistency, throughput } = run.cluster;
    lines.push(
      `Two app processes on one ${run.database === 'postgres' ? 'PostgreSQL' : 'database'} behind a local TCP balancer:`,
      '',
      `- register renamed ${consistency.registerChanges} times through one process and read straight after through the other: ${consistency.registerStaleReads} stale ${mark(consistency.registerStaleReads === 0)}`,
      `- signed in through one, recognised by the other ${mark(consistency.sessionSharedOk)}; signed out through one, refused by the other ${mark(consistency.sessionEndedOk)}`,
      `- report job asked through one, followed and downloaded through the other ${mark(consistency.jobSeenOk)} (${consistency.jobMs} ms)`,
      '',
      '| scenario | one process req/s (p95 ms) | two processes req/s (p95 ms) | scaling |',
      '|---|---|---|---|',
      ...throughput.map(
        (row) =>
          `| ${row.id} | ${round(row.oneProcess.requestsPerSecond)} (${row.oneProcess.p95}) | ${round(row.twoProcesses.requestsPerSecond)} (${row.twoProcesses.p95}) | ${row.scaling.toFixed(2)}× |`,
      ),
    );
  }
  return lines.join('\n');
}

/** Start-up on the existing database and the server's memory, per database (the issue's figures 6 and 7). */
function startupTable(runs: DatabaseRun[]): string {
  const max = (values: (number | undefined)[]) => {
    const known = values.filter((value): value is number => typeof value === 'number' && value > 0);
    return known.length ? String(Math.max(...known)) : '–';
  };
  const lines = [
    '| db | data set built s | start-up to /healthz 200 ms | peak RSS MB: start-up | reads | writes | reports | wait for an idle app before the browser ms |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs)
    lines.push(
      `| ${run.database} | ${round(run.prepareMs / 1000, 1)} | ${round(run.startupMs)} | ${run.startupPeakRssMb} | ${max(run.reads.map((row) => row.peakRssMb))} | ${max(run.writes.map((row) => row.peakRssMb))} | ${max(run.reports.map((row) => row.peakRssMb))} | ${run.idleWaitMs === undefined ? '–' : round(run.idleWaitMs)} |`,
    );
  return lines.join('\n');
}

/** The printed and recorded tables of one run. */
export function renderRun(record: RunRecord): string {
  const startups = record.runs
    .map(
      (run) =>
        `- ${run.database}: data set ready in ${round(run.prepareMs / 1000, 1)} s (${Object.entries(
          run.counts,
        )
          .map(([table, count]) => `${table} ${round(count)}`)
          .join(
            ', ',
          )}); start-up to /healthz 200 on it: ${round(run.startupMs)} ms (peak RSS ${run.startupPeakRssMb} MB)${
          run.phaseSeconds
            ? `; time spent: ${Object.entries(run.phaseSeconds)
                .map(([phase, seconds]) => `${phase} ${seconds} s`)
                .join(', ')}`
            : ''
        }`,
    )
    .join('\n');
  // One line each: a stack trace would break the list.
  const errors = record.runs.flatMap((run) =>
    run.errors.map((error) => `- ${run.database}: ${error.split('\n')[0]}`),
  );
  return [
    `Recorded ${record.date.slice(0, 16).replace('T', ' ')} UTC at commit ${record.commit}; scale \`${record.scale}\`, seed ${record.seed}; ${record.totalSeconds} s in all${
      record.dataSetsSeconds === undefined
        ? ''
        : ` (${record.dataSetsSeconds} s until every data set was built, side by side; the rest measuring)`
    }.`,
    `Machine: ${record.machine}. Load average (1, 5, 15 min) ${record.loadAverageAtStart} at start, ${record.loadAverageAtEnd} at end (the machine is shared: figures move with it).`,
    `Reads: autocannon in its own process, ${record.connections} connections, ${record.duration} s per run, loopback; the bare node:http server answers the same bytes in the same run (ratio = app ÷ bare; ↺: the bare figure measured for the other database in this run, the body being within 10 % of the size). Writes: 200 connections, each signed in as its own person.`,
    '',
    startups,
    '',
    '### Start-up and memory',
    '',
    'Start-up: from starting the server process to /healthz answering 200, on the data set built before (no target in the issue; the embedded database vacuums in the background after listening). Peak RSS: the server process’s high-water mark, reset before each scenario.',
    '',
    startupTable(record.runs),
    '',
    '### Reads',
    '',
    readTable(record.runs),
    '',
    embeddedComparison(record.runs),
    '',
    '### Writes',
    '',
    writeTable(record.runs),
    '',
    '### Reports',
    '',
    reportTable(record.runs),
    '',
    '### Browser: first load of the dashboard',
    '',
    browserTable(record.runs),
    '',
    '### Beyond one process',
    '',
    clusterSection(record.runs),
    ...(errors.length ? ['', '### Errors during the run', '', ...errors] : []),
  ].join('\n');
}

/** p95 of each read scenario on PostgreSQL at each scale, from the latest recorded run of each. */
function growthTable(): string {
  const folder = path.join(root, 'bench/results');
  if (!existsSync(folder)) return '';
  const latest = new Map<string, RunRecord>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    try {
      const record = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as RunRecord;
      if (record.runs && !record.smoke) latest.set(record.scale, record);
    } catch {
      // an older format
    }
  }
  const scales = ['small', 'city', 'large'].filter((scale) => latest.has(scale));
  if (scales.length < 2) return '';
  const ids = new Map<string, string>();
  for (const record of latest.values())
    for (const run of record.runs) for (const row of run.reads) if (row.result) ids.set(row.id, row.name);
  const lines = [
    `| scenario (PostgreSQL, p95 ms) | ${scales.join(' | ')} | ${scales.at(-1)} ÷ ${scales[0]} |`,
    `|---|${scales.map(() => '---').join('|')}|---|`,
  ];
  for (const [id, name] of ids) {
    const p95s = scales.map((scale) => {
      const row = latest
        .get(scale)!
        .runs.find((run) => run.database === 'postgres')
        ?.reads.find((candidate) => candidate.id === id);
      if (!row?.result) return undefined;
      return row.result.total === 0 ? null : row.result.p95;
    });
    const cells = p95s.map((p95) => (p95 === undefined ? '–' : p95 === null ? 'no answer' : String(p95)));
    const first = p95s[0];
    const last = p95s.at(-1);
    const growth =
      typeof first === 'number' && typeof last === 'number'
        ? `${(last / Math.max(first, 0.1)).toFixed(1)}×`
        : '–';
    lines.push(`| ${name} | ${cells.join(' | ')} | ${growth} |`);
  }
  return lines.join('\n');
}

function replaceBetween(text: string, name: string, content: string, heading: string): string {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${content}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) return `${text.slice(0, from)}${block}${text.slice(to + end.length)}`;
  return `${text.trimEnd()}\n\n${heading}\n\n${block}\n`;
}

/** Saves the run's JSON and puts its tables (and the comparison of scales) into RESULTS.md, keeping the notes. */
export function recordRun(record: RunRecord, rendered: string): string {
  const folder = path.join(root, 'bench/results');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${record.date.replace(/[:.]/g, '-')}-${record.scale}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  const resultsFile = path.join(root, 'bench/RESULTS.md');
  let text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  text = replaceBetween(text, record.scale, rendered, `## Scale \`${record.scale}\``);
  const growth = growthTable();
  if (growth) text = replaceBetween(text, 'growth', growth, '## Does time grow with the tables?');
  writeFileSync(resultsFile, text);
  return file;
}
