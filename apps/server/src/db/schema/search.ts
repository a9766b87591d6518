import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 検索索引: the text of every searchable record, folded for Japanese search (width, case, kana) and
 * cut into character bigrams for a GIN index; a match is rechecked with LIKE on the folded text.
 * A record has one document per audience (`tier`: what the public, every employee, or only some
 * people may read of it), each with who may read it, so that a search filters by permission
 * before it ranks, counts or cuts a snippet.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    /** `public`, `staff` or `restricted`: more inclusive text for a narrower audience. */
    tier: text('tier').notNull(),
    fiscalYear: integer('fiscal_year'),
    /** Last fiscal year the record applies to (a cluster revision spans years); null = fiscal_year only. */
    fiscalYearTo: integer('fiscal_year_to'),
    /** The record's org unit and every unit above it, for the bureau filter. */
    orgUnitPath: uuid('org_unit_path').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    searchTitle: text('search_title').notNull(),
    searchText: text('search_text').notNull(),
    bigrams: text('bigrams').array().notNull(),
    /** A path inside the app. */
    link: text('link').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    isForSignedIn: boolean('is_for_signed_in').notNull().default(false),
    readerRoles: text('reader_roles').array().notNull().default(sql`'{}'::text[]`),
    /** People holding bureau_head or department_staff for one of these units may read. */
    readerUnitIds: uuid('reader_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    readerUserIds: uuid('reader_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sortAt: timestamp('sort_at', { withTimezone: true }).notNull().defaultNow(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('search_documents_record_key').on(t.kind, t.recordId, t.tier),
    index('search_documents_bigrams_idx').using('gin', t.bigrams),
    // The slice a frequent word is ranked and counted on (records whose id starts with 0, a
    // sixteenth): its own bigram index, so the slice is found without reading every match's postings.
    index('search_documents_slice_bigrams_idx').using('gin', t.bigrams).where(sql`${t.recordId} < '1'`),
    index('search_documents_year_idx').on(t.kind, t.fiscalYear),
  ],
);

/** Records whose search documents must be rebuilt, queued by triggers in the writer's transaction. */
export const searchQueue = pgTable(
  'search_queue',
  {
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The indexer takes the oldest entries first: without this every batch sorts the whole queue.
  (t) => [primaryKey({ columns: [t.kind, t.recordId] }), index('search_queue_queued_at_idx').on(t.queuedAt)],
);
