// Runs PGlite on its own thread and serves it over the PostgreSQL wire protocol on
// loopback, so the HTTP thread never waits for a query to finish.

import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The socket server streams each request through `execProtocolRawStream`, which throws when
 * PostgreSQL answers with an error (a unique violation, a raised exception): the server then
 * drops the connection and stops serving its queue. The error answer is an ordinary protocol
 * message the client must receive, so run the request without throwing and pass the bytes on.
 */
function keepConnectionOnQueryErrors(db) {
  db.execProtocolRawStream = async (message, { syncToFs = true, onRawData }) => {
    const { data } = await db.execProtocol(message, { syncToFs, throwOnError: false });
    if (data.length > 0) onRawData(data);
  };
}

async function main() {
  const { dataDir, loadDataDirFrom } = workerData;
  const options = { extensions: { pg_trgm } };
  if (loadDataDirFrom) {
    options.loadDataDir = new Blob([await readFile(loadDataDirFrom)]);
  }
  const db = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  keepConnectionOnQueryErrors(db);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
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
