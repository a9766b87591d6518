import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core.ts';
import { notifications } from './notifications.ts';

/** How a person wants e-mail: each notification at once, one digest a day, or none. */
export const mailDeliveryEnum = pgEnum('mail_delivery', ['immediate', 'daily_digest', 'off']);

export const mailStatusEnum = pgEnum('mail_status', [
  'pending',
  'sending',
  'sent',
  'digested',
  'failed',
  'cancelled',
]);

/** メール通知の設定: one row per person who changed the default (immediate). */
export const mailSettings = pgTable('mail_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  delivery: mailDeliveryEnum('delivery').notNull().default('immediate'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: mail written in the same transaction as the change it reports and sent after commit
 * by the sender loop, which retries with back-off. A row is either one message (`immediate`) or one
 * line waiting for the recipient's daily digest (`daily_digest`, status `digested` once it went out
 * inside the digest message `digest_id`; a digest message's `digest_id` is its own id). A row made
 * from an in-app notification keeps only the notification's id; its text is written when it is sent.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    delivery: mailDeliveryEnum('delivery').notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'cascade' }),
    subject: text('subject'),
    body: text('body'),
    /** A path inside the app the mail points to. */
    link: text('link'),
    status: mailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: when another sender may take the row over (its sender stopped). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    digestId: uuid('digest_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.delivery, t.nextAttemptAt),
    index('mail_outbox_recipient_idx').on(t.recipientId, t.createdAt),
    index('mail_outbox_notification_idx').on(t.notificationId),
  ],
);
