import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clusters } from './clusters.ts';
import { users } from './core.ts';

export const clusterEventKindEnum = pgEnum('cluster_event_kind', [
  'created',
  'renamed',
  'regrouped',
  'renumbered',
  'merged',
  'split',
  'retired',
  'owners_changed',
]);

/**
 * 事業クラスターの変更履歴: what happened to a cluster from a fiscal year on. Merges and splits
 * name the clusters on the other side (`relatedClusterIds`): a merged cluster points at the one it
 * went into, a split cluster at the ones it became, and the new clusters point back.
 */
export const clusterEvents = pgTable(
  'cluster_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: clusterEventKindEnum('kind').notNull(),
    relatedClusterIds: jsonb('related_cluster_ids').$type<string[]>().notNull().default([]),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cluster_events_cluster_idx').on(t.clusterId, t.fiscalYear)],
);
