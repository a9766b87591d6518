// Starts a throwaway PostgreSQL cluster for the tests and benchmarks: a temporary folder, a free
// port on loopback, run as an unprivileged user (PostgreSQL refuses root), stopped by its PID.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function findBinaries() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(path.join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Installs PostgreSQL's server from Debian's packages when it is missing (the tests run as root). */
export function ensurePostgresInstalled() {
  if (findBinaries()) return findBinaries();
  process.stderr.write('PostgreSQL server not found: installing it with apt-get …\n');
  run('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  run('apt-get', ['install', '-y', '-qq', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const bin = findBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries are still missing after apt-get install postgresql');
  return bin;
}

function ensureUser(name) {
  const result = spawnSync('id', ['-u', name]);
  if (result.status === 0) return;
  run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and returns { url, port, dir, pid, stop }. `fsync` stays off unless asked
 * (throwaway data); crash tests pass { fsync: true }.
 */
export async function startPostgresCluster(options = {}) {
  const bin = ensurePostgresInstalled();
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? 'postgres' : null;
  if (user) ensureUser(user);
  const dir = mkdtempSync(path.join(tmpdir(), 'totonoe-pg-'));
  chmodSync(dir, 0o777);
  const asUser = (command, args) =>
    user ? run('runuser', ['-u', user, '--', command, ...args]) : run(command, args);
  if (user) execFileSync('chown', [`${user}:${user}`, dir]);
  const dataDir = path.join(dir, 'data');
  // C.UTF-8, never C: with LC_CTYPE=C pg_trgm drops every Japanese character.
  asUser(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '-N',
  ]);
  const port = options.port ?? (await freePort());
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c fsync=${options.fsync ? 'on' : 'off'}`,
    `-c synchronous_commit=${options.fsync ? 'on' : 'off'}`,
    '-c full_page_writes=off',
    `-c max_connections=${options.maxConnections ?? 200}`,
    '-c shared_buffers=256MB',
  ].join(' ');
  asUser(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '30',
    '-o',
    settings,
    'start',
  ]);
  const readPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // The postmaster's PID: a restart() starts a new one, which stop() then stops.
  let pid = readPid();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let isStopped = false;
  return {
    url,
    port,
    dir,
    get pid() {
      return pid;
    },
    bin,
    /** Stops the cluster by its PID (fast shutdown), then removes its folder. */
    async stop({ keepFiles = false } = {}) {
      if (isStopped) return;
      isStopped = true;
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
      for (let waited = 0; waited < 15_000; waited += 100) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
    },
    /** Starts a stopped cluster again on the same port (for outage tests). */
    restart() {
      asUser(path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '30',
        '-o',
        settings,
        'start',
      ]);
      pid = readPid();
      isStopped = false;
    },
  };
}
