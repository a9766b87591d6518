import {
  ASSIGNMENT_DECISIONS,
  type CampaignPhases,
  IDEA_STATUSES,
  ISSUE_STATUSES,
  PLATINUM_THEMES,
  RESPONSE_STATUSES,
} from '@totonoe/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from './core.ts';
import { datePrecisionEnum } from './meetings.ts';

export const platinumThemeEnum = pgEnum('platinum_theme', PLATINUM_THEMES);
export const platinumIdeaStatusEnum = pgEnum('platinum_idea_status', IDEA_STATUSES);
export const platinumIssueStatusEnum = pgEnum('platinum_issue_status', ISSUE_STATUSES);
export const platinumDecisionEnum = pgEnum('platinum_decision', ASSIGNMENT_DECISIONS);
export const platinumResponseStatusEnum = pgEnum('platinum_response_status', RESPONSE_STATUSES);

/** A solution option the rule-owning bureau considered (解決案). */
export type AssignmentOption = { title: string; summary: string };

/** プラチナ市役所プロジェクト: one campaign of a fiscal year, with its themes and phases. */
export const platinumCampaigns = pgTable(
  'platinum_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    themes: platinumThemeEnum('themes').array().notNull(),
    phases: jsonb('phases').$type<CampaignPhases>().notNull(),
    // Numbers shown to people (No.12) are handed out under the campaign row's lock.
    nextIdeaNumber: integer('next_idea_number').notNull().default(1),
    nextIssueNumber: integer('next_issue_number').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platinum_campaigns_year_idx').on(t.fiscalYear)],
);

/** プロジェクトチーム (PT): the members the reform office chose for a campaign. */
export const platinumTeamMembers = pgTable(
  'platinum_team_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => platinumCampaigns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    index('platinum_team_members_user_idx').on(t.userId),
  ],
);

/** 課題: ideas the PT grouped, carried through the bureau's decision to the announced response. */
export const platinumIssues = pgTable(
  'platinum_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => platinumCampaigns.id),
    number: integer('number').notNull(),
    theme: platinumThemeEnum('theme').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: platinumIssueStatusEnum('status').notNull().default('open'),
    /** Why it was held or declined; the submitters see it. */
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdById: uuid('created_by_id').references(() => users.id),
    sentOnAt: timestamp('sent_on_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    implementedAt: timestamp('implemented_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('platinum_issues_number_key').on(t.campaignId, t.number),
    index('platinum_issues_status_idx').on(t.campaignId, t.status),
  ],
);

/**
 * アイデア: one staff member's idea. The author is always stored; when `isAnonymous` only the
 * reform office may see it (presenters drop it for everyone else).
 */
