import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
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

export const orgUnitLevelEnum = pgEnum('org_unit_level', [
  'bureau',
  'ward',
  'office',
  'department',
  'section',
  'unit',
]);
export const roleEnum = pgEnum('role', [
  'reform_office',
  'executive',
  'bureau_head',
  'department_staff',
  'staff',
  'pt_member',
  'system_admin',
]);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** 年度: a fiscal year the programme runs in. */
export const fiscalYears = pgTable('fiscal_years', {
  year: integer('year').primaryKey(),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 組織: 局/区/室/部/課/係 as a tree with effective dates. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    nameEn: text('name_en'),
    level: orgUnitLevelEnum('level').notNull(),
    parentId: uuid('parent_id'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('org_units_code_key').on(t.code), index('org_units_parent_idx').on(t.parentId)],
);

/** 利用者: a person who signs in. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    displayNameKana: text('display_name_kana'),
    email: text('email'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    oidcSubject: text('oidc_subject'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_login_key').on(sql`lower(${t.login})`),
    uniqueIndex('users_oidc_subject_key').on(t.oidcSubject),
    index('users_org_unit_idx').on(t.orgUnitId),
  ],
);

/** 役割: a role a user holds, bound to an org unit when the role is scoped. */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
  },
  (t) => [
    uniqueIndex('user_roles_unique').on(
      t.userId,
      t.role,
      sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('user_roles_user_idx').on(t.userId),
  ],
);

/** A signed-in session; the cookie holds a token whose SHA-256 is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per login, for the lockout rule. */
export const signInThrottles = pgTable('sign_in_throttles', {
  login: text('login').primaryKey(),
  failureCount: integer('failure_count').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** 監査ログ: append-only record of every write, made in the same transaction. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorId, t.occurredAt),
  ],
);

/** Settings and markers kept by the app itself (e.g. when demo data was loaded). */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A counter per cached resource, bumped in the same transaction as any write that changes it, so
 * every app process sees at once that its cached copy is stale.
 */
export const cacheVersions = pgTable('cache_versions', {
  key: text('key').primaryKey(),
  version: integer('version').notNull().default(1),
});

export { primaryKey };
