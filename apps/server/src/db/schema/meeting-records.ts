import { ACTION_STATUSES, AGENDA_ITEM_KINDS, MINUTES_STATUSES } from '@totonoe/domain';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachments } from './attachments.ts';
import { analysisStageEnum } from './clusters.ts';
import { orgUnits, users } from './core.ts';
import { meetings } from './meetings.ts';

export const agendaItemKindEnum = pgEnum('agenda_item_kind', AGENDA_ITEM_KINDS);
export const actionStatusEnum = pgEnum('action_status', ACTION_STATUSES);
export const minutesStatusEnum = pgEnum('minutes_status', MINUTES_STATUSES);
export const agendaLinkTypeEnum = pgEnum('agenda_link_type', [
  'analysis',
  'action',
  'cluster',
  'platinum_issue',
]);

/** 議題: one item of a meeting's agenda (次第), in agenda order. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    kind: agendaItemKindEnum('kind').notNull(),
    title: text('title').notNull(),
    presenterOrgUnitId: uuid('presenter_org_unit_id').references(() => orgUnits.id),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** What an agenda item reports: an analysis (at a stage), an instruction under review, a cluster, a Platinum issue. */
export const agendaItemLinks = pgTable(
  'agenda_item_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    targetType: agendaLinkTypeEnum('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    analysisStage: analysisStageEnum('analysis_stage'),
  },
  (t) => [
    uniqueIndex('agenda_item_links_key').on(t.agendaItemId, t.targetType, t.targetId),
    index('agenda_item_links_target_idx').on(t.targetType, t.targetId),
  ],
);

/** 資料: a material of an agenda item; its number (資料n) follows the agenda order and is not stored. Its files are attachments. */
export const meetingMaterials = pgTable(
  'meeting_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** The file as the presenting unit made it (an attachment owned by this material). */
    fileId: uuid('file_id')
      .notNull()
      .references(() => attachments.id),
    /** The 黒塗り edition the public gets when redaction is required. */
    redactedFileId: uuid('redacted_file_id').references(() => attachments.id),
    isRedactionRequired: boolean('is_redaction_required').notNull().default(false),
    isPublished: boolean('is_published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_materials_meeting_idx').on(t.meetingId),
    index('meeting_materials_item_idx').on(t.agendaItemId, t.position),
  ],
);

/** 決定事項: a decision recorded against an agenda item. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    index('meeting_decisions_item_idx').on(t.agendaItemId),
  ],
);

/** 議事要旨: the minutes of a meeting, drafted, approved by the reform office, then published. */
export const meetingMinutes = pgTable('meeting_minutes', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  body: text('body').notNull(),
  status: minutesStatusEnum('status').notNull().default('draft'),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 指示事項 → tracked action: what top management told an org unit to do, followed until closed. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    body: text('body').notNull(),
    ownerOrgUnitId: uuid('owner_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dueDate: date('due_date').notNull(),
    status: actionStatusEnum('status').notNull().default('open'),
    closedAtMeetingId: uuid('closed_at_meeting_id').references(() => meetings.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_actions_meeting_idx').on(t.meetingId),
    index('meeting_actions_owner_idx').on(t.ownerOrgUnitId, t.status),
    index('meeting_actions_status_due_idx').on(t.status, t.dueDate),
  ],
);

/** 対応状況: one progress note on an action, with the status change it made (if any). */
export const meetingActionUpdates = pgTable(
  'meeting_action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => meetingActions.id),
    body: text('body').notNull(),
    fromStatus: actionStatusEnum('from_status').notNull(),
    toStatus: actionStatusEnum('to_status').notNull(),
    reviewedAtMeetingId: uuid('reviewed_at_meeting_id').references(() => meetings.id),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_action_updates_action_idx').on(t.actionId, t.createdAt)],
);

/** A private calendar feed: the URL carries a token; only its SHA-256 is kept, and it can be revoked. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_key').on(t.tokenHash),
    index('calendar_feed_tokens_user_idx').on(t.userId),
  ],
);
