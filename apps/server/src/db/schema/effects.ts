import { EFFECT_CATEGORIES, EFFECT_RECURRENCES, EFFECT_SOURCE_KINDS, EFFECT_STAGES } from '@totonoe/domain';
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clusters } from './clusters.ts';
import { orgUnits, users } from './core.ts';

export const effectCategoryEnum = pgEnum('effect_category', EFFECT_CATEGORIES);
export const effectRecurrenceEnum = pgEnum('effect_recurrence', EFFECT_RECURRENCES);
export const effectStageEnum = pgEnum('effect_stage', EFFECT_STAGES);
export const effectSourceKindEnum = pgEnum('effect_source_kind', EFFECT_SOURCE_KINDS);

/** A programme target (e.g. 次世代投資枠 330億円 over FY2024–FY2026) the ledger is measured against. */
export const effectTargets = pgTable('effect_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  amount: bigint('amount', { mode: 'bigint' }).notNull(),
  startFiscalYear: integer('start_fiscal_year').notNull(),
  endFiscalYear: integer('end_fiscal_year').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 効果額: one line of the ledger. */
export const effects = pgTable(
  'effects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id').references(() => effectTargets.id),
    title: text('title').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    endFiscalYear: integer('end_fiscal_year'),
    category: effectCategoryEnum('category').notNull(),
    recurrence: effectRecurrenceEnum('recurrence').notNull(),
    stage: effectStageEnum('stage').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    basis: text('basis').notNull().default(''),
    sourceKind: effectSourceKindEnum('source_kind').notNull(),
    // A plain id: analyses belong to another feature.
    sourceId: uuid('source_id').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    clusterId: uuid('cluster_id').references(() => clusters.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('effects_target_year_idx').on(t.targetId, t.fiscalYear),
    index('effects_source_idx').on(t.sourceKind, t.sourceId),
    index('effects_year_unit_idx').on(t.fiscalYear, t.orgUnitId),
  ],
);
