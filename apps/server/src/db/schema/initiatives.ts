import {
  INITIATIVE_HEALTHS,
  INITIATIVE_SOURCE_KINDS,
  INITIATIVE_STATUSES,
  UPDATE_CADENCES,
} from '@totonoe/domain';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { clusters } from './clusters.ts';
import { orgUnits, users } from './core.ts';

export const initiativeSourceKindEnum = pgEnum('initiative_source_kind', INITIATIVE_SOURCE_KINDS);
export const initiativeStatusEnum = pgEnum('initiative_status', INITIATIVE_STATUSES);
export const initiativeHealthEnum = pgEnum('initiative_health', INITIATIVE_HEALTHS);
export const initiativeUpdateCadenceEnum = pgEnum('initiative_update_cadence', UPDATE_CADENCES);

/** 取組: what an org unit does, where it comes from, and how it is going. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    sourceKind: initiativeSourceKindEnum('source_kind').notNull(),
    // A plain id: the source may live in another feature's tables (analyses, Platinum responses, meeting actions).
    sourceId: uuid('source_id'),
    ownerOrgUnitId: uuid('owner_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: initiativeStatusEnum('status').notNull().default('not_started'),
    health: initiativeHealthEnum('health').notNull().default('on_track'),
    updateCadence: initiativeUpdateCadenceEnum('update_cadence').notNull().default('quarterly'),
    lastUpdateOn: date('last_update_on'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiatives_year_owner_idx').on(t.fiscalYear, t.ownerOrgUnitId),
    index('initiatives_source_idx').on(t.sourceKind, t.sourceId),
    index('initiatives_status_idx').on(t.fiscalYear, t.status, t.health),
  ],
);

/** The clusters an initiative concerns. */
export const initiativeClusters = pgTable(
  'initiative_clusters',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.clusterId] }),
    index('initiative_clusters_cluster_idx').on(t.clusterId),
  ],
);

/** 工程表: a milestone spanning fiscal quarters (a single quarter when from = to). */
export const initiativeMilestones = pgTable(
  'initiative_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    fromFiscalYear: integer('from_fiscal_year').notNull(),
    fromQuarter: integer('from_quarter').notNull(),
    toFiscalYear: integer('to_fiscal_year').notNull(),
    toQuarter: integer('to_quarter').notNull(),
    isDone: boolean('is_done').notNull().default(false),
  },
  (t) => [index('initiative_milestones_initiative_idx').on(t.initiativeId, t.position)],
);

/** 進捗報告: a dated report by the owner, with the status and health it left the initiative in. */
export const initiativeUpdates = pgTable(
  'initiative_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    reportedOn: date('reported_on').notNull(),
    body: text('body').notNull(),
    status: initiativeStatusEnum('status').notNull(),
    health: initiativeHealthEnum('health').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_updates_initiative_idx').on(t.initiativeId, t.reportedOn)],
);

/** KPI: an indicator with a baseline; targets and actuals are per fiscal year. */
export const initiativeKpis = pgTable(
  'initiative_kpis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    baseline: numeric('baseline', { precision: 20, scale: 4 }),
    baselineFiscalYear: integer('baseline_fiscal_year'),
  },
  (t) => [index('initiative_kpis_initiative_idx').on(t.initiativeId, t.position)],
);

/** A KPI's target and actual in one fiscal year. */
export const initiativeKpiYears = pgTable(
  'initiative_kpi_years',
  {
    kpiId: uuid('kpi_id')
      .notNull()
      .references(() => initiativeKpis.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    target: numeric('target', { precision: 20, scale: 4 }),
    actual: numeric('actual', { precision: 20, scale: 4 }),
    actualNote: text('actual_note'),
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.fiscalYear] })],
);
