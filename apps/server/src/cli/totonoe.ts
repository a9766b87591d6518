import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { passwordSchema } from '@totonoe/domain';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { loadConfig } from '../env.ts';
import { backupToFile, RestoreError, restoreFromFile } from '../features/backup/index.ts';
import { createUser } from '../features/users/save-user.ts';
import { loadReferenceData } from '../seed/load-reference-data.ts';

const USAGE = `使い方 / Usage:
  npm run totonoe -- create-admin --login <login> --name <表示名> [--password <password>]
      システム管理者と市政変革室の役割を持つ最初の利用者を作ります（パスワードを省略すると TOTONOE_ADMIN_PASSWORD か入力を求めます）。
  npm run totonoe -- backup <file>
      すべてのデータ（添付ファイルを含む）を一時点の整合した状態で <file> に書き出します（gzip 圧縮の JSON Lines）。
      埋め込みデータベースはサーバーを止めてから、PostgreSQL は稼働中でも取れます。/ Writes a consistent backup of everything, files included.
  npm run totonoe -- restore <file> [--replace]
      バックアップを同じ版の Totonoe のデータベースに復元します。データのあるデータベースには --replace が必要です（今のデータは消えます）。
      / Restores a backup into a database of the same version; --replace overwrites a database that holds data.
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.TOTONOE_ADMIN_PASSWORD) return process.env.TOTONOE_ADMIN_PASSWORD;
  const reader = createInterface({ input: stdin, output: stdout });
  try {
    return await reader.question('パスワード（12文字以上）/ Password (12+ characters): ');
  } finally {
    reader.close();
  }
}

async function createAdmin(args: string[]): Promise<void> {
  const login = option(args, 'login') ?? 'admin';
  const displayName = option(args, 'name') ?? 'システム管理者';
  const password = option(args, 'password') ?? (await readPassword());
  const checked = passwordSchema.safeParse(password);
  if (!checked.success)
    throw new Error(
      'パスワードは12文字以上128文字以下にしてください。/ The password must be 12 to 128 characters.',
    );
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database.pool);
    await loadReferenceData(database.db);
    await database.db.transaction((tx) =>
      createUser(tx, {
        login,
        password,
        fields: {
          displayName,
          roles: [
            { role: 'system_admin', orgUnitId: null },
            { role: 'reform_office', orgUnitId: null },
          ],
        },
        actor: { userId: null, requestId: 'cli:create-admin', ip: undefined },
      }),
    );
    stdout.write(`管理者 ${login} を作成しました / Created administrator ${login}.\n`);
  } finally {
    await database.close();
  }
}

async function backup(args: string[]): Promise<void> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file)
    throw new Error('バックアップの書き出し先を指定してください / Give the file to write the backup to.');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const summary = await backupToFile(database, file);
    const rows = Object.values(summary.tables).reduce((total, table) => total + table.rows, 0);
    stdout.write(
      `バックアップを書き出しました / Backup written: ${file}\n  時点 / as of ${summary.createdAt}, ${Object.keys(summary.tables).length} tables, ${rows} rows\n`,
    );
  } finally {
    await database.close();
  }
}

async function restore(args: string[]): Promise<void> {
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file)
    throw new Error('復元するバックアップファイルを指定してください / Give the backup file to restore.');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database.pool);
    const summary = await restoreFromFile(database, file, { replace: args.includes('--replace') });
    const rows = Object.values(summary.tables).reduce((total, table) => total + table.rows, 0);
    stdout.write(`復元しました / Restored: ${file} (as of ${summary.createdAt}, ${rows} rows)\n`);
  } catch (error) {
    if (error instanceof RestoreError) throw new Error(`${error.ja}\n${error.message}`);
    throw error;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'create-admin') return createAdmin(args);
  if (command === 'backup') return backup(args);
  if (command === 'restore') return restore(args);
  stdout.write(USAGE);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${String((error as Error)?.message ?? error)}\n`);
  process.exit(1);
});
