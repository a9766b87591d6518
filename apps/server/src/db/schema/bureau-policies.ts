import { APPROVAL_ACTIONS, APPROVAL_STATUSES, CONSULTATION_DECISIONS } from '@totonoe/domain';
import {
  bigserial,
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
import { orgUnits, users } from './core.ts';

export const bureauPolicyStatusEnum = pgEnum('bureau_policy_status', APPROVAL_STATUSES);
export const bureauPolicyConsultationDecisionEnum = pgEnum(
  'bureau_policy_consultation_decision',
  CONSULTATION_DECISIONS,
);
/** The route's actions plus the two that make a version: creating the policy and revising it. */
export const bureauPolicyStepActionEnum = pgEnum('bureau_policy_step_action', [
  'create',
  'revise',
  ...APPROVAL_ACTIONS,
]);

/** A priority theme (重点テーマ) of a bureau policy. */
export type BureauPolicyTheme = { title: string; description: string };
/** A KPI a bureau policy commits to, with its figures as text so nothing is rounded. */
export type BureauPolicyKpi = {
  name: string;
  unit: string;
  baseline: string | null;
  target: string | null;
  targetFiscalYear: number | null;
};

/** 局区X方針: one per org unit (局/区/室) and fiscal year; its text lives in versions. */
export const bureauPolicies = pgTable(
  'bureau_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    fiscalYear: integer('fiscal_year').notNull(),
    latestVersionNumber: integer('latest_version_number').notNull().default(1),
    publishedVersionNumber: integer('published_version_number'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bureau_policies_unit_year_key').on(t.orgUnitId, t.fiscalYear),
    index('bureau_policies_year_idx').on(t.fiscalYear),
  ],
);

/** One version (版) of a bureau policy and where it stands on the 決裁 route. */
export const bureauPolicyVersions = pgTable(
  'bureau_policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => bureauPolicies.id),
    versionNumber: integer('version_number').notNull(),
    status: bureauPolicyStatusEnum('status').notNull().default('draft'),
    title: text('title').notNull(),
    vision: text('vision').notNull().default(''),
    priorityThemes: jsonb('priority_themes').$type<BureauPolicyTheme[]>().notNull().default([]),
    clusterIds: uuid('cluster_ids').array().notNull().default([]),
    kpis: jsonb('kpis').$type<BureauPolicyKpi[]>().notNull().default([]),
    revisionNote: text('revision_note'),
    consultationRound: integer('consultation_round').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    drafterId: uuid('drafter_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bureau_policy_versions_number_key').on(t.policyId, t.versionNumber),
    index('bureau_policy_versions_status_idx').on(t.status),
  ],
);

/** 合議: a unit the drafter named, and its answer, per round of consultation. */
export const bureauPolicyConsultations = pgTable(
  'bureau_policy_consultations',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => bureauPolicyVersions.id),
    round: integer('round').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    position: integer('position').notNull(),
    decision: bureauPolicyConsultationDecisionEnum('decision').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.round, t.orgUnitId] }),
    index('bureau_policy_consultations_unit_idx').on(t.orgUnitId, t.decision),
  ],
);

/** The route's trail: every step with who, when, from which state to which, and the comment. */
export const bureauPolicySteps = pgTable(
  'bureau_policy_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => bureauPolicyVersions.id),
    action: bureauPolicyStepActionEnum('action').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    fromStatus: bureauPolicyStatusEnum('from_status'),
    toStatus: bureauPolicyStatusEnum('to_status').notNull(),
    comment: text('comment'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bureau_policy_steps_version_idx').on(t.versionId, t.id)],
);
