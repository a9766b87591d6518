// Runs PGlite on its own thread and serves it over the PostgreSQL wire protocol on
// loopback, so the HTTP thread never waits for a query to finish.

import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

async function main() {
  const { dataDir, loadDataDirFrom } = workerData;
  const options = { extensions: { pg_trgm } };
  if (loadDataDirFrom) {
    options.loadDataDir = new Blob([await readFile(loadDataDirFrom)]);
  }
  const db = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  parentPort.on('message', async (message) => {
    if (message?.type === 'dump') {
      const file = await db.dumpDataDir('none');
      parentPort.postMessage({ type: 'dumped', data: Buffer.from(await file.arrayBuffer()) });
    }
    if (message?.type === 'close') {
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: 'closed' });
    }
  });
  parentPort.postMessage({ type: 'ready', address });
}

main().catch((error) => {
  parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
});
