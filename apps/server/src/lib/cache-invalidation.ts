import type pg from 'pg';
import { logger } from './logger.ts';

/**
 * Remembers the cache versions last read, so a cached response can be served without asking the
 * database, for as long as nothing can have changed them:
 * - embedded: only this process can write (the data folder is locked), so every write this
 *   process commits clears the memo;
 * - PostgreSQL: a dedicated connection LISTENs to the notifications the cache triggers send;
 *   while it is not connected, nothing is remembered and every request asks the database.
 */
export class CacheStampMemo {
  private readonly stamps = new Map<string, string>();
  private isTrusted: boolean;
  private client: pg.Client | null = null;
  private isClosed = false;

  constructor(private readonly mode: 'embedded' | 'postgres') {
    this.isTrusted = mode === 'embedded';
  }

  /** The remembered stamp of a topic set, when it can be trusted. */
  get(key: string): string | undefined {
    return this.isTrusted ? this.stamps.get(key) : undefined;
  }

  /** Remembers the stamp just read from the database. */
  set(key: string, stamp: string): void {
    if (this.isTrusted) this.stamps.set(key, stamp);
  }

  /** Forgets every remembered stamp (after a local write, or a notification). */
  clear(): void {
    this.stamps.clear();
  }

  /** Starts listening for cache notifications on PostgreSQL; reconnects when the connection drops. */
  async listen(createClient: () => pg.Client): Promise<void> {
    if (this.mode !== 'postgres' || this.isClosed) return;
    const client = createClient();
    this.client = client;
    const fail = () => {
      this.isTrusted = false;
      this.clear();
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (!this.isClosed)
        setTimeout(() => void this.listen(createClient).catch(() => undefined), 2_000).unref();
    };
    client.on('error', fail);
    client.on('end', () => {
      if (!this.isClosed && this.client === client) fail();
    });
    client.on('notification', () => this.clear());
    try {
      await client.connect();
      await client.query('LISTEN totonoe_cache');
      this.clear();
      this.isTrusted = true;
    } catch (error) {
      logger.warn('cache notifications unavailable; every cached response checks the database', {
        error: String(error),
      });
      fail();
    }
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.isClosed = true;
    this.isTrusted = false;
    await this.client?.end().catch(() => undefined);
  }
}
