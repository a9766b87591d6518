// The benchmark data set: the FY2024 demo (scale `small`), then, for `city` and `large`, twenty
// earlier fiscal years of the whole programme written straight into the schema in batches.
// Everything comes from one seed number: the same seed gives the same rows.
import { normalizeForSearch, preciseDate } from '@totonoe/domain';
import type pg from 'pg';
import type { Database } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { BULK_BATCH_SIZE, refreshSearchIndex } from '../../apps/server/src/features/search/index.ts';
import { loadDemoData } from '../../apps/server/src/seed/load-demo-data.ts';
import { loadReferenceData } from '../../apps/server/src/seed/load-reference-data.ts';
import { BatchInserter, columns, withSecondaryIndexesDropped } from './insert.ts';
import { Random } from './random.ts';
import {
  agendaTitle,
  commentText,
  decisionText,
  ideaTexts,
  needText,
  personName,
  reportParagraph,
} from './vocabulary.ts';

export type ScaleName = 'small' | 'city' | 'large';

/** Row counts of a scale (totals, demo rows included where the demo has that kind of row). */
export type ScaleSpec = {
  fiscalYears: number;
  versionsPerAnalysis: number;
  orgUnits: number;
  users: number;
  ideas: number;
  supports: number;
  comments: number;
  issuesPerCampaign: number;
  needs: number;
  agendaItems: number;
  agendaItemsPerMeeting: number;
  auditEvents: number;
};

const CITY: ScaleSpec = {
  fiscalYears: 20,
  versionsPerAnalysis: 20,
  orgUnits: 200,
  users: 10_000,
  ideas: 100_000,
  supports: 500_000,
  comments: 50_000,
  issuesPerCampaign: 100,
  needs: 50_000,
  agendaItems: 5_000,
  agendaItemsPerMeeting: 21,
  auditEvents: 1_000_000,
};

/** `large` is ten times `city` in every table that grows with use; the programme's shape (years, clusters, versions) stays. */
const LARGE: ScaleSpec = {
  ...CITY,
  orgUnits: CITY.orgUnits * 10,
  users: CITY.users * 10,
  ideas: CITY.ideas * 10,
  supports: CITY.supports * 10,
  comments: CITY.comments * 10,
  issuesPerCampaign: CITY.issuesPerCampaign * 10,
  needs: CITY.needs * 10,
  agendaItems: CITY.agendaItems * 10,
  auditEvents: CITY.auditEvents * 10,
};

export const SCALES: Record<ScaleName, ScaleSpec | null> = { small: null, city: CITY, large: LARGE };

/** The fiscal year of the demo; generated years are the twenty before it. */
const DEMO_FISCAL_YEAR = 2024;

type Progress = (message: string) => void;

type Context = {
  pool: pg.Pool;
  seed: number;
  spec: ScaleSpec;
  years: number[];
  progress: Progress;
  orgUnitIds: string[];
  bureauIds: string[];
  userIds: string[];
  passwordHash: string;
  clusters: { id: string; number: number; name: string; ownerId: string }[];
  /** analyses[year][clusterIndex] */
  analysisIds: Map<number, string[]>;
  /** meetings[year] in sequence order */
  meetingIds: Map<number, string[]>;
  versionTemplate: Record<string, unknown>;
};

/** Migrates, loads the FY2024 demo, then adds the scale's generated years; finishes with VACUUM ANALYZE. */
export async function generateDataSet(options: {
  pool: pg.Pool;
  db: Database;
  scale: ScaleName;
  seed: number;
  progress?: Progress;
}): Promise<Record<string, number>> {
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  await runMigrations(options.pool);
  await loadReferenceData(options.db);
  await loadDemoData(options.db);
  progress(`demo data loaded (${Date.now() - started} ms)`);
  const spec = SCALES[options.scale];
  if (spec) {
    const already = await options.pool.query("SELECT 1 FROM system_settings WHERE key = 'bench.generated'");
    if (already.rowCount === 0) {
      const context = await loadContext(options.pool, options.seed, spec, progress);
      let indexesStarted = 0;
      await withSecondaryIndexesDropped(options.pool, BULK_TABLES, async () => {
        for (const [name, step] of STEPS) {
          const stepStarted = Date.now();
          await step(context);
          progress(`${name} (${Date.now() - stepStarted} ms)`);
        }
        indexesStarted = Date.now();
      });
      progress(`indexes built again (${Date.now() - indexesStarted} ms)`);
      await options.pool.query(
        "INSERT INTO system_settings (key, value) VALUES ('bench.generated', $1::jsonb)",
        [JSON.stringify({ scale: options.scale, seed: options.seed })],
      );
    }
  }
  // Build the search index of everything loaded now, so the app does not do it in the background
  // while it is being measured.
  // The bigram GIN index is built once afterwards; the indexer's deletes still use the b-trees.
  const searchStarted = Date.now();
  await withSecondaryIndexesDropped(
    options.pool,
    ['search_documents'],
    // Two workers (the queue hands out entries with SKIP LOCKED): one builds documents while the
    // other's are written. On the embedded database they take turns on its one connection.
    () =>
      Promise.all(
        [1, 2].map(async () => {
          let isIndexed = false;
          while (!isIndexed)
            isIndexed = await refreshSearchIndex(options.db, { limit: 20_000, batchSize: BULK_BATCH_SIZE });
        }),
      ).then(() => undefined),
    { method: 'gin' },
  );
  progress(`search index built (${Date.now() - searchStarted} ms)`);
  const vacuumStarted = Date.now();
  await options.pool.query('VACUUM ANALYZE');
  progress(`VACUUM ANALYZE (${Date.now() - vacuumStarted} ms)`);
  return countRows(options.pool);
}

