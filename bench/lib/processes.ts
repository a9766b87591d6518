// Child processes of the benchmark: the app server, the bare baseline, helper scripts; and what the
// kernel says about their memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a Node script to its end and returns its standard output (stderr passes through). */
export function runNode(
  script: string,
  scriptArgs: string[],
  options: { env?: Record<string, string>; useTsx?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.useTsx ? ['--import', 'tsx'] : []), script, ...scriptArgs],
      { cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(script)} exited with ${code}`)),
    );
  });
}

/** The last line of a script's output, parsed as JSON. */
export async function runNodeJson<T>(
  script: string,
  scriptArgs: string[],
  options: { env?: Record<string, string>; useTsx?: boolean } = {},
): Promise<T> {
  const output = await runNode(script, scriptArgs, options);
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}

/** True when `npm run build` has produced the server bundle and the web app. */
export function isBuilt(): boolean {
  return (
    existsSync(path.join(root, 'apps/server/dist/main.mjs')) &&
    existsSync(path.join(root, 'apps/web/dist/index.html'))
  );
}

export type AppProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawning the process to /healthz answering 200. */
  startupMs: number;
  stop: () => Promise<void>;
};

/** Starts the app in its own process (the production bundle when built) and waits for /healthz. */
export async function startApp(options: {
  port: number;
  env: Record<string, string>;
  nodeArgs?: string[];
}): Promise<AppProcess> {
  // TOTONOE_BENCH_ENTRY runs another build of the server (an earlier commit's, for before/after).
  const entry = process.env.TOTONOE_BENCH_ENTRY
    ? [process.env.TOTONOE_BENCH_ENTRY]
    : isBuilt()
      ? ['apps/server/dist/main.mjs']
      : ['--import', 'tsx', 'apps/server/src/main.ts'];
  const started = Date.now();
  // TOTONOE_BENCH_NODE_ARGS adds flags to the server's node (e.g. --cpu-prof to see where a scenario's time goes).
  const nodeArgs = [
    ...(options.nodeArgs ?? []),
    ...(process.env.TOTONOE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      TOTONOE_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, child, startupMs: Date.now() - started, stop };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up (${child.exitCode})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server did not become healthy in time');
}

/** Starts the bare node:http server answering the given bytes; returns its URL and a stop function. */
export async function startBareServer(
  bodyFile: string,
  contentType: string,
  port: number,
): Promise<{ url: string; stop: () => void }> {
  const bare = spawn(
    process.execPath,
    [path.join(root, 'bench/lib/bare-server.mjs'), bodyFile, contentType, String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve) => bare.stdout.once('data', resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => bare.kill() };
}

/** Forgets a process's peak resident set size, so the next reading covers what follows (Linux). */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then covers the process's whole life
  }
}

/** A process's peak resident set size in MB since start or the last reset. */
export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The 1-, 5- and 15-minute load averages, for the record next to every figure. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
