import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export type EmbeddedServer = {
  host: string;
  port: number;
  dumpDataDir: () => Promise<Buffer>;
  stop: () => Promise<void>;
};

const workerUrl = new URL('./embedded-worker.mjs', import.meta.url);

/** Thrown when another process already holds the embedded data folder. */
export class DataDirectoryLockedError extends Error {}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive lock file in the data folder; refuses when a live process holds it. */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'totonoe.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirectoryLockedError(
          `データフォルダ ${path.resolve(dataDir)} は別のプロセス (PID ${holder}) が使用中です。/ ` +
            `The data folder ${path.resolve(dataDir)} is in use by another process (PID ${holder}). ` +
            'Stop it, or set TOTONOE_DATA_DIR to another folder.',
        );
      }
      // The holder is gone (e.g. after kill -9): the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirectoryLockedError(`Could not lock ${dataDir}`);
}

/**
 * Starts PGlite on a worker thread, served over the PostgreSQL protocol on loopback, so queries
 * never block the HTTP thread. `dataDir` null gives an in-memory database; `loadDataDirFrom`
 * starts it from a dumped image (used by tests).
 */
export function startEmbeddedServer(options: {
  dataDir: string | null;
  loadDataDirFrom?: string;
}): Promise<EmbeddedServer> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const worker = new Worker(workerUrl, {
    workerData: { dataDir: options.dataDir, loadDataDirFrom: options.loadDataDirFrom },
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; address?: string; message?: string }) => {
      if (message.type === 'error') {
        worker.off('message', onMessage);
        void worker.terminate();
        reject(
          new Error(
            `埋め込みデータベースを開けません / Cannot open the embedded database: ${message.message}`,
          ),
        );
        return;
      }
      if (message.type !== 'ready' || !message.address) return;
      worker.off('message', onMessage);
      const [host, port] = message.address.split(':');
      resolve({
        host: host ?? '127.0.0.1',
        port: Number(port),
        dumpDataDir: () => request<Buffer>(worker, 'dump', 'dumped'),
        stop: async () => {
          await request(worker, 'close', 'closed').catch(() => undefined);
          await worker.terminate();
        },
      });
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

function request<T>(worker: Worker, type: string, answer: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; data?: T; message?: string }) => {
      if (message.type === answer) {
        worker.off('message', onMessage);
        resolve(message.data as T);
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ type });
  });
}
