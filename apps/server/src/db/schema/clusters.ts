import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from './core.ts';

export const clusterGroupEnum = pgEnum('cluster_group', ['policy_program', 'cross_cutting', 'organization']);
export const clusterKindEnum = pgEnum('cluster_kind', ['operations', 'city_original', 'national_system']);
export const analysisStageEnum = pgEnum('analysis_stage', [
  'planned',
  'started',
  'progress_reported',
  'direction_reported',
  'final_reported',
  'follow_up',
]);
/** Where the submission of an analysis's next report stands (see @totonoe/domain analysis-stages). */
export const analysisReviewStatusEnum = pgEnum('analysis_review_status', [
  'draft',
  'submitted',
  'approved',
  'returned',
  'accepted',
]);

/** グループ: the three cluster groups with their 考え方 (approach) texts. */
export const clusterGroups = pgTable('cluster_groups', {
  code: clusterGroupEnum('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  subtitle: text('subtitle'),
  approach: text('approach').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** 施策の種類: kinds inside 施策・事業グループ with their approach texts. */
export const clusterKinds = pgTable('cluster_kinds', {
  code: clusterKindEnum('code').primaryKey(),
  groupCode: clusterGroupEnum('group_code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  approach: text('approach').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** 事業クラスター: identity of a cluster; what it is called and where it sits lives in revisions. */
export const clusters = pgTable('clusters', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A cluster as it stood from one fiscal year until another (inclusive; open-ended when null). */
export const clusterRevisions = pgTable(
  'cluster_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    validFromFiscalYear: integer('valid_from_fiscal_year').notNull(),
    validToFiscalYear: integer('valid_to_fiscal_year'),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    groupCode: clusterGroupEnum('group_code').notNull(),
    kindCode: clusterKindEnum('kind_code'),
    changeKind: text('change_kind').notNull().default('created'),
    changeNote: text('change_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cluster_revisions_cluster_idx').on(t.clusterId, t.validFromFiscalYear),
    index('cluster_revisions_years_idx').on(t.validFromFiscalYear, t.validToFiscalYear),
  ],
);

/** 所管組織: org units that own a cluster. */
export const clusterOwners = pgTable(
  'cluster_owners',
  {
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.orgUnitId] }),
    index('cluster_owners_org_idx').on(t.orgUnitId),
  ],
);

/** 経営分析: one per cluster and fiscal year; its existence makes the cluster that year's analysis target. */
export const analyses = pgTable(
  'analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    fiscalYear: integer('fiscal_year').notNull(),
    stage: analysisStageEnum('stage').notNull().default('planned'),
    leadOrgUnitId: uuid('lead_org_unit_id').references(() => orgUnits.id),
    contactUserId: uuid('contact_user_id').references(() => users.id),
    isPublished: boolean('is_published').notNull().default(false),
    reviewStatus: analysisReviewStatusEnum('review_status').notNull().default('draft'),
    /** Set when an unfinished analysis is closed at a new fiscal year instead of rolling over. */
    closedReason: text('closed_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The previous year's analysis this one continues, when it rolled over. */
    rolledOverFromId: uuid('rolled_over_from_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('analyses_cluster_year_key').on(t.clusterId, t.fiscalYear),
    index('analyses_year_stage_idx').on(t.fiscalYear, t.stage),
  ],
);
