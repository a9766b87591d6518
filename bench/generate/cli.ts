// `node --import tsx bench/generate/cli.ts --scale city --seed 1 (--database-url URL | --data-dir DIR)`
// Builds the benchmark data set in a PostgreSQL database or an embedded data folder and prints the
// row counts as JSON on the last line.
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { generateDataSet, SCALES, type ScaleName } from './generate.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const scale = (option('scale') ?? 'small') as ScaleName;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}: small, city or large`);
const seed = Number(option('seed') ?? '1');
const databaseUrl = option('database-url');
const dataDir = option('data-dir');
if (!databaseUrl && !dataDir) throw new Error('give --database-url or --data-dir');
if (scale === 'large' && !databaseUrl) throw new Error('the large scale runs on PostgreSQL only');

const started = Date.now();
const database = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
try {
  const counts = await generateDataSet({
    pool: database.pool,
    db: database.db,
    scale,
    seed,
    progress: (message) => process.stderr.write(`  [generate ${scale}] ${message}\n`),
  });
  process.stderr.write(`  [generate ${scale}] done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${JSON.stringify({ scale, seed, counts, ms: Date.now() - started })}\n`);
} finally {
  await database.close();
}
