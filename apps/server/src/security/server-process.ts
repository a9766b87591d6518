import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript module shared with the scripts
import { freePort } from '../../../../scripts/lib/postgres-cluster.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr (the last 20,000 characters). */
  stderr: () => string;
  isRunning: () => boolean;
  /** Kills the process with the signal and waits until it is gone. */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
};

/**
 * Starts the server from its sources (`src/main.ts` through tsx), as `npm run dev` does, on a free
 * loopback port, and waits until /healthz answers 200.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port: number = options.port ?? (await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // The test runner's own database settings are not the server's.
  delete childEnv.DATABASE_URL;
  delete childEnv.TOTONOE_TEST_DB;
  Object.assign(childEnv, { PORT: String(port), HOST: '127.0.0.1', TOTONOE_LOG_LEVEL: 'warn', ...env });
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the server exited during start-up (${child.exitCode ?? child.signalCode}):\n${stderr}`,
      );
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > (options.timeoutMs ?? 180_000)) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in time:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    child,
    stderr: () => stderr,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Signs in over HTTP and returns the cookie header. */
export async function signInOverHttp(url: string, login: string, password = 'totonoe-demo'): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}
