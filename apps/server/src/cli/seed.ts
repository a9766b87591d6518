import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { loadConfig } from '../env.ts';
import { loadDemoData } from '../seed/load-demo-data.ts';
import { loadReferenceData } from '../seed/load-reference-data.ts';

/** `npm run seed [-- --demo]`: migrates, loads reference data and, with --demo, the FY2024 demo data set. */
async function main(): Promise<void> {
  const config = loadConfig();
  const withDemo = process.argv.includes('--demo');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database.pool);
    await loadReferenceData(database.db);
    if (withDemo) {
      const loaded = await loadDemoData(database.db);
      process.stdout.write(
        loaded
          ? 'デモデータを登録しました / Demo data loaded.\n'
          : 'デモデータは登録済みです / Demo data was already there.\n',
      );
    } else {
      process.stdout.write(
        'マイグレーションと基本データを適用しました / Migrations and reference data applied.\n',
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${String((error as Error)?.message ?? error)}\n`);
  process.exit(1);
});
