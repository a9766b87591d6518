// `node --import tsx bench/lib/prepare.ts --scale S --seed N --writers W (--database-url URL | --data-dir DIR)`
// Builds the data set, then what the scenarios need and the data set does not hold: signed-in
// sessions (written as the app writes them, so no password hashing is timed), enough staff to write
// as, an open Platinum campaign to submit ideas to, and ideas none of the writers supports yet.
// Prints one JSON line.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fiscalYearOf, preciseDate } from '@totonoe/domain';
import type pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { VacuumRecord } from '../../apps/server/src/db/maintenance.ts';
import { generateDataSet, type ScaleName } from '../generate/generate.ts';

export type Prepared = {
  counts: Record<string, number>;
  generateMs: number;
  sessions: { reform: string; mayor: string; staff: string; writers: string[] };
  supportIdeaIds: string[];
  openCampaignId: string;
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

async function createSession(pool: pg.Pool, login: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const id = createHash('sha256').update(token).digest('base64url');
  const result = await pool.query(
    `INSERT INTO sessions (id, user_id, expires_at, ip, user_agent)
     SELECT $1, id, now() + interval '12 hours', '127.0.0.1', 'totonoe-bench' FROM users WHERE login = $2`,
    [id, login],
  );
  if (result.rowCount !== 1) throw new Error(`no user ${login} to sign in as`);
  return token;
}

/** Staff who will write: generated people when there are enough, otherwise accounts added for the run. */
async function writerLogins(pool: pg.Pool, count: number): Promise<string[]> {
  const generated = await pool.query<{ login: string }>(
    "SELECT login FROM users WHERE login LIKE 'u%' AND login ~ '^u[0-9]+$' ORDER BY login LIMIT $1",
    [count],
  );
  const logins = generated.rows.map((row) => row.login);
  const hash = await pool.query<{ password_hash: string }>(
    "SELECT password_hash FROM users WHERE login = 'staff1'",
  );
  for (let index = logins.length; index < count; index++) {
    const login = `bench-writer-${String(index + 1).padStart(3, '0')}`;
    const unit = await pool.query<{ id: string }>(
      'SELECT id FROM org_units ORDER BY code LIMIT 1 OFFSET $1',
      [index % 10],
    );
    await pool.query(
      `INSERT INTO users (login, display_name, org_unit_id, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [login, `負荷試験 ${index + 1}`, unit.rows[0]?.id ?? null, hash.rows[0]?.password_hash ?? null],
    );
    await pool.query(
      `INSERT INTO user_roles (user_id, role) SELECT id, 'staff' FROM users WHERE login = $1
       AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id)`,
      [login],
    );
    logins.push(login);
  }
  return logins;
}

/** A campaign of the current fiscal year whose submission phase runs from last month to next month. */
async function openCampaign(pool: pg.Pool): Promise<string> {
  const existing = await pool.query<{ id: string }>(
    "SELECT id FROM platinum_campaigns WHERE title = '負荷試験用キャンペーン'",
  );
  if (existing.rows[0]) return existing.rows[0].id;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const previous = month === 1 ? [year - 1, 12] : [year, month - 1];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const phases = {
    submission: {
      from: preciseDate('month', previous[0]!, previous[1]!),
      to: preciseDate('month', next[0]!, next[1]!),
    },
  };
  const result = await pool.query<{ id: string }>(
    `INSERT INTO platinum_campaigns (fiscal_year, title, themes, phases)
     VALUES ($1, '負荷試験用キャンペーン', '{workstyle,office,rules}', $2::jsonb) RETURNING id`,
    [fiscalYearOf(today), JSON.stringify(phases)],
  );
  return result.rows[0]!.id;
}

const scale = (option('scale') ?? 'small') as ScaleName;
const seed = Number(option('seed') ?? '1');
const writers = Number(option('writers') ?? '200');
const started = Date.now();
const database = await openDatabase({
  databaseUrl: option('database-url'),
  dataDir: option('data-dir'),
  poolSize: 3,
});
try {
  const counts = await generateDataSet({
    pool: database.pool,
    db: database.db,
    scale,
    seed,
    progress: (message) => process.stderr.write(`  [generate ${scale}] ${message}\n`),
  });
  const generateMs = Date.now() - started;
  const logins = await writerLogins(database.pool, writers);
  const ideas = await database.pool.query<{ id: string }>(
    `SELECT i.id FROM platinum_ideas i
      WHERE i.status = 'submitted'
        AND i.author_id NOT IN (SELECT id FROM users WHERE login = ANY($1::text[]))
        AND NOT EXISTS (SELECT 1 FROM platinum_supports s JOIN users u ON u.id = s.user_id
                         WHERE s.idea_id = i.id AND u.login = ANY($1::text[]))
      ORDER BY i.id LIMIT 2000`,
    [logins],
  );
  const prepared: Prepared = {
    counts,
    generateMs,
    sessions: {
      reform: await createSession(database.pool, 'reform'),
      mayor: await createSession(database.pool, 'mayor'),
      staff: await createSession(database.pool, 'staff1'),
      writers: await Promise.all(logins.map((login) => createSession(database.pool, login))),
    },
    supportIdeaIds: ideas.rows.map((row) => row.id),
    openCampaignId: await openCampaign(database.pool),
  };
  // Statistics for what was just added (the data set ended with VACUUM ANALYZE). On the embedded
  // database the vacuum is remembered as the app's own would be: its background vacuum (due when the
  // last is an hour old) does not run during the measurements of a run that starts now.
  await database.pool.query('ANALYZE');
  const dataDir = option('data-dir');
  if (!option('database-url') && dataDir)
    new VacuumRecord(path.join(dataDir, 'last-vacuum.json')).remember(new Date());
  process.stdout.write(`${JSON.stringify(prepared)}\n`);
} finally {
  await database.close();
}