/** Row counts of the tables the scales are defined by. */
export async function countRows(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = [
    'fiscal_years',
    'org_units',
    'users',
    'analyses',
    'analysis_versions',
    'meetings',
    'agenda_items',
    'platinum_ideas',
    'platinum_supports',
    'needs',
    'audit_events',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await pool.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = result.rows[0].n;
  }
  return counts;
}

async function loadContext(
  pool: pg.Pool,
  seed: number,
  spec: ScaleSpec,
  progress: Progress,
): Promise<Context> {
  const units = await pool.query<{ id: string; level: string }>(
    'SELECT id, level FROM org_units ORDER BY sort_order, code',
  );
  const people = await pool.query<{ id: string }>('SELECT id FROM users ORDER BY login');
  const hash = await pool.query<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE password_hash IS NOT NULL ORDER BY login LIMIT 1',
  );
  const clusterRows = await pool.query<{ id: string; number: number; name: string; owner_id: string }>(
    `SELECT r.cluster_id AS id, r.number, r.name,
            (SELECT o.org_unit_id FROM cluster_owners o WHERE o.cluster_id = r.cluster_id ORDER BY o.org_unit_id LIMIT 1) AS owner_id
       FROM cluster_revisions r WHERE r.valid_to_fiscal_year IS NULL ORDER BY r.number`,
  );
  const template = await pool.query<{ content: Record<string, unknown> }>(
    'SELECT content FROM analysis_versions ORDER BY submitted_at DESC LIMIT 1',
  );
  const report = await pool.query<{ content: Record<string, unknown> }>(
    'SELECT content FROM analysis_reports LIMIT 1',
  );
  const versionTemplate = template.rows[0]?.content ?? {
    sections: report.rows[0]?.content ?? {},
    effects: [],
    benchmarks: [],
  };
  const years: number[] = [];
  for (let index = spec.fiscalYears; index >= 1; index--) years.push(DEMO_FISCAL_YEAR - index);
  progress(`generating ${years[0]}–${years.at(-1)} on top of the FY${DEMO_FISCAL_YEAR} demo (seed ${seed})`);
  return {
    pool,
    seed,
    spec,
    years,
    progress,
    orgUnitIds: units.rows.map((row) => row.id),
    bureauIds: units.rows
      .filter((row) => row.level === 'bureau' || row.level === 'ward')
      .map((row) => row.id),
    userIds: people.rows.map((row) => row.id),
    passwordHash: hash.rows[0]?.password_hash ?? '',
    clusters: clusterRows.rows.map((row) => ({
      id: row.id,
      number: row.number,
      name: row.name,
      ownerId: row.owner_id,
    })),
    analysisIds: new Map(),
    meetingIds: new Map(),
    versionTemplate,
  };
}

