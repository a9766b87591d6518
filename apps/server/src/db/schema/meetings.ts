import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core.ts';

export const datePrecisionEnum = pgEnum('date_precision', [
  'day',
  'early',
  'mid',
  'late',
  'month',
  'quarter',
  'half',
  'year',
]);
export const scheduleLaneEnum = pgEnum('schedule_lane', [
  'x_meeting',
  'bureau_policy',
  'voluntary_reform',
  'analysis',
  'platinum',
]);

/** X会議: one meeting of a fiscal year's series (sequence 0 is the キックオフ). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    sequence: integer('sequence').notNull(),
    title: text('title').notNull(),
    plannedPrecision: datePrecisionEnum('planned_precision').notNull(),
    plannedStart: date('planned_start').notNull(),
    plannedEnd: date('planned_end').notNull(),
    actualDate: date('actual_date'),
    startTime: time('start_time'),
    endTime: time('end_time'),
    place: text('place'),
    isPublic: boolean('is_public').notNull().default(true),
    videoUrl: text('video_url'),
    isAgendaPublished: boolean('is_agenda_published').notNull().default(false),
    isVideoPublished: boolean('is_video_published').notNull().default(false),
    /** Bumped by every change to the agenda (items, order), for If-Match on reorder. */
    agendaVersion: integer('agenda_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meetings_year_sequence_key').on(t.fiscalYear, t.sequence)],
);

/** 年間日程: an entry of the year's schedule, at its real precision. */
export const scheduleItems = pgTable(
  'schedule_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    lane: scheduleLaneEnum('lane').notNull(),
    label: text('label').notNull(),
    precision: datePrecisionEnum('precision').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    isSpanningYear: boolean('is_spanning_year').notNull().default(false),
    linkType: text('link_type'),
    linkId: text('link_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Who added an entry by hand (null for entries the data set or another feature wrote). */
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schedule_items_year_idx').on(t.fiscalYear, t.lane)],
);