export const platinumIdeas = pgTable(
  'platinum_ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => platinumCampaigns.id),
    number: integer('number').notNull(),
    theme: platinumThemeEnum('theme').notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    proposal: text('proposal').notNull(),
    expectedEffect: text('expected_effect').notNull().default(''),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorOrgUnitId: uuid('author_org_unit_id').references(() => orgUnits.id),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    status: platinumIdeaStatusEnum('status').notNull().default('submitted'),
    /** The moderation reason when hidden. */
    statusReason: text('status_reason'),
    issueId: uuid('issue_id').references(() => platinumIssues.id),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => platinumIdeas.id),
    supportCount: integer('support_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    /** normalizeForSearch of every text field: the `q` filter's LIKE runs on it through a trigram index. */
    searchKey: text('search_key').notNull(),
    /** normalizeForSearch of title and the start of the proposal: "similar ideas" match on it. */
    similarityKey: text('similarity_key').notNull(),
    groupedAt: timestamp('grouped_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('platinum_ideas_number_key').on(t.campaignId, t.number),
    index('platinum_ideas_campaign_status_idx').on(t.campaignId, t.status, t.number),
    index('platinum_ideas_campaign_theme_idx').on(t.campaignId, t.theme, t.number),
    index('platinum_ideas_campaign_supports_idx').on(t.campaignId, t.supportCount.desc(), t.number.desc()),
    // A progress filter (with or without a theme) sorted by supports reads its page from the index.
    index('platinum_ideas_campaign_status_supports_idx').on(
      t.campaignId,
      t.status,
      t.supportCount.desc(),
      t.number.desc(),
    ),
    index('platinum_ideas_campaign_theme_status_supports_idx').on(
      t.campaignId,
      t.theme,
      t.status,
      t.supportCount.desc(),
      t.number.desc(),
    ),
    // Lists across every campaign, newest number first.
    index('platinum_ideas_number_idx').on(t.number.desc(), t.id.desc()),
    index('platinum_ideas_issue_idx').on(t.issueId),
    index('platinum_ideas_author_idx').on(t.authorId),
    index('platinum_ideas_merged_into_idx').on(t.mergedIntoId),
    index('platinum_ideas_search_key_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
    check('platinum_ideas_support_count_check', sql`${t.supportCount} >= 0`),
  ],
);

/**
 * The key "similar ideas" compares, kept apart from the idea row by a trigger (drizzle 0027): a
 * support rewrites the idea row (its count) hundreds of times a second, and each rewrite added the
 * key's trigrams to the row's trigram index again, growing a pending list every suggestion had to
 * read. This row changes only when the title or campaign does.
 */
export const platinumIdeaSimilarityKeys = pgTable(
  'platinum_idea_similarity_keys',
  {
    ideaId: uuid('idea_id')
      .primaryKey()
      .references(() => platinumIdeas.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').notNull(),
    similarityKey: text('similarity_key').notNull(),
  },
  (t) => [
    index('platinum_idea_similarity_keys_campaign_idx').on(t.campaignId),
    // Written only on submission and edit, read on every keystroke: entries go straight into the
    // index rather than a pending list each suggestion would have to read first.
    index('platinum_idea_similarity_keys_trgm')
      .using('gin', t.similarityKey.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
  ],
);

/** 賛同: one per person per idea (the primary key makes a second one impossible). */
export const platinumSupports = pgTable(
  'platinum_supports',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => platinumIdeas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Set when the support came over from a duplicate merged into this idea; undoing the merge removes it. */
    carriedFromIdeaId: uuid('carried_from_idea_id').references(() => platinumIdeas.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ideaId, t.userId] }),
    index('platinum_supports_user_idx').on(t.userId),
    index('platinum_supports_carried_idx').on(t.carriedFromIdeaId),
  ],
);

/** コメント on an idea. */
export const platinumComments = pgTable(
  'platinum_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => platinumIdeas.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    isHidden: boolean('is_hidden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platinum_comments_idea_idx').on(t.ideaId, t.createdAt)],
);

/** 評価: one PT reviewer's score of an issue on the rubric (1–5 each). */
export const platinumIssueScores = pgTable(
  'platinum_issue_scores',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => platinumIssues.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    impact: smallint('impact').notNull(),
    feasibility: smallint('feasibility').notNull(),
    breadth: smallint('breadth').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.reviewerId] }),
    check('platinum_issue_scores_impact_check', sql`${t.impact} between 1 and 5`),
    check('platinum_issue_scores_feasibility_check', sql`${t.feasibility} between 1 and 5`),
    check('platinum_issue_scores_breadth_check', sql`${t.breadth} between 1 and 5`),
  ],
);

/** 制度所管局への送付: the issue's assignment to the rule-owning bureau and its decision. */
export const platinumAssignments = pgTable(
  'platinum_assignments',
  {
    issueId: uuid('issue_id')
      .primaryKey()
      .references(() => platinumIssues.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dueOn: date('due_on'),
    assignedById: uuid('assigned_by_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    options: jsonb('options').$type<AssignmentOption[]>().notNull().default([]),
    decision: platinumDecisionEnum('decision'),
    decisionReason: text('decision_reason'),
    implementationPrecision: datePrecisionEnum('implementation_precision'),
    implementationStart: date('implementation_start'),
    implementationEnd: date('implementation_end'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    implementationStartedOn: date('implementation_started_on'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platinum_assignments_org_unit_idx').on(t.orgUnitId)],
);

/** 対応方針: the response the related bureau head announces, approved by the reform office. */
export const platinumResponses = pgTable('platinum_responses', {
  issueId: uuid('issue_id')
    .primaryKey()
    .references(() => platinumIssues.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  status: platinumResponseStatusEnum('status').notNull().default('draft'),
  draftedById: uuid('drafted_by_id').references(() => users.id),
  announcedByOrgUnitId: uuid('announced_by_org_unit_id').references(() => orgUnits.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  returnReason: text('return_reason'),
  approvedById: uuid('approved_by_id').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