/** An ISO date inside a fiscal year (April to March), never a day that does not exist. */
function dateIn(random: Random, year: number, fromMonth = 4, toMonth = 15): string {
  const month = random.between(fromMonth, toMonth);
  const calendarYear = month > 12 ? year + 1 : year;
  const calendarMonth = month > 12 ? month - 12 : month;
  const day = random.between(1, 28);
  return `${calendarYear}-${String(calendarMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function timestampOn(date: string, random: Random): string {
  return `${date}T${String(random.between(0, 8)).padStart(2, '0')}:${String(random.between(0, 59)).padStart(2, '0')}:00Z`;
}

async function generateYearsAndOrganisation(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const first = years[0]!;
  for (const year of years) {
    await pool.query(
      "INSERT INTO fiscal_years (year, status, opened_at) VALUES ($1, 'closed', $2) ON CONFLICT DO NOTHING",
      [year, `${year}-04-01T00:00:00+09:00`],
    );
  }
  // The demo organisation and register start in FY2024; the generated years need them earlier.
  await pool.query('UPDATE org_units SET effective_from = $1', [`${first}-04-01`]);
  await pool.query(
    "UPDATE cluster_revisions SET valid_from_fiscal_year = $1 WHERE valid_from_fiscal_year = $2 AND change_kind = 'created'",
    [first, DEMO_FISCAL_YEAR],
  );

  const random = new Random(seed, 'org_units');
  const units = new BatchInserter(
    pool,
    'org_units',
    columns(
      'id:uuid',
      'code:text',
      'name:text',
      'level:org_unit_level',
      'parent_id:uuid',
      'effective_from:date',
      'sort_order:int',
    ),
  );
  const parents = context.bureauIds.length ? context.bureauIds : context.orgUnitIds;
  for (let index = context.orgUnitIds.length; index < spec.orgUnits; index++) {
    const id = random.uuid();
    await units.add([
      id,
      `bench-${String(index).padStart(5, '0')}`,
      `${random.pick(['企画', '総務', '事業', '管理', '調整', '推進', '施設', '保健'])}第${index}課`,
      'section',
      random.pick(parents),
      `${first}-04-01`,
      10_000 + index,
    ]);
    context.orgUnitIds.push(id);
  }
  await units.flush();

  const people = new BatchInserter(
    pool,
    'users',
    columns(
      'id:uuid',
      'login:text',
      'display_name:text',
      'display_name_kana:text',
      'email:text',
      'org_unit_id:uuid',
      'password_hash:text',
    ),
  );
  const roles = new BatchInserter(
    pool,
    'user_roles',
    columns('id:uuid', 'user_id:uuid', 'role:role', 'org_unit_id:uuid'),
  ).after(people);
  const userRandom = new Random(seed, 'users');
  const generatedUsers = spec.users - context.userIds.length;
  for (let index = 0; index < generatedUsers; index++) {
    const id = userRandom.uuid();
    const name = personName(userRandom);
    const unit = userRandom.pick(context.orgUnitIds);
    const login = `u${String(index + 1).padStart(6, '0')}`;
    await people.add([
      id,
      login,
      name.name,
      name.kana,
      `${login}@bench.totonoe.invalid`,
      unit,
      context.passwordHash,
    ]);
    await roles.add([userRandom.uuid(), id, 'staff', null]);
    if (userRandom.chance(0.03)) await roles.add([userRandom.uuid(), id, 'department_staff', unit]);
    context.userIds.push(id);
  }
  await people.flush();
  await roles.flush();
}

/** Sets the `text` of every section that has one, so each version differs from the last. */
function variedSections(random: Random, sections: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sections)) {
    if (value && typeof value === 'object' && 'text' in value) {
      result[key] = {
        ...(value as Record<string, unknown>),
        text: reportParagraph(random, random.between(3, 8)),
      };
    } else {
      result[key] = value;
    }
  }
  return result;
}

async function generateMeetings(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const random = new Random(seed, 'meetings');
  const perYear = Math.ceil(spec.agendaItems / years.length / spec.agendaItemsPerMeeting);
  const meetingRows = new BatchInserter(
    pool,
    'meetings',
    columns(
      'id:uuid',
      'fiscal_year:int',
      'sequence:int',
      'title:text',
      'planned_precision:date_precision',
      'planned_start:date',
      'planned_end:date',
      'actual_date:date',
      'is_public:bool',
      'is_agenda_published:bool',
    ),
  );
  const schedule = new BatchInserter(
    pool,
    'schedule_items',
    columns(
      'id:uuid',
      'fiscal_year:int',
      'lane:schedule_lane',
      'label:text',
      'precision:date_precision',
      'start_date:date',
      'end_date:date',
      'link_type:text',
      'link_id:text',
      'sort_order:int',
    ),
  );
  for (const year of years) {
    const ids: string[] = [];
    for (let sequence = 0; sequence < perYear; sequence++) {
      const id = random.uuid();
      // Spread over the year in order: sequence n falls in the n-th slice of April–March.
      const month = 4 + Math.floor((sequence * 12) / perYear);
      const date = dateIn(random, year, month, month);
      const title = sequence === 0 ? 'キックオフMTG' : `第${sequence}回X会議`;
      await meetingRows.add([id, year, sequence, title, 'day', date, date, date, true, true]);
      await schedule.add([
        random.uuid(),
        year,
        'x_meeting',
        title,
        'day',
        date,
        date,
        'meeting',
        id,
        sequence,
      ]);
      ids.push(id);
    }
    context.meetingIds.set(year, ids);
  }
  await meetingRows.flush();
  await schedule.flush();
}

const BENCHMARK_INDICATORS = [
  ['市民一人当たり事業費', '円', 'lower_is_better'],
  ['施設稼働率', '%', 'higher_is_better'],
  ['職員一人当たり処理件数', '件', 'higher_is_better'],
  ['一件当たり処理日数', '日', 'lower_is_better'],
  ['利用者満足度', '%', 'higher_is_better'],
  ['委託率', '%', 'higher_is_better'],
  ['受益者負担率', '%', 'higher_is_better'],
  ['待機者数', '人', 'lower_is_better'],
  ['オンライン申請率', '%', 'higher_is_better'],
  ['人口千人当たり職員数', '人', 'lower_is_better'],
] as const;
const BENCHMARK_SUBJECTS = [
  ['本市', true],
  ['A市', false],
  ['B市', false],
  ['C市', false],
  ['D市', false],
] as const;
const BENCHMARK_YEARS = 4;

async function generateAnalyses(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const random = new Random(seed, 'analyses');
  const analysisRows = new BatchInserter(
    pool,
    'analyses',
    columns(
      'id:uuid',
      'cluster_id:uuid',
      'fiscal_year:int',
      'stage:analysis_stage',
      'lead_org_unit_id:uuid',
      'is_published:bool',
      'review_status:analysis_review_status',
      'created_at:timestamptz',
    ),
    2_000,
  );
  const reports = new BatchInserter(
    pool,
    'analysis_reports',
    columns('analysis_id:uuid', 'content:jsonb', 'updated_at:timestamptz'),
    500,
  );
  const versions = new BatchInserter(
    pool,
    'analysis_versions',
    columns(
      'id:uuid',
      'analysis_id:uuid',
      'number:int',
      'report:analysis_stage',
      'status:analysis_version_status',
      'content:jsonb',
      'submitted_at:timestamptz',
    ),
    1_000,
  );
  const transitions = new BatchInserter(
    pool,
    'analysis_transitions',
    columns(
      'id:uuid',
      'analysis_id:uuid',
      'from_stage:analysis_stage',
      'to_stage:analysis_stage',
      'meeting_id:uuid',
      'reported_on:date',
      'direction_kind:analysis_direction_kind',
      'created_at:timestamptz',
    ),
  );
  const dueMeetings = new BatchInserter(
    pool,
    'analysis_due_meetings',
    columns('analysis_id:uuid', 'stage:analysis_stage', 'meeting_id:uuid'),
  );
  const effects = new BatchInserter(
    pool,
    'analysis_effects',
    columns(
      'id:uuid',
      'analysis_id:uuid',
      'position:int',
      'label:text',
      'fiscal_year:int',
      'category:analysis_effect_category',
      'recurrence:analysis_effect_recurrence',
      'stage:analysis_effect_stage',
      'amount:bigint',
      'basis:text',
    ),
  );
  const indicators = new BatchInserter(
    pool,
    'analysis_benchmark_indicators',
    columns(
      'id:uuid',
      'analysis_id:uuid',
      'position:int',
      'name:text',
      'unit:text',
      'direction:benchmark_direction',
    ),
  );
  const values = new BatchInserter(
    pool,
    'analysis_benchmark_values',
    columns('indicator_id:uuid', 'subject:text', 'is_own_city:bool', 'year:int', 'value:float8'),
  );
  for (const batch of [reports, versions, transitions, dueMeetings, effects, indicators])
    batch.after(analysisRows);
  values.after(indicators);
  const template = context.versionTemplate;
  const templateSections = (template.sections ?? {}) as Record<string, unknown>;
  const reportStages = ['started', 'progress_reported', 'direction_reported', 'final_reported'] as const;
  const moves = [
    ['planned', 'started'],
    ['started', 'progress_reported'],
    ['progress_reported', 'direction_reported'],
    ['direction_reported', 'final_reported'],
  ] as const;
  for (const year of years) {
    const meetings = context.meetingIds.get(year)!;
    const ids: string[] = [];
    for (const cluster of context.clusters) {
      const id = random.uuid();
      ids.push(id);
      const created = `${year}-05-01T00:00:00Z`;
      await analysisRows.add([
        id,
        cluster.id,
        year,
        'final_reported',
        cluster.ownerId,
        true,
        'accepted',
        created,
      ]);
      await reports.add([id, variedSections(random, templateSections), `${year + 1}-02-01T00:00:00Z`]);
      for (let number = 1; number <= spec.versionsPerAnalysis; number++) {
        const stageIndex = Math.min(3, Math.floor(((number - 1) * 4) / spec.versionsPerAnalysis));
        const month = 5 + Math.floor(((number - 1) * 10) / spec.versionsPerAnalysis);
        await versions.add([
          random.uuid(),
          id,
          number,
          reportStages[stageIndex],
          number === spec.versionsPerAnalysis
            ? 'reported'
            : random.pick(['returned', 'reported', 'accepted']),
          { ...template, sections: variedSections(random, templateSections) },
          timestampOn(dateIn(random, year, month, month), random),
        ]);
      }
      for (const [index, [from, to]] of moves.entries()) {
        const meeting = meetings[Math.min(meetings.length - 1, 1 + index * 3)]!;
        const date = dateIn(random, year, 5 + index * 3, 5 + index * 3);
        await transitions.add([
          random.uuid(),
          id,
          from,
          to,
          meeting,
          date,
          to === 'direction_reported' ? random.pick(['budget', 'institutional']) : null,
          timestampOn(date, random),
        ]);
        if (index > 0) await dueMeetings.add([id, to, meeting]);
      }
      for (let position = 0; position < 2; position++) {
        await effects.add([
          random.uuid(),
          id,
          position,
          position === 0 ? '委託化による人件費の削減' : '使用料の見直しによる歳入確保',
          year + 1,
          position === 0 ? 'expenditure_cut' : 'revenue_gain',
          'recurring',
          random.pick(['planned', 'actual']),
          String(random.between(1, 500) * 1_000_000),
          '決算額との比較',
        ]);
      }
      // 200 benchmark values an analysis: 10 indicators × 5 cities × 4 years.
      for (let position = 0; position < BENCHMARK_INDICATORS.length; position++) {
        const indicatorId = random.uuid();
        const [name, unit, direction] = BENCHMARK_INDICATORS[position]!;
        await indicators.add([indicatorId, id, position, name, unit, direction]);
        for (const [subject, isOwn] of BENCHMARK_SUBJECTS) {
          for (let offset = BENCHMARK_YEARS - 1; offset >= 0; offset--) {
            await values.add([indicatorId, subject, isOwn, year - offset, random.between(100, 9_999)]);
          }
        }
      }
    }
    context.analysisIds.set(year, ids);
  }
  for (const batch of [
    analysisRows,
    reports,
    versions,
    transitions,
    dueMeetings,
    effects,
    indicators,
    values,
  ])
    await batch.flush();
}

async function generateAgendas(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const random = new Random(seed, 'agendas');
  const items = new BatchInserter(
    pool,
    'agenda_items',
    columns(
      'id:uuid',
      'meeting_id:uuid',
      'position:int',
      'kind:agenda_item_kind',
      'title:text',
      'presenter_org_unit_id:uuid',
    ),
  );
  const links = new BatchInserter(
    pool,
    'agenda_item_links',
    columns(
      'id:uuid',
      'agenda_item_id:uuid',
      'target_type:agenda_link_type',
      'target_id:uuid',
      'analysis_stage:analysis_stage',
    ),
  );
  const decisions = new BatchInserter(
    pool,
    'meeting_decisions',
    columns('id:uuid', 'meeting_id:uuid', 'agenda_item_id:uuid', 'body:text'),
  );
  const actions = new BatchInserter(
    pool,
    'meeting_actions',
    columns(
      'id:uuid',
      'meeting_id:uuid',
      'agenda_item_id:uuid',
      'body:text',
      'owner_org_unit_id:uuid',
      'due_date:date',
      'status:action_status',
      'closed_at_meeting_id:uuid',
    ),
  );
  const minutes = new BatchInserter(
    pool,
    'meeting_minutes',
    columns('meeting_id:uuid', 'body:text', 'status:minutes_status', 'published_at:timestamptz'),
  );
  for (const batch of [links, decisions, actions]) batch.after(items);
  let remaining = spec.agendaItems;
  const meetingsTotal = years.reduce((sum, year) => sum + context.meetingIds.get(year)!.length, 0);
  let meetingsLeft = meetingsTotal;
  for (const year of years) {
    const meetings = context.meetingIds.get(year)!;
    const analyses = context.analysisIds.get(year)!;
    for (const [sequence, meetingId] of meetings.entries()) {
      const count = Math.round(remaining / meetingsLeft);
      remaining -= count;
      meetingsLeft -= 1;
      for (let position = 1; position <= count; position++) {
        const clusterIndex = random.int(context.clusters.length);
        const cluster = context.clusters[clusterIndex]!;
        const itemId = random.uuid();
        const kind = random.weighted(
          ['analysis_report', 'bureau_policy', 'platinum', 'instruction_review', 'other'] as const,
          [6, 1, 1, 1, 1],
        );
        await items.add([
          itemId,
          meetingId,
          position,
          kind,
          agendaTitle(random, cluster.name),
          cluster.ownerId,
        ]);
        if (kind === 'analysis_report') {
          await links.add([
            random.uuid(),
            itemId,
            'analysis',
            analyses[clusterIndex]!,
            random.pick(['progress_reported', 'direction_reported', 'final_reported']),
          ]);
        }
        if (position % 2 === 0)
          await decisions.add([random.uuid(), meetingId, itemId, decisionText(random, cluster.name)]);
        if (position % 4 === 0) {
          const closing = meetings[Math.min(meetings.length - 1, sequence + 2)]!;
          await actions.add([
            random.uuid(),
            meetingId,
            itemId,
            decisionText(random, cluster.name),
            cluster.ownerId,
            dateIn(random, year, 10, 15),
            'closed',
            closing,
          ]);
        }
      }
      await minutes.add([meetingId, reportParagraph(random, 6), 'published', `${year + 1}-01-15T00:00:00Z`]);
    }
  }
  for (const batch of [items, links, decisions, actions, minutes]) await batch.flush();
}

async function generatePlatinum(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const random = new Random(seed, 'platinum');
  const userCount = context.userIds.length;
  const themes = ['workstyle', 'office', 'rules'] as const;
  const ideas = new BatchInserter(
    pool,
    'platinum_ideas',
    columns(
      'id:uuid',
      'campaign_id:uuid',
      'number:int',
      'theme:platinum_theme',
      'title:text',
      'problem:text',
      'proposal:text',
      'expected_effect:text',
      'author_id:uuid',
      'author_org_unit_id:uuid',
      'is_anonymous:bool',
      'status:platinum_idea_status',
      'issue_id:uuid',
      'merged_into_id:uuid',
      'support_count:int',
      'comment_count:int',
      'search_key:text',
      'similarity_key:text',
      'grouped_at:timestamptz',
      'created_at:timestamptz',
      'updated_at:timestamptz',
    ),
    2_000,
  );
  const issues = new BatchInserter(
    pool,
    'platinum_issues',
    columns(
      'id:uuid',
      'campaign_id:uuid',
      'number:int',
      'theme:platinum_theme',
      'title:text',
      'summary:text',
      'status:platinum_issue_status',
      'status_changed_at:timestamptz',
      'created_at:timestamptz',
    ),
  );
  const supports = new BatchInserter(
    pool,
    'platinum_supports',
    columns('idea_id:uuid', 'user_id:uuid', 'created_at:timestamptz'),
    10_000,
  );
  const comments = new BatchInserter(
    pool,
    'platinum_comments',
    columns('id:uuid', 'idea_id:uuid', 'author_id:uuid', 'body:text', 'created_at:timestamptz'),
  );
  ideas.after(issues);
  supports.after(ideas);
  comments.after(ideas);
  const unitOf = await pool.query<{ id: string; org_unit_id: string | null }>(
    'SELECT id, org_unit_id FROM users ORDER BY login',
  );
  const unitByUser = new Map(unitOf.rows.map((row) => [row.id, row.org_unit_id]));
  // The last generated year's campaign is the busy one: a tenth of the ideas and a tenth of the
  // supports (10,000 and 50,000 at city scale); the other years share the rest evenly.
  const busyIdeas = Math.round(spec.ideas / 10);
  const busySupports = Math.round(spec.supports / 10);
  const ideasOfYear = years.map((_, yearIndex) => {
    if (yearIndex === years.length - 1) return busyIdeas;
    const others = years.length - 1;
    const rest = spec.ideas - busyIdeas;
    return Math.round(((yearIndex + 1) * rest) / others) - Math.round((yearIndex * rest) / others);
  });
  // Support counts per idea: a long tail, scaled so that each part adds up to exactly its total.
  const weights: number[] = [];
  for (let index = 0; index < spec.ideas; index++) weights.push(random.skewed(5, 400) + 1);
  const busyFrom = spec.ideas - busyIdeas;
  const supportCounts = [
    ...spreadSupports(weights.slice(0, busyFrom), spec.supports - busySupports, userCount - 1),
    ...spreadSupports(weights.slice(busyFrom), busySupports, userCount - 1),
  ];
  // One or two comments on an idea that has any: 1.5 on average.
  const commentChance = spec.comments / spec.ideas / 1.5;
  let ideaIndex = 0;
  for (const [yearIndex, year] of years.entries()) {
    const campaignId = random.uuid();
    const count = ideasOfYear[yearIndex]!;
    const span = (from: number, to: number, spanYear = year) => ({
      from: preciseDate('month', spanYear, from),
      to: preciseDate('month', spanYear, to),
    });
    await pool.query(
      `INSERT INTO platinum_campaigns (id, fiscal_year, title, description, themes, phases, next_idea_number, next_issue_number, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::platinum_theme[], $6::jsonb, $7, $8, $9, $9)`,
      [
        campaignId,
        year,
        `${year}年度 プラチナ市役所プロジェクト`,
        '職員のアイデアで市役所のしごとを見直す',
        [...themes],
        JSON.stringify({
          submission: span(6, 7),
          pt_formation: span(7, 7),
          issue_identification: span(8, 8),
          solution_decision: span(9, 9),
          response_announcement: span(10, 10),
          trial: span(1, 3, year + 1),
        }),
        count + 1,
        spec.issuesPerCampaign + 1,
        `${year}-05-15T00:00:00Z`,
      ],
    );
    const issueIds: string[] = [];
    for (let number = 1; number <= spec.issuesPerCampaign; number++) {
      const id = random.uuid();
      issueIds.push(id);
      const texts = ideaTexts(random);
      await issues.add([
        id,
        campaignId,
        number,
        random.pick(themes),
        texts.title,
        texts.problem,
        random.weighted(
          ['open', 'on_hold', 'declined', 'sent_on', 'decided', 'announced', 'implemented'] as const,
          [2, 1, 2, 1, 1, 2, 3],
        ),
        `${year}-10-01T00:00:00Z`,
        `${year}-08-10T00:00:00Z`,
      ]);
    }
    // The first ideas of a campaign stay live so that merged duplicates have somewhere to point.
    const liveHeads: string[] = [];
    for (let number = 1; number <= count; number++, ideaIndex++) {
      const id = random.uuid();
      const authorIndex = random.int(userCount);
      const authorId = context.userIds[authorIndex]!;
      const texts = ideaTexts(random);
      const status =
        number <= 10
          ? 'submitted'
          : random.weighted(
              ['submitted', 'grouped', 'merged', 'withdrawn', 'hidden'] as const,
              [80, 12, 3, 3, 2],
            );
      if (number <= 10) liveHeads.push(id);
      const created = timestampOn(dateIn(random, year, 6, 7), random);
      // Supports given before an idea was withdrawn or hidden stay recorded, as the app keeps them.
      const supportCount = supportCounts[ideaIndex]!;
      const commentCount = random.chance(commentChance) ? random.between(1, 2) : 0;
      await ideas.add([
        id,
        campaignId,
        number,
        random.pick(themes),
        texts.title,
        texts.problem,
        texts.proposal,
        texts.expectedEffect,
        authorId,
        unitByUser.get(authorId) ?? null,
        random.chance(0.15),
        status,
        status === 'grouped' ? random.pick(issueIds) : null,
        status === 'merged' ? random.pick(liveHeads) : null,
        supportCount,
        commentCount,
        normalizeForSearch([texts.title, texts.problem, texts.proposal, texts.expectedEffect].join('\n')),
        Array.from(normalizeForSearch(texts.title)).slice(0, 200).join(''),
        status === 'grouped' ? `${year}-08-20T00:00:00Z` : null,
        created,
        created,
      ]);
      for (let index = 0; index < commentCount; index++) {
        await comments.add([
          random.uuid(),
          id,
          context.userIds[random.int(userCount)]!,
          commentText(random),
          created,
        ]);
      }
      if (supportCount > 0) {
        // Distinct supporters without a set: a stride coprime with the number of people walks them all once.
        let stride = 1 + 2 * random.int(userCount / 2);
        while (gcd(stride, userCount) !== 1) stride += 2;
        let supporter = random.int(userCount);
        let added = 0;
        while (added < supportCount) {
          supporter = (supporter + stride) % userCount;
          if (supporter === authorIndex) continue;
          await supports.add([id, context.userIds[supporter]!, created]);
          added += 1;
        }
      }
    }
  }
  // Ideas reference issues and each other: issues first, then ideas, then what points at ideas.
  await issues.flush();
  await ideas.flush();
  await supports.flush();
  await comments.flush();
  context.progress(`  ideas ${ideas.inserted}, supports ${supports.inserted}, comments ${comments.inserted}`);
}

/** Shares `total` supports among ideas in proportion to their weights, each at most `cap`. */
function spreadSupports(weights: number[], total: number, cap: number): number[] {
  const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
  const counts = weights.map((weight) => Math.min(cap, Math.floor((weight * total) / weightTotal)));
  let shortfall = total - counts.reduce((sum, value) => sum + value, 0);
  for (let index = 0; shortfall > 0; index = (index + 1) % counts.length) {
    if (counts[index]! < cap) {
      counts[index]! += 1;
      shortfall -= 1;
    }
  }
  return counts;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

async function generateNeeds(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const random = new Random(seed, 'needs');
  const existing = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM needs');
  const needs = new BatchInserter(
    pool,
    'needs',
    columns(
      'id:uuid',
      'side:need_side',
      'channel:need_channel',
      'body:text',
      'received_on:date',
      'fiscal_year:int',
      'org_unit_id:uuid',
      'status:need_status',
      'is_public:bool',
      'public_text:text',
      'published_at:timestamptz',
      'created_at:timestamptz',
    ),
  );
  const links = new BatchInserter(
    pool,
    'need_links',
    columns('need_id:uuid', 'kind:need_link_kind', 'target_id:uuid'),
  ).after(needs);
  const total = spec.needs - existing.rows[0]!.n;
  for (let index = 0; index < total; index++) {
    const year = years[Math.floor((index * years.length) / total)]!;
    const id = random.uuid();
    const clusterIndex = random.int(context.clusters.length);
    const cluster = context.clusters[clusterIndex]!;
    const received = dateIn(random, year);
    const body = needText(random);
    const isPublic = random.chance(0.3);
    await needs.add([
      id,
      random.pick(['recipient', 'bearer']),
      random.pick(['complaint', 'survey', 'hearing', 'suggestion_box', 'council', 'counter', 'other']),
      body,
      received,
      year,
      cluster.ownerId,
      random.pick(['new', 'linked', 'answered', 'closed']),
      isPublic,
      isPublic ? body : null,
      isPublic ? timestampOn(received, random) : null,
      timestampOn(received, random),
    ]);
    await links.add([id, 'cluster', cluster.id]);
    if (random.chance(0.3)) await links.add([id, 'analysis', context.analysisIds.get(year)![clusterIndex]!]);
  }
  await needs.flush();
  await links.flush();
}

const AUDITED = [
  ['platinum_idea.support', 'platinum_idea'],
  ['platinum_idea.create', 'platinum_idea'],
  ['analysis.report.save', 'analysis'],
  ['analysis.transition', 'analysis'],
  ['meeting.update', 'meeting'],
  ['agenda_item.create', 'agenda_item'],
  ['need.create', 'need'],
  ['session.sign_in', 'user'],
  ['cluster.update', 'cluster'],
] as const;

async function generateAudit(context: Context): Promise<void> {
  const { pool, seed, spec, years } = context;
  const existing = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
  const total = spec.auditEvents - existing.rows[0]!.n;
  const first = Date.UTC(years[0]!, 3, 1);
  const span = Date.UTC(years.at(-1)! + 1, 2, 31) - first;
  // A million rows are made by the database itself: sending them costs more than writing them.
  // md5 of (seed, row number) stands in for the random stream, so both databases get the same rows.
  const chunk = 100_000;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await pool.query(
      `INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, before, after, request_id, ip)
       SELECT to_timestamp(($3::float8 + ((i - 1)::float8 / $2) * $4 + h1 % 60000) / 1000.0),
              ($5::uuid[])[1 + h2 % cardinality($5::uuid[])],
              ($6::text[])[1 + h3 % cardinality($6::text[])],
              ($7::text[])[1 + h3 % cardinality($7::text[])],
              md5('e' || m)::uuid::text,
              CASE WHEN h1 % 2 = 0 THEN jsonb_build_object('version', 1 + h2 % 5) END,
              jsonb_build_object('version', 2 + h3 % 5),
              md5('r' || m)::uuid::text,
              '10.' || h1 % 256 || '.' || h2 % 256 || '.' || h3 % 256
         FROM (SELECT i, m,
                      ('x' || substr(m, 1, 7))::bit(28)::int AS h1,
                      ('x' || substr(m, 8, 7))::bit(28)::int AS h2,
                      ('x' || substr(m, 15, 7))::bit(28)::int AS h3
                 FROM (SELECT i, md5($1::text || ':audit:' || i) AS m FROM generate_series($8::int, $9::int) AS i) AS numbered
              ) AS hashed`,
      [
        String(seed),
        total,
        first,
        span,
        context.userIds,
        AUDITED.map(([action]) => action),
        AUDITED.map(([, entityType]) => entityType),
        from,
        to,
      ],
    );
  }
}

/** The tables that take most rows: their secondary indexes are built once, after the load. */
const BULK_TABLES = [
  'audit_events',
  'platinum_ideas',
  'platinum_supports',
  'platinum_comments',
  'needs',
  'need_links',
  'analysis_versions',
  'search_queue',
];

const STEPS: [string, (context: Context) => Promise<void>][] = [
  ['fiscal years, org units, users', generateYearsAndOrganisation],
  ['meetings', generateMeetings],
  ['analyses with versions', generateAnalyses],
  ['agendas, decisions, actions, minutes', generateAgendas],
  ['Platinum campaigns, issues, ideas, supports, comments', generatePlatinum],
  ['needs', generateNeeds],
  ['audit events', generateAudit],
];
