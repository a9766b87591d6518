import { NEED_CHANNELS, NEED_LINK_KINDS, NEED_SIDES, NEED_STATUSES } from '@totonoe/domain';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgUnits, users } from './core.ts';

export const needSideEnum = pgEnum('need_side', NEED_SIDES);
export const needChannelEnum = pgEnum('need_channel', NEED_CHANNELS);
export const needStatusEnum = pgEnum('need_status', NEED_STATUSES);
export const needLinkKindEnum = pgEnum('need_link_kind', NEED_LINK_KINDS);

/** A CSV import of needs, committed as a whole. */
export const needImports = pgTable('need_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name'),
  encoding: text('encoding').notNull(),
  rowCount: integer('row_count').notNull(),
  importedBy: uuid('imported_by').references(() => users.id),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 受け手・担い手のニーズ・課題: one voice, verbatim, with where it came from and who holds it. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    side: needSideEnum('side').notNull(),
    channel: needChannelEnum('channel').notNull(),
    body: text('body').notNull(),
    receivedOn: date('received_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: needStatusEnum('status').notNull().default('new'),
    // Personal data: never shown to the public, only to the reform office and the unit that holds the need.
    reporterName: text('reporter_name'),
    reporterContact: text('reporter_contact'),
    isPublic: boolean('is_public').notNull().default(false),
    publicText: text('public_text'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    importId: uuid('import_id').references(() => needImports.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('needs_year_unit_idx').on(t.fiscalYear, t.orgUnitId),
    index('needs_status_idx').on(t.status, t.receivedOn),
    index('needs_public_idx').on(t.isPublic, t.fiscalYear),
  ],
);

/** What a need is linked to: a cluster, an analysis or an initiative (plain ids across features). */
export const needLinks = pgTable(
  'need_links',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    kind: needLinkKindEnum('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.kind, t.targetId] }),
    index('need_links_target_idx').on(t.kind, t.targetId),
  ],
);
