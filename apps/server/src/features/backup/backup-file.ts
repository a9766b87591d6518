import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DatabaseHandle } from '../../db/client.ts';
import { type BackupSummary, createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

/**
 * Writes a gzip-compressed backup to a file: first under a temporary name, renamed when complete,
 * so an interrupted backup never leaves a file that looks whole.
 */
export async function backupToFile(database: DatabaseHandle, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const lines = new PassThrough();
  const written = pipeline(lines, createGzip(), createWriteStream(partial));
  try {
    const summary = await createBackup(database.pool, lines, { database: database.kind });
    lines.end();
    await written;
    renameSync(partial, file);
    return summary;
  } catch (error) {
    lines.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Restores a gzip-compressed backup file into a migrated database (see restoreBackup). */
export async function restoreFromFile(
  database: DatabaseHandle,
  file: string,
  options: { replace?: boolean } = {},
): Promise<BackupSummary> {
  const input = createReadStream(file).pipe(createGunzip());
  const summary = await restoreBackup(database.pool, input, options);
  if (database.kind === 'embedded') await database.pool.query('VACUUM ANALYZE');
  return summary;
}
