import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type EmbeddedServer, lockDataDirectory, startEmbeddedServer } from './embedded.ts';
import * as schema from './schema/index.ts';

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or an open transaction: what queries accept. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  kind: 'embedded' | 'postgres';
  db: Database;
  pool: pg.Pool;
  embedded: EmbeddedServer | null;
  /** The embedded database's folder (null in memory, or on PostgreSQL). */
  dataDir?: string | null;
  close: () => Promise<void>;
};

// bigint columns (count(*), sums) arrive as strings; numeric stays a string on purpose.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => BigInt(value));

/**
 * A connection that ends under a client (the server restarts, stops or is killed) makes the client
 * emit 'error'. pg-pool listens only while a client is idle; a client checked out for a
 * transaction would throw the event at the process and stop it. Every client gets a listener of
 * its own for its whole life: the query in flight fails with the error (the request answers 503)
 * and the pool drops the broken client when it is released.
 */
function guardClients(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
}

/** How long a query waits for a free pooled connection on PostgreSQL before it gives up (503). */
export const POSTGRES_POOL_WAIT_MS = 5_000;

/**
 * Opens PostgreSQL by URL, or the embedded PGlite under dataDir (null: in memory).
 *
 * `poolWaitMs` is how long a query waits for a connection when every one is busy; then it fails
 * with pg-pool's timeout, which the API answers as 503 `database_busy` with Retry-After (never 500).
 * PostgreSQL waits POSTGRES_POOL_WAIT_MS by default; the embedded database, one connection that
 * queues every caller, waits without limit unless told (the server sets a limit; bulk tools do not).
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string | null;
  loadDataDirFrom?: string;
  poolSize?: number;
  poolWaitMs?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.poolWaitMs ?? POSTGRES_POOL_WAIT_MS,
      idleTimeoutMillis: 30_000,
    });
    guardClients(pool);
    return {
      kind: 'postgres',
      db: drizzle(pool, { schema }),
      pool,
      embedded: null,
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir === undefined ? './data' : options.dataDir;
  const unlock = dataDir ? lockDataDirectory(dataDir) : () => undefined;
  try {
    const embedded = await startEmbeddedServer({
      dataDir: dataDir ? path.join(dataDir, 'pgdata') : null,
      loadDataDirFrom: options.loadDataDirFrom,
    });
    // PGlite is one session: a single pooled connection queues callers and keeps a transaction whole.
    const pool = new pg.Pool({
      host: embedded.host,
      port: embedded.port,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      // 0: wait for the connection as long as it takes.
      connectionTimeoutMillis: options.poolWaitMs ?? 0,
    });
    guardClients(pool);
    return {
      kind: 'embedded',
      db: drizzle(pool, { schema }),
      pool,
      embedded,
      dataDir,
      close: async () => {
        await pool.end();
        await embedded.stop();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
