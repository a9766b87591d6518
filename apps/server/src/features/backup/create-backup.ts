import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import {
  listAppliedMigrations,
  listPrimaryKeyColumns,
  listTablesInDependencyOrder,
  quoteIdentifier,
} from './backup.queries.ts';

export const BACKUP_FORMAT = 'totonoe-backup';
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 500;

export type BackupHeader = {
  type: 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: 'embedded' | 'postgres';
  migrations: string[];
  tables: string[];
};

export type BackupTrailer = { type: 'end'; tables: Record<string, { rows: number; sha256: string }> };

export type BackupSummary = { createdAt: string; tables: Record<string, { rows: number; sha256: string }> };

function write(output: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const isReady = output.write(`${line}\n`, (error) => (error ? reject(error) : undefined));
    if (isReady) resolve();
    else output.once('drain', () => resolve());
  });
}

/**
 * Writes a logical backup of every table (files included: they live in the database) as JSON
 * lines: a header, then each table's rows in primary-key order, parents before children, then a
 * trailer with each table's row count and SHA-256. Everything is read in one REPEATABLE READ
 * transaction, so the backup is one consistent moment even while the app keeps writing.
 */
export async function createBackup(
  pool: pg.Pool,
  output: Writable,
  options: { database: 'embedded' | 'postgres' },
): Promise<BackupSummary> {
  const client = await pool.connect();
  const summary: BackupSummary = { createdAt: '', tables: {} };
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: now } = await client.query<{ at: Date }>('select now() as at');
    summary.createdAt = now[0]!.at.toISOString();
    const migrations = await listAppliedMigrations(client);
    if (migrations.length === 0)
      throw new Error(
        'このデータベースには Totonoe のデータがありません / This database holds no Totonoe data.',
      );
    const tables = await listTablesInDependencyOrder(client);
    const header: BackupHeader = {
      type: 'header',
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: summary.createdAt,
      database: options.database,
      migrations,
      tables,
    };
    await write(output, JSON.stringify(header));
    for (const table of tables) {
      const keys = await listPrimaryKeyColumns(client, table);
      const order = keys.length ? keys.map((key) => `t.${quoteIdentifier(key)}`).join(', ') : '1';
      await write(output, JSON.stringify({ type: 'table', name: table }));
      await client.query(
        `declare backup_rows no scroll cursor for
         select row_to_json(t)::text as row from ${quoteIdentifier(table)} t order by ${order}`,
      );
      const hash = createHash('sha256');
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ row: string }>(`fetch ${BATCH_ROWS} from backup_rows`);
        for (const { row } of rows) {
          hash.update(row).update('\n');
          await write(output, `{"row":${row}}`);
        }
        count += rows.length;
        if (rows.length < BATCH_ROWS) break;
      }
      await client.query('close backup_rows');
      summary.tables[table] = { rows: count, sha256: hash.digest('hex') };
    }
    const trailer: BackupTrailer = { type: 'end', tables: summary.tables };
    await write(output, JSON.stringify(trailer));
    await client.query('commit');
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
