// `npm test`: every check the project has, in order; stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, command, args, env = {}) {
  if (only.length && !only.includes(name)) return;
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(
    `◀ ${name} ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (result.status !== 0) {
    process.stdout.write(`\n${totals.passed} passed, ${totals.failed + 1} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function vitestStep(name, args, env = {}) {
  const report = path.join(tmp, `vitest-${name}.json`);
  rmSync(report, { force: true });
  step(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + (summary.numTodoTests ?? 0);
  }
}

step('lint', 'npx', ['biome', 'check', '.']);
step('typecheck', 'npm', ['run', 'typecheck']);
step('dependencies', 'node', ['scripts/audit-dependencies.mjs']);
vitestStep('domain', ['--project', 'domain']);
vitestStep('web', ['--project', '@totonoe/web']);
vitestStep('server-pglite', ['--project', 'server'], { TOTONOE_TEST_DB: 'pglite' });
vitestStep('server-postgres', ['--project', 'server'], { TOTONOE_TEST_DB: 'postgres' });
step('build', 'npm', ['run', 'build']);
// The benchmark suite on the small data set, a second or two per scenario: does it work (not how fast).
step('bench-smoke', 'npm', ['run', 'bench', '--', '--smoke']);
vitestStep('e2e', ['--config', 'e2e/vitest.config.ts']);

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
