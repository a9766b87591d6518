import { ANALYSIS_DIRECTION_KINDS, BENCHMARK_DIRECTIONS } from '@totonoe/domain';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { analyses, analysisStageEnum } from './clusters.ts';
import { users } from './core.ts';
import { meetings } from './meetings.ts';

/** What became of a submitted version: reviewed, returned, withdrawn, or reported at an X meeting. */
export const analysisVersionStatusEnum = pgEnum('analysis_version_status', [
  'submitted',
  'approved',
  'returned',
  'accepted',
  'withdrawn',
  'reported',
]);
export const analysisDirectionKindEnum = pgEnum('analysis_direction_kind', ANALYSIS_DIRECTION_KINDS);
export const analysisEffectCategoryEnum = pgEnum('analysis_effect_category', [
  'expenditure_cut',
  'revenue_gain',
]);
export const analysisEffectRecurrenceEnum = pgEnum('analysis_effect_recurrence', ['one_off', 'recurring']);
export const analysisEffectStageEnum = pgEnum('analysis_effect_stage', ['planned', 'actual']);
export const benchmarkDirectionEnum = pgEnum('benchmark_direction', BENCHMARK_DIRECTIONS);

/**
 * 報告書（作業中）: the working copy of an analysis report, one per analysis. What belongs only to an
 * analysis's work in progress goes with it when a planned analysis is taken off the plan; versions
 * and stage moves never do (an analysis that has them cannot be removed).
 */
export const analysisReports = pgTable('analysis_reports', {
  analysisId: uuid('analysis_id')
    .primaryKey()
    .references(() => analyses.id, { onDelete: 'cascade' }),
  content: jsonb('content').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 下書き: a section of the report as it is being typed, saved on its own after a pause so nothing
 * typed is lost and the working copy's version is not touched. `content` is the form as typed
 * (possibly not yet valid) and the section as it stood when editing began; saving the section to
 * the working copy removes its draft. Read only by the owning department and the reform office.
 */
export const analysisReportDrafts = pgTable(
  'analysis_report_drafts',
  {
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    content: jsonb('content').notNull(),
    /** The version of the analysis the draft was typed against. */
    baseVersion: integer('base_version').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.analysisId, t.section] })],
);

/** 報告予定: the X meeting at which each report of an analysis is due, as the year's plan sets it. */
export const analysisDueMeetings = pgTable(
  'analysis_due_meetings',
  {
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    stage: analysisStageEnum('stage').notNull(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
  },
  (t) => [
    primaryKey({ columns: [t.analysisId, t.stage] }),
    index('analysis_due_meetings_meeting_idx').on(t.meetingId),
  ],
);

/** 提出版: a frozen copy of the report made at each submission, numbered from 1 per analysis. */
export const analysisVersions = pgTable(
  'analysis_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    number: integer('number').notNull(),
    /** The report (stage) this version was submitted for. */
    report: analysisStageEnum('report').notNull(),
    status: analysisVersionStatusEnum('status').notNull().default('submitted'),
    content: jsonb('content').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    transitionId: uuid('transition_id'),
  },
  (t) => [uniqueIndex('analysis_versions_number_key').on(t.analysisId, t.number)],
);

/** 段階の移行: a stage move, with who made it, when, and the X meeting where it was reported. */
export const analysisTransitions = pgTable(
  'analysis_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id),
    fromStage: analysisStageEnum('from_stage').notNull(),
    toStage: analysisStageEnum('to_stage').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    reportedOn: date('reported_on'),
    directionKind: analysisDirectionKindEnum('direction_kind'),
    versionId: uuid('version_id').references(() => analysisVersions.id),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('analysis_transitions_analysis_idx').on(t.analysisId, t.createdAt),
    index('analysis_transitions_meeting_idx').on(t.meetingId),
  ],
);

/** 審査コメント: a comment on a version and section, threaded by parent. */
export const analysisComments = pgTable(
  'analysis_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number'),
    section: text('section'),
    parentId: uuid('parent_id'),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('analysis_comments_analysis_idx').on(t.analysisId, t.createdAt)],
);

/**
 * 効果額: one effect line of an analysis (fiscal year, 歳出削減/歳入確保, 単年度/継続, 見込み/実績,
 * whole yen, basis). The effect ledger reads these lines; each submitted version also freezes them.
 */
export const analysisEffects = pgTable(
  'analysis_effects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    endFiscalYear: integer('end_fiscal_year'),
    category: analysisEffectCategoryEnum('category').notNull(),
    recurrence: analysisEffectRecurrenceEnum('recurrence').notNull(),
    stage: analysisEffectStageEnum('stage').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    basis: text('basis').notNull().default(''),
  },
  (t) => [
    index('analysis_effects_analysis_idx').on(t.analysisId, t.position),
    index('analysis_effects_year_idx').on(t.fiscalYear),
  ],
);

/** 比較指標: an indicator of an analysis's comparison, with its unit and which way is better. */
export const analysisBenchmarkIndicators = pgTable(
  'analysis_benchmark_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: benchmarkDirectionEnum('direction').notNull(),
    source: text('source').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('analysis_benchmark_indicators_name_key').on(t.analysisId, t.name)],
);

/** 比較値: one value of an indicator for this city or a comparator in a year. */
export const analysisBenchmarkValues = pgTable(
  'analysis_benchmark_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => analysisBenchmarkIndicators.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    isOwnCity: boolean('is_own_city').notNull().default(false),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.subject, t.year] })],
);
