// `node --import tsx bench/lib/verify.ts (--database-url URL | --data-dir DIR)`
// After the app has stopped: are the supports whole? Every idea's cached count must equal its
// support rows, and no person may support an idea twice. Prints one JSON line.
import { openDatabase } from '../../apps/server/src/db/client.ts';

export type Verification = {
  supports: number;
  ideas: number;
  ideasWithWrongCount: number;
  doubledSupports: number;
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const database = await openDatabase({
  databaseUrl: option('database-url'),
  dataDir: option('data-dir'),
  poolSize: 1,
});
try {
  const totals = await database.pool.query(
    'SELECT (SELECT count(*) FROM platinum_supports)::int AS supports, (SELECT count(*) FROM platinum_ideas)::int AS ideas',
  );
  const wrong = await database.pool.query(
    `SELECT count(*)::int AS n FROM platinum_ideas i
       LEFT JOIN (SELECT idea_id, count(*)::int AS n FROM platinum_supports GROUP BY idea_id) s ON s.idea_id = i.id
      WHERE i.support_count <> coalesce(s.n, 0)`,
  );
  const doubled = await database.pool.query(
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM platinum_supports GROUP BY idea_id, user_id HAVING count(*) > 1) d',
  );
  const verification: Verification = {
    supports: totals.rows[0].supports,
    ideas: totals.rows[0].ideas,
    ideasWithWrongCount: wrong.rows[0].n,
    doubledSupports: doubled.rows[0].n,
  };
  process.stdout.write(`${JSON.stringify(verification)}\n`);
} finally {
  await database.close();
}
