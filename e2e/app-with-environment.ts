import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript module shared with the scripts
import { freePort } from '../scripts/lib/postgres-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export type RunningApp = { baseUrl: string; port: number; stop: () => Promise<void> };

/** A free loopback port, for an app whose URL must be known before it starts (e.g. an OIDC redirect URL). */
export function reservePort(): Promise<number> {
  return freePort();
}

/**
 * Starts another copy of the built app with extra environment (single sign-on, SMTP…), on its own
 * fresh embedded database with the demo data set, as the shared global setup does for the default one.
 */
export async function startAppWithEnvironment(
  environment: Record<string, string>,
  options: { port?: number } = {},
): Promise<RunningApp> {
  const entry = path.join(root, 'apps/server/dist/main.mjs');
  if (!existsSync(entry)) throw new Error('The app is not built: run `npm run build` first.');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'totonoe-e2e-env-'));
  const port = options.port ?? (await freePort());
  const server: ChildProcess = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TOTONOE_DATA_DIR: dataDir,
      TOTONOE_DEMO: 'true',
      TOTONOE_LOG_LEVEL: 'warn',
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited during start-up (${server.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      server.kill('SIGTERM');
      throw new Error('the app did not start within 120 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    port,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
