import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JavaScript module shared with the scripts
import { ensureChromium } from '../scripts/lib/ensure-chromium.mjs';
// @ts-expect-error plain JavaScript module shared with the scripts
import { freePort } from '../scripts/lib/postgres-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts the built app on a fresh embedded database with the demo data set, as `npm start` does. */
export default async function setup(project: TestProject) {
  ensureChromium();
  const entry = path.join(root, 'apps/server/dist/main.mjs');
  if (!existsSync(entry) || !existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the browser journeys.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'totonoe-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TOTONOE_DATA_DIR: dataDir,
      TOTONOE_DEMO: 'true',
      TOTONOE_LOG_LEVEL: 'warn',
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
    if (Date.now() - started > 120_000) throw new Error('the app did not start within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
