import { createHash } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable } from 'node:stream';
import type pg from 'pg';
import {
  listAppliedMigrations,
  listTablesInDependencyOrder,
  listWritableColumns,
  quoteIdentifier,
  resetOwnedSequences,
} from './backup.queries.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupSummary,
  type BackupTrailer,
} from './create-backup.ts';

const BATCH_ROWS = 200;
const BATCH_CHARACTERS = 8 * 1024 * 1024;

/** Why a backup cannot be restored, in Japanese and English. */
export class RestoreError extends Error {
  constructor(
    readonly ja: string,
    en: string,
  ) {
    super(en);
  }
}

async function hasData(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    `select exists(select 1 from users) or exists(select 1 from org_units) as found`,
  );
  return rows[0]?.found ?? false;
}

/**
 * Restores a backup into a migrated database in one transaction: the database's migrations must be
 * exactly the backup's; a database that already holds data is refused unless `replace` is given,
 * in which case every table is emptied first. Triggers and foreign-key checks are off while rows
 * go in (the rows come from one consistent snapshot), which needs a superuser. A file that is cut
 * short or altered fails its row counts or checksums, and nothing is kept.
 */
export async function restoreBackup(
  pool: pg.Pool,
  input: Readable,
  options: { replace?: boolean } = {},
): Promise<BackupSummary> {
  const client = await pool.connect();
  let lines: Interface | undefined;
  const seen: BackupSummary['tables'] = {};
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  try {
    await client.query('begin');
    try {
      await client.query('set local session_replication_role = replica');
    } catch {
      throw new RestoreError(
        '復元にはデータベースのスーパーユーザー権限が必要です（トリガーと外部キー検査を一時的に止めるため）。',
        'Restoring needs a database superuser (it turns triggers and foreign-key checks off while rows go in).',
      );
    }
    let table: string | null = null;
    let columns: string[] = [];
    let batch: string[] = [];
    let batchCharacters = 0;
    let hash = createHash('sha256');
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const list = columns.map(quoteIdentifier).join(', ');
      await client.query(
        `insert into ${quoteIdentifier(table)} (${list})
         select ${list} from json_populate_recordset(null::${quoteIdentifier(table)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      batch = [];
      batchCharacters = 0;
    };
    const finishTable = async () => {
      await flush();
      if (table) seen[table] = { ...seen[table]!, sha256: hash.digest('hex') };
    };
    // Created just before it is read: a line interface drops lines that arrive while nobody iterates it.
    lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        const parsed = JSON.parse(line) as BackupHeader;
        if (parsed.type !== 'header' || parsed.format !== BACKUP_FORMAT || parsed.version !== BACKUP_VERSION)
          throw new RestoreError(
            'Totonoe のバックアップファイルではありません。',
            'This is not a Totonoe backup file.',
          );
        const applied = await listAppliedMigrations(client);
        if (applied.join(',') !== parsed.migrations.join(',')) {
          throw new RestoreError(
            `バックアップと復元先のデータベースの版が異なります（バックアップ: 移行 ${parsed.migrations.length} 件、復元先: ${applied.length} 件）。バックアップを取ったときと同じ版の Totonoe で復元してから更新してください。`,
            `The backup and the target database are at different versions (backup: ${parsed.migrations.length} migrations, target: ${applied.length}). Restore with the version of Totonoe that made the backup, then upgrade.`,
          );
        }
        if (await hasData(client)) {
          if (!options.replace)
            throw new RestoreError(
              '復元先のデータベースにはすでにデータがあります。置き換える場合は --replace を指定してください（今のデータはすべて消えます）。',
              'The target database already holds data. Pass --replace to replace it (everything in it is lost).',
            );
          const tables = await listTablesInDependencyOrder(client);
          await client.query(`truncate ${tables.map(quoteIdentifier).join(', ')} restart identity cascade`);
        }
        header = parsed;
        continue;
      }
      if (line.startsWith('{"row":')) {
        if (!table)
          throw new RestoreError('バックアップファイルが壊れています。', 'The backup file is damaged.');
        const row = line.slice(7, -1);
        hash.update(row).update('\n');
        batch.push(row);
        batchCharacters += row.length;
        seen[table]!.rows += 1;
        if (batch.length >= BATCH_ROWS || batchCharacters >= BATCH_CHARACTERS) await flush();
        continue;
      }
      const parsed = JSON.parse(line) as { type: string; name?: string; tables?: BackupTrailer['tables'] };
      if (parsed.type === 'table' && parsed.name) {
        await finishTable();
        if (!header.tables.includes(parsed.name))
          throw new RestoreError('バックアップファイルが壊れています。', 'The backup file is damaged.');
        table = parsed.name;
        columns = await listWritableColumns(client, table);
        if (columns.length === 0)
          throw new RestoreError(
            `復元先にテーブル ${table} がありません。`,
            `The target database has no table ${table}.`,
          );
        hash = createHash('sha256');
        seen[table] = { rows: 0, sha256: '' };
      } else if (parsed.type === 'end') {
        await finishTable();
        table = null;
        trailer = { type: 'end', tables: parsed.tables ?? {} };
      }
    }
    if (!header || !trailer)
      throw new RestoreError(
        'バックアップファイルが途中で切れています。何も復元していません。',
        'The backup file is cut short. Nothing was restored.',
      );
    for (const [name, expected] of Object.entries(trailer.tables)) {
      const actual = seen[name];
      if (!actual || actual.rows !== expected.rows || actual.sha256 !== expected.sha256)
        throw new RestoreError(
          `バックアップファイルのテーブル ${name} が壊れています。何も復元していません。`,
          `The backup file's table ${name} is damaged. Nothing was restored.`,
        );
    }
    await resetOwnedSequences(client);
    await client.query('commit');
    return { createdAt: header.createdAt, tables: seen };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    lines?.close();
    input.destroy();
    client.release();
  }
}
